import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Conference } from '../../adapter/schemas.js';
import { getClock } from '../../controllers/clock.js';
import { conferenceState } from './conference-time.js';

/**
 * The server's time, seen through the page clock: the offset between the server time an answer
 * carried and the page clock at that moment. One page-wide clock ticks; the host re-renders only
 * when what its conferences show changes (a state, a minute to the start), not every second.
 */
export class ServerClock implements ReactiveController {
  private offsetMs = 0;
  private unsubscribe?: () => void;
  private last = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly conferences: () => readonly Conference[],
  ) {
    host.addController(this);
  }

  /** Records the server's time from an answer (ISO 8601). */
  sync(serverTime: string): void {
    this.offsetMs = Date.parse(serverTime) - getClock().now();
    this.last = '';
  }

  now(): number {
    return getClock().now() + this.offsetMs;
  }

  hostConnected(): void {
    this.unsubscribe = getClock().subscribe(() => {
      const now = this.now();
      const next = this.conferences()
        .map((c) => `${conferenceState(c, now)}:${Math.ceil((Date.parse(c.start) - now) / 60_000)}`)
        .join();
      if (next !== this.last) {
        this.last = next;
        this.host.requestUpdate();
      }
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
