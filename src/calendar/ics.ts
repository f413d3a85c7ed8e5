/**
 * iCalendar files (RFC 5545) for «Добавить в календарь»: one VEVENT per conference, times in UTC
 * (exact for every zone without shipping VTIMEZONE rules), TEXT values escaped, lines folded at
 * 75 octets on code-point boundaries, CRLF line ends. Pure functions: no DOM, no clock.
 */

export interface CalendarEvent {
  /** Globally unique and stable: the same conference gives the same UID, so a second import updates it. */
  uid: string;
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
  /** When the file was made (DTSTAMP). */
  stamp: number;
  summary: string;
  description?: string;
  /** Only a URL that passed the URL policy: it goes into the file as it is. */
  url?: string | null;
}

/** `20261123T060000Z`: a UTC DATE-TIME. */
export function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A TEXT value: `\`, `;` and `,` escaped, every line break as `\n`, and the control characters the
 * grammar forbids (everything below U+0020 but TAB, and U+007F) dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    // eslint-disable-next-line no-control-regex -- dropping control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line so that no line is longer than 75 octets, never splitting a code point. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // A continuation line starts with one space, which counts towards its 75.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A whole calendar with the given events. */
export function buildCalendar(events: readonly CalendarEvent[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//sferum-widgets//Conferences//RU', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      `DTSTART:${utcStamp(e.start)}`,
      `DTEND:${utcStamp(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    // A URI value is not escaped: only a URL that passed the policy (https, no spaces, no line breaks) comes here.
    if (e.url && /^https:\/\/[^\s"]+$/.test(e.url)) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

// Characters no file system takes, controls, and the bidi controls that can make
// «урок‮scі.exe» read backwards in a downloads list.
// eslint-disable-next-line no-control-regex -- dropping control characters is the point
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name from a title: `Алгебра системы уравнений 2026-11-23.ics`; never a path, never hidden, never too long. */
export function calendarFileName(title: string, day: string, fallback: string): string {
  let base = title.normalize('NFC').replace(UNSAFE_IN_NAME, ' ').replace(/\s+/g, ' ').trim();
  base = [...base].slice(0, 60).join('').replace(/^[.\s]+|[.\s]+$/g, '');
  if (base === '' || RESERVED.test(base)) base = fallback;
  return `${base} ${day}.ics`;
}
