import { SferumVcs } from '../components/vcs/sferum-vcs.js';
import { defineElement } from './define.js';

defineElement('sferum-vcs', SferumVcs);

export { SferumVcs };
// Its event's type (and its GlobalEventHandlersEventMap entry) for pages that import only this tag.
export type { SferumReminderEvent, SferumReminderDetail } from '../events/sferum-reminder.js';

declare global {
  interface HTMLElementTagNameMap {
    'sferum-vcs': SferumVcs;
  }
}
