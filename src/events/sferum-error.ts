import type { SferumErrorKind } from '../adapter/errors.js';

export interface SferumErrorDetail {
  kind: SferumErrorKind;
  /** Which operation failed, for example `getLinkStatus` or `submitStep`. */
  operation: string;
}

/**
 * An element showed an error state. The detail names the kind only: never the message,
 * a phone number, a password or a code. Bubbles and is composed.
 */
export class SferumErrorEvent extends Event {
  static readonly eventName = 'sferum-error';
  readonly detail: SferumErrorDetail;

  constructor(detail: SferumErrorDetail) {
    super(SferumErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sferum-error': SferumErrorEvent;
  }
}
