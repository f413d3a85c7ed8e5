import { SferumHub } from '../components/hub/sferum-hub.js';
import { defineElement } from './define.js';

defineElement('sferum-hub', SferumHub);

export { SferumHub };
// Its event's type (and its GlobalEventHandlersEventMap entry) for pages that import only this tag.
export type { SferumReminderEvent, SferumReminderDetail } from '../events/sferum-reminder.js';

declare global {
  interface HTMLElementTagNameMap {
    'sferum-hub': SferumHub;
  }
}
