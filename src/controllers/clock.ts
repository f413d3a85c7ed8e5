import { isServer } from 'lit';

/**
 * One clock for the whole page: countdowns, polling and live conference states all read it,
 * and a single interval ticks once a second while anything listens (no timer per row or per
 * element). Tests install a `ManualClock` and move time by hand, with no real waiting.
 */
export interface Clock {
  now(): number;
  /** Calls `listener` on every tick; returns the unsubscribe function. */
  subscribe(listener: (now: number) => void): () => void;
}

class SystemClock implements Clock {
  private readonly listeners = new Set<(now: number) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;

  now(): number {
    return Date.now();
  }

  subscribe(listener: (now: number) => void): () => void {
    this.listeners.add(listener);
    // A server render (with connectedCallback on) has nothing to tick, and an interval would keep Node running.
    if (isServer) return () => this.listeners.delete(listener);
    this.timer ??= setInterval(() => {
      const now = this.now();
      for (const l of [...this.listeners]) l(now);
    }, 1000);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== undefined) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }
}

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  private time: number;
  private readonly listeners = new Set<(now: number) => void>();

  constructor(start = Date.now()) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  subscribe(listener: (now: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Moves time forward, ticking once per elapsed second as the page clock would. */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.time < end) {
      this.time = Math.min(end, this.time + 1000);
      for (const l of [...this.listeners]) l(this.time);
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** The page clock moved by an offset (a demo's «the lesson starts now»; a kiosk's fixed skew). */
export class ShiftedClock implements Clock {
  constructor(
    private readonly base: Clock,
    public offsetMs = 0,
  ) {}

  now(): number {
    return this.base.now() + this.offsetMs;
  }

  subscribe(listener: (now: number) => void): () => void {
    return this.base.subscribe(() => listener(this.now()));
  }
}

const KEY = Symbol.for('sferum/clock@1');
type Global = typeof globalThis & { [KEY]?: Clock };

/** The page's clock (shared with another copy of the bundle on the same page). */
export function getClock(): Clock {
  return ((globalThis as Global)[KEY] ??= new SystemClock());
}

/** Replaces the page clock (tests); returns a function that puts the previous one back. */
export function setClock(clock: Clock): () => void {
  const previous = getClock();
  (globalThis as Global)[KEY] = clock;
  return () => {
    (globalThis as Global)[KEY] = previous;
  };
}
