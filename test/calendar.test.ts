// The .ics files of «Добавить в календарь» (RFC 5545), read back with a maintained iCalendar
// parser (ical.js), hostile titles and right-to-left text included.
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { buildCalendar, calendarFileName, escapeText, foldLine, utcStamp, type CalendarEvent } from '../src/calendar/ics.js';

const encoder = new TextEncoder();
const start = Date.parse('2026-11-23T09:00:00+03:00');
const end = Date.parse('2026-11-23T09:45:00+03:00');
const base: CalendarEvent = { uid: 'vc-1@journal.example', start, end, stamp: Date.parse('2026-11-20T12:00:00Z'), summary: 'Алгебра', description: 'Онлайн-урок', url: 'https://sferum.ru/call/vc-1' };

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

/** The time in a zone as a person there reads it: `09:00`. */
const wallClock = (date: Date, timeZone: string) => new Intl.DateTimeFormat('ru-RU', { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);

describe('.ics files', () => {
  it('a calendar with one event: the required properties, UTC times, CRLF line ends', () => {
    const text = buildCalendar([base]);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).to.equal(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const { calendar, event, vevent } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).to.equal('2.0');
    expect(event.uid).to.equal('vc-1@journal.example');
    expect(event.summary).to.equal('Алгебра');
    expect(event.description).to.equal('Онлайн-урок');
    expect(String(vevent.getFirstPropertyValue('url'))).to.equal('https://sferum.ru/call/vc-1');
    expect(event.startDate.toJSDate().getTime()).to.equal(start);
    expect(event.endDate.toJSDate().getTime()).to.equal(end);
    expect(event.startDate.zone?.tzid).to.equal('UTC');
    expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).to.equal('2026-11-20T12:00:00Z');
    expect(text).to.contain('DTSTART:20261123T060000Z');
  });

  it('the times are the school\u2019s: 9:00 in Moscow and 9:00 in Yekaterinburg are different moments', () => {
    const moscow = parse(buildCalendar([base])).event.startDate.toJSDate();
    expect(wallClock(moscow, 'Europe/Moscow')).to.equal('09:00');
    const ekb = Date.parse('2026-11-23T09:00:00+05:00');
    const yekaterinburg = parse(buildCalendar([{ ...base, start: ekb, end: ekb + 45 * 60_000 }])).event.startDate.toJSDate();
    expect(wallClock(yekaterinburg, 'Asia/Yekaterinburg')).to.equal('09:00');
    expect(wallClock(yekaterinburg, 'Europe/Moscow')).to.equal('07:00');
  });

  const hostile: [string, string][] = [
    ['line breaks and a forged event', 'Урок\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Подделка\nDTSTART:19700101T000000Z'],
    ['the TEXT specials', 'a;b,c\\d \\n not a newline; «кавычки», "quotes"'],
    ['control characters', 'Урок\u0000\u0007\u001b[31m\u007f алгебры'],
    ['right-to-left text and bidi controls', 'שיעור מתמטיקה \u202Eגבר\u202C — درس الرياضيات'],
    ['emoji and astral characters', 'Урок 🧮 математики 𝔸𝕝𝕘𝕖𝕓𝕣𝕒 👨‍👩‍👧'],
    ['a very long title', 'Очень длинное название видеоконференции, '.repeat(12)],
  ];
  for (const [what, title] of hostile) {
    it(`a hostile title (${what}) comes back as itself, in one event, on lines of at most 75 octets`, () => {
      const text = buildCalendar([{ ...base, summary: title, description: `${title}\nОрганизатор: ${title}` }]);
      for (const line of text.split('\r\n')) expect(encoder.encode(line).length, line).to.be.at.most(75);
      const { calendar, event } = parse(text);
      expect(calendar.getAllSubcomponents('vevent')).to.have.length(1);
      // Only the control characters the grammar forbids are gone; line breaks survive as breaks.
      // eslint-disable-next-line no-control-regex -- the characters RFC 5545 forbids in TEXT
      const expected = title.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
      expect(event.summary).to.equal(expected);
      expect(event.description).to.equal(`${expected}\nОрганизатор: ${expected}`);
      expect(event.startDate.toJSDate().getTime()).to.equal(start);
    });
  }

  it('escapes exactly the TEXT specials', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).to.equal('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('нет: спецсимволов')).to.equal('нет: спецсимволов');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'ё'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).to.be.greaterThan(2);
    for (const part of parts) expect(encoder.encode(part).length).to.be.at.most(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).to.equal(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).to.equal(line);
    expect(foldLine('SHORT:ok')).to.equal('SHORT:ok');
  });

  it('a URL only when it is a plain https link; no URL property otherwise', () => {
    for (const url of [null, undefined, 'javascript:alert(1)', 'https://sferum.ru/a b', 'https://sferum.ru/\r\nATTACH:x']) {
      const text = buildCalendar([{ ...base, url }]);
      expect(text, String(url)).not.to.match(/^URL:/m);
      expect(text).not.to.match(/^ATTACH/m);
    }
  });

  it('UTC stamps', () => {
    expect(utcStamp(Date.parse('2026-01-02T03:04:05.678Z'))).to.equal('20260102T030405Z');
  });
});

describe('.ics file names', () => {
  const cases: [string, string][] = [
    ['Алгебра: системы уравнений', 'Алгебра системы уравнений 2026-11-23.ics'],
    ['../../etc/passwd', 'etc passwd 2026-11-23.ics'],
    ['C:\\Windows\\evil', 'C Windows evil 2026-11-23.ics'],
    ['a<b>c|d?e*f"g', 'a b c d e f g 2026-11-23.ics'],
    ['урок\u202Escі.exe', 'урок scі.exe 2026-11-23.ics'],
    ['  ...скрытый  ', 'скрытый 2026-11-23.ics'],
    ['CON', 'Видеоконференция 2026-11-23.ics'],
    ['\u0000\u0001', 'Видеоконференция 2026-11-23.ics'],
    ['Я'.repeat(200), `${'Я'.repeat(60)} 2026-11-23.ics`],
    ['שיעור מתמטיקה', 'שיעור מתמטיקה 2026-11-23.ics'],
  ];
  for (const [title, name] of cases) {
    it(`«${title.slice(0, 30)}» → «${name.slice(0, 40)}»`, () => {
      const file = calendarFileName(title, '2026-11-23', 'Видеоконференция');
      expect(file).to.equal(name);
      // eslint-disable-next-line no-control-regex -- no control character may reach a file name
      expect(file).not.to.match(/[\\/:*?"<>|\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
    });
  }
});
