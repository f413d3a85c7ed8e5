export interface SferumReminderDetail {
  /** The conference's `id` from the adapter. */
  conferenceId: string;
  /** The schedule lesson's id, when the reminder was set on `<sferum-join lesson-id>`. */
  lessonId?: string;
  /** When it starts (ISO 8601, as the adapter gave it). */
  start: string;
  /** `soon`: it starts in `minutesLeft` minutes; `live`: it has started (the reminder was set too late to come earlier). */
  state: 'soon' | 'live';
  minutesLeft: number;
}

/**
 * A reminder the user asked for with «Напомнить о начале» came due: N minutes before the start, on
 * the server's clock. It names the conference by id and time only: no title, no organiser, no name.
 * Fired once per reminder, on the element where it was set (or on `document` if that element is
 * gone). Bubbles and is composed.
 */
export class SferumReminderEvent extends Event {
  static readonly eventName = 'sferum-reminder';
  readonly detail: SferumReminderDetail;

  constructor(detail: SferumReminderDetail) {
    super(SferumReminderEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sferum-reminder': SferumReminderEvent;
  }
}
