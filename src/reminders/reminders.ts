/**
 * «Напомнить о начале»: the page's reminders. They live as long as the page (nothing is stored),
 * and one subscription to the page clock drives all of them, only while any is set: no timer
 * per row or per element. Times are the server's (each reminder keeps the offset of the element
 * that set it), so a computer whose clock is off reminds at the right moment.
 */
import type { Conference } from '../adapter/schemas.js';
import type { Clock } from '../controllers/clock.js';
import { SferumReminderEvent } from '../events/sferum-reminder.js';

export interface Reminder {
  readonly conference: Conference;
  readonly lessonId?: string | undefined;
  /** Minutes before the start it was asked for. */
  readonly minutes: number;
  /** Server time minus page-clock time, from the answer the element showed. */
  readonly offsetMs: number;
  /** When it comes due, in server time: N minutes before the start, or the start itself when set later than that. */
  readonly dueAt: number;
  /** The element that set it: it shows the message and receives the event. */
  readonly owner: HTMLElement;
  state: 'waiting' | 'soon' | 'live';
  /** Whole minutes to the start, as of the last tick (0 once it has started). */
  minutesLeft: number;
  /** Called once when it comes due (the owner's texts, a system notification). */
  readonly onDue: (reminder: Reminder) => void;
}

export type ReminderInput = Omit<Reminder, 'state' | 'minutesLeft' | 'dueAt'>;

const reminders = new Map<string, Reminder>();
const watchers = new Set<() => void>();
let stopTicking: (() => void) | undefined;

const startOf = (r: Reminder) => Date.parse(r.conference.start);

/** The reminder set for a conference, if any. */
export function reminderFor(conferenceId: string): Reminder | undefined {
  return reminders.get(conferenceId);
}

/** The reminders an element set that have come due (its messages), oldest first. */
export function dueReminders(owner: HTMLElement): Reminder[] {
  return [...reminders.values()].filter((r) => r.owner === owner && r.state !== 'waiting');
}

/** Sets (or replaces) the reminder of a conference; `clock` is the page clock (the element's). */
export function setReminder(input: ReminderInput, clock: Clock): Reminder {
  const now = clock.now() + input.offsetMs;
  const start = Date.parse(input.conference.start);
  const early = start - input.minutes * 60_000;
  // Set with less than N minutes to go: the reminder comes as it starts, not at once.
  const reminder: Reminder = { ...input, dueAt: now >= early ? start : early, state: 'waiting', minutesLeft: minutesTo(start, now) };
  reminders.set(input.conference.id, reminder);
  stopTicking ??= clock.subscribe(tick);
  changed();
  return reminder;
}

/** Removes a conference's reminder (the toggle pressed again, or its message closed). */
export function removeReminder(conferenceId: string): void {
  if (reminders.delete(conferenceId)) changed();
  if (reminders.size === 0) stop();
}

/** Removes every reminder (tests; a host resetting its page without reloading it). */
export function clearReminders(): void {
  reminders.clear();
  stop();
  changed();
}

/** Calls `watcher` whenever a reminder is set, removed, comes due, or its minutes change. */
export function watchReminders(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

function minutesTo(start: number, now: number): number {
  return Math.max(0, Math.ceil((start - now) / 60_000));
}

function tick(pageNow: number): void {
  let any = false;
  for (const [id, r] of reminders) {
    const now = pageNow + r.offsetMs;
    if (now >= Date.parse(r.conference.end)) {
      // Over: the message has nothing left to say.
      reminders.delete(id);
      any = true;
      continue;
    }
    const left = minutesTo(startOf(r), now);
    if (r.state === 'waiting' && now >= r.dueAt) {
      r.state = left > 0 ? 'soon' : 'live';
      r.minutesLeft = left;
      fire(r);
      any = true;
    } else if (r.state !== 'waiting' && (left !== r.minutesLeft || (left === 0 && r.state === 'soon'))) {
      r.minutesLeft = left;
      if (left === 0) r.state = 'live';
      any = true;
    } else r.minutesLeft = left;
  }
  if (any) changed();
  if (reminders.size === 0) stop();
}

function fire(r: Reminder): void {
  const detail = {
    conferenceId: r.conference.id,
    ...(r.lessonId ? { lessonId: r.lessonId } : {}),
    start: r.conference.start,
    state: r.state === 'live' ? ('live' as const) : ('soon' as const),
    minutesLeft: r.minutesLeft,
  };
  // The element may be gone (the host re-rendered its page): the host still hears of it.
  (r.owner.isConnected ? r.owner : document).dispatchEvent(new SferumReminderEvent(detail));
  r.onDue(r);
}

function changed(): void {
  for (const watcher of [...watchers]) watcher();
}

function stop(): void {
  stopTicking?.();
  stopTicking = undefined;
}
