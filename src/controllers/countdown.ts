// Its own module, not part of clock.ts: only the linking steps count down, and they load lazily;
// beside the clock (which every element's first load has) it would ride along in those loads.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getClock } from './clock.js';

/**
 * Counts down to a moment on the page clock and re-renders its host every second while
 * running. Stops listening when the host leaves the DOM, resumes when it comes back.
 */
export class Countdown implements ReactiveController {
  private endsAt: number | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onEnd?: () => void,
  ) {
    host.addController(this);
  }

  start(seconds: number): void {
    this.endsAt = getClock().now() + Math.max(0, seconds) * 1000;
    this.listen();
    this.host.requestUpdate();
  }

  stop(): void {
    this.endsAt = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Whole seconds left, 0 when done or not started. */
  get remaining(): number {
    if (this.endsAt === undefined) return 0;
    return Math.max(0, Math.ceil((this.endsAt - getClock().now()) / 1000));
  }

  get running(): boolean {
    return this.remaining > 0;
  }

  hostConnected(): void {
    this.connected = true;
    if (this.endsAt !== undefined) this.listen();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private listen(): void {
    if (!this.connected || this.unsubscribe) return;
    this.unsubscribe = getClock().subscribe(() => {
      this.host.requestUpdate();
      if (this.remaining === 0) {
        this.stop();
        this.onEnd?.();
      }
    });
  }
}
