import { SferumJoin } from '../components/join/sferum-join.js';
import { defineElement } from './define.js';

defineElement('sferum-join', SferumJoin);

export { SferumJoin };
// Its event's type (and its GlobalEventHandlersEventMap entry) for pages that import only this tag.
export type { SferumReminderEvent, SferumReminderDetail } from '../events/sferum-reminder.js';

declare global {
  interface HTMLElementTagNameMap {
    'sferum-join': SferumJoin;
  }
}
