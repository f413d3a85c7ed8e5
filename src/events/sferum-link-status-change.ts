import type { LinkMethod } from '../adapter/schemas.js';

export interface SferumLinkStatusChangeDetail {
  state: 'unlinked' | 'pending' | 'linked';
  /** How the account is (being) linked; absent when unlinked. */
  method?: LinkMethod;
}

/**
 * The link status became known or changed (linked, unlinked, pending).
 * Carries no phone number, name or flow secret. Bubbles and is composed.
 */
export class SferumLinkStatusChangeEvent extends Event {
  static readonly eventName = 'sferum-link-status-change';
  readonly detail: SferumLinkStatusChangeDetail;

  constructor(detail: SferumLinkStatusChangeDetail) {
    super(SferumLinkStatusChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sferum-link-status-change': SferumLinkStatusChangeEvent;
  }
}
