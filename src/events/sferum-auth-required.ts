/**
 * The journal session ended (the adapter answered `unauthorized`). The host re-authenticates
 * and then calls `retry()` on the element; what the user typed is kept. Bubbles and is composed.
 */
export class SferumAuthRequiredEvent extends Event {
  static readonly eventName = 'sferum-auth-required';

  constructor() {
    super(SferumAuthRequiredEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sferum-auth-required': SferumAuthRequiredEvent;
  }
}
