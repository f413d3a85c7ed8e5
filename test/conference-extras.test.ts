// «Добавить в календарь» and «Напомнить о начале» on upcoming conferences in <sferum-vcs> and
// <sferum-join> (issue 14), driven by keys and clicks, on a page clock moved by hand.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import { HttpResponse, http } from 'msw';
import { moscowIso } from '../mocks/data.js';
import type { SferumJoin } from '../src/components/join/sferum-join.js';
import type { SferumVcs } from '../src/components/vcs/sferum-vcs.js';
import { ManualClock, setClock } from '../src/controllers/clock.js';
import '../src/define/sferum-join.js';
import '../src/define/sferum-vcs.js';
import type { SferumReminderEvent } from '../src/events/sferum-reminder.js';
import { clearReminders } from '../src/reminders/reminders.js';
import { click, press } from './flow-helpers.js';
import { scenario } from './mocks.js';

const MIN = 60_000;
const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');
const rowOf = (el: Element, title: string) => [...root(el).querySelectorAll<HTMLElement>('[part="row"]')].find((r) => r.textContent!.includes(title));
const buttonIn = (scope: Element | ShadowRoot, label: string) => [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);
const announcer = (el: Element) => root(el).querySelector<HTMLElement>('.reminders [role="status"]')!;
const messages = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part="reminder"]')];
const settle = () => new Promise((r) => setTimeout(r, 30));

let restore: (() => void)[] = [];
afterEach(() => {
  // Reminders live as long as the page: each test starts with none.
  clearReminders();
  for (const undo of restore.reverse()) undo();
  restore = [];
});

/** Stands in for the browser's Notification (a headless browser shows none). */
function fakeNotifications(answer: NotificationPermission, initial: NotificationPermission = 'default') {
  const log = { requests: 0, shown: [] as { title: string; options?: NotificationOptions }[] };
  class FakeNotification {
    static permission: NotificationPermission = initial;
    static async requestPermission(): Promise<NotificationPermission> {
      log.requests++;
      FakeNotification.permission = answer;
      return answer;
    }
    constructor(title: string, options?: NotificationOptions) {
      log.shown.push({ title, options });
    }
  }
  const original = Object.getOwnPropertyDescriptor(window, 'Notification');
  Object.defineProperty(window, 'Notification', { configurable: true, writable: true, value: FakeNotification });
  restore.push(() => (original ? Object.defineProperty(window, 'Notification', original) : delete (window as unknown as Record<string, unknown>)['Notification']));
  return log;
}

/** Midday at the school: the «Сегодня» filter must not depend on the hour the tests run at. */
const NOON = Date.parse('2026-11-23T12:00:00+03:00');

async function vcs(options: { clock?: ManualClock; attrs?: string; locale?: string; theme?: string } = {}) {
  const clock = options.clock ?? new ManualClock(NOON);
  const mock = await scenario('linked');
  restore.push(setClock(clock));
  mock.backend.now = () => clock.now();
  const el = await fixture<SferumVcs>(html`<sferum-vcs
      style="width:900px"
      time-zone="Europe/Moscow"
      locale=${options.locale ?? 'ru'}
      theme=${options.theme ?? 'light'}
      .adapter=${mock.adapter}
    ></sferum-vcs>`);
  if (options.attrs) el.setAttribute('reminder-minutes', options.attrs);
  await waitUntil(() => rowOf(el, 'Родительское собрание')?.querySelector('.extras'), 'no calendar or reminder buttons', { timeout: 5000 });
  return { ...mock, el, clock };
}

/** Catches the download the element starts (a real click on a Blob URL link), and reads the file. */
function catchDownloads(el: Element) {
  const files: { name: string; type: string; text: string }[] = [];
  const pending: Promise<void>[] = [];
  root(el).addEventListener(
    'click',
    (event) => {
      const a = event.target;
      if (!(a instanceof HTMLAnchorElement) || !a.download) return;
      event.preventDefault();
      expect(a.href.startsWith('blob:')).to.equal(true);
      pending.push(
        fetch(a.href).then(async (response) => {
          files.push({ name: a.download, type: response.headers.get('content-type') ?? '', text: await response.text() });
        }),
      );
    },
    true,
  );
  return { files, done: () => Promise.all(pending) };
}

describe('«Добавить в календарь»', () => {
  it('<sferum-vcs>: each upcoming conference offers an .ics of itself; the times are the school\u2019s; keyboard; axe clean', async () => {
    const { el, backend } = await vcs();
    const soon = rowOf(el, 'Родительское собрание')!;
    expect(rowOf(el, 'Алгебра')!.querySelector('.extras'), 'not on a live one').to.equal(null);
    const add = buttonIn(soon, 'Добавить в календарь')!;
    expect(add.getAttribute('aria-label')).to.equal('Добавить в календарь: «Родительское собрание 7 „А“»');
    await expect(el).to.be.accessible();
    const downloads = catchDownloads(el);
    add.focus();
    await press('Enter');
    await waitUntil(() => downloads.files.length === 1, 'no download');
    await downloads.done();
    const [file] = downloads.files;
    expect(file!.type).to.equal('text/calendar;charset=utf-8');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(backend.now() + 12 * MIN);
    expect(file!.name).to.equal(`Родительское собрание 7 «А» ${day}.ics`);
    const vevent = new ICAL.Component(ICAL.parse(file!.text)).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.summary).to.equal('Родительское собрание 7 «А»');
    expect(event.description).to.equal('Собрание\nОрганизатор: Иванова Мария Петровна\nСсылка: https://sferum.ru/call/vc-soon');
    expect(String(vevent.getFirstPropertyValue('url'))).to.equal('https://sferum.ru/call/vc-soon');
    expect(event.uid).to.equal(`vc-soon@${location.hostname}`);
    // The start the journal sent, to the second, whatever zone the computer is in.
    const sent = (await (await fetch('/api/sferum/conferences')).json()) as { conferences: { id: string; start: string; end: string }[] };
    const soonSent = sent.conferences.find((c) => c.id === 'vc-soon')!;
    expect(event.startDate.toJSDate().getTime()).to.equal(Date.parse(soonSent.start));
    expect(event.endDate.toJSDate().getTime()).to.equal(Date.parse(soonSent.end));
    expect(soonSent.start.slice(11, 16)).to.equal(new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' }).format(event.startDate.toJSDate()));
    expect(root(el).querySelector('a[download]'), 'the temporary link is gone').to.equal(null);
  });

  it('a school in another zone, a hostile title, an unsafe link: the day is the school\u2019s, the title is text, no URL', async () => {
    const clock = new ManualClock(Date.parse('2026-11-22T18:00:00Z'));
    const { el, worker } = await vcs({ clock });
    // 00:30 in Yekaterinburg on the 23rd is still the 22nd in Moscow.
    const title = 'Урок\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:x; «a,b» \\ שיעור';
    worker.use(
      http.get('*/api/sferum/conferences', () =>
        HttpResponse.json({
          serverTime: '2026-11-22T23:00:00+05:00',
          timeZone: 'Asia/Yekaterinburg',
          conferences: [{ id: 'ekb/1', title, type: 'online-lesson', start: '2026-11-23T00:30:00+05:00', end: '2026-11-23T01:15:00+05:00', organizer: 'מורה', url: 'https://evil.example/call' }],
        }),
      ),
    );
    el.retry();
    await click([...root(el).querySelectorAll<HTMLLabelElement>('.filter label')].find((l) => l.textContent!.includes('Предстоящие'))!);
    await waitUntil(() => rowOf(el, 'שיעור')?.querySelector('.extras'), 'no row');
    const downloads = catchDownloads(el);
    await click(buttonIn(rowOf(el, 'שיעור')!, 'Добавить в календарь')!);
    await waitUntil(() => downloads.files.length === 1, 'no download');
    await downloads.done();
    const file = downloads.files[0]!;
    expect(file.name).to.equal('Урок END VEVENT BEGIN VEVENT SUMMARY x; «a,b» שיעור 2026-11-23.ics');
    const calendar = new ICAL.Component(ICAL.parse(file.text));
    expect(calendar.getAllSubcomponents('vevent')).to.have.length(1);
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.summary).to.equal(title.replace(/\r\n/g, '\n'));
    expect(vevent.getFirstPropertyValue('url')).to.equal(null);
    expect(event.description).to.equal('Организатор: מורה');
    expect(event.uid).to.equal(`ekb%2F1@${location.hostname}`);
    expect(new Intl.DateTimeFormat('ru-RU', { timeZone: 'Asia/Yekaterinburg', hour: '2-digit', minute: '2-digit' }).format(event.startDate.toJSDate())).to.equal('00:30');
  });

  it('<sferum-join>: a lesson that has not started offers its .ics; axe clean', async () => {
    const mock = await scenario('linked');
    const el = await fixture<SferumJoin>(html`<sferum-join lesson-id="lesson-tomorrow" .adapter=${mock.adapter}></sferum-join>`);
    await waitUntil(() => buttonIn(root(el), 'Добавить в календарь'), 'no calendar button', { timeout: 5000 });
    await expect(el).to.be.accessible();
    const downloads = catchDownloads(el);
    await click(buttonIn(root(el), 'Добавить в календарь')!);
    await waitUntil(() => downloads.files.length === 1);
    await downloads.done();
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(downloads.files[0]!.text)).getFirstSubcomponent('vevent')!).summary).to.equal('Физика: законы Ньютона');
    // Not on a lesson that is live or over.
    for (const id of ['lesson-live', 'lesson-ended']) {
      const other = await fixture<SferumJoin>(html`<sferum-join lesson-id=${id} .adapter=${mock.adapter}></sferum-join>`);
      await waitUntil(() => root(other).querySelector('[part="button"]'));
      await settle();
      expect(buttonIn(root(other), 'Добавить в календарь'), id).to.equal(undefined);
    }
  });
});

describe('«Напомнить о начале»', () => {
  it('N minutes before (server time): a message, the event once, a notification the user allowed; announced once, focus kept', async () => {
    const notifications = fakeNotifications('granted');
    const { el, clock } = await vcs();
    expect(notifications.requests, 'never asked on load').to.equal(0);
    const remind = buttonIn(rowOf(el, 'Родительское собрание')!, 'Напомнить о начале')!;
    expect(remind.getAttribute('aria-pressed')).to.equal('false');
    expect(remind.getAttribute('aria-label')).to.equal('Напомнить о начале: «Родительское собрание 7 „А“»');
    const events: SferumReminderEvent[] = [];
    document.addEventListener('sferum-reminder', (e) => events.push(e));
    restore.push(() => document.removeEventListener('sferum-reminder', (e) => events.push(e)));
    const listeners = clock.listenerCount;
    remind.focus();
    await press('Space');
    await waitUntil(() => remind.getAttribute('aria-pressed') === 'true', 'not pressed');
    expect(announcer(el).textContent).to.equal('Напомним за 5 минут до начала «Родительское собрание 7 „А“».');
    await waitUntil(() => notifications.requests === 1, 'permission not asked after the press');
    expect(clock.listenerCount, 'one page-clock subscription for the reminders').to.equal(listeners + 1);
    await expect(el).to.be.accessible();

    // Six minutes on: nothing yet (12 - 6 = 6 minutes left).
    clock.advance(6 * MIN);
    await settle();
    expect(messages(el)).to.have.length(0);
    expect(events).to.have.length(0);

    const changes: MutationRecord[] = [];
    const focused = document.activeElement;
    const innerFocused = root(el).activeElement;
    clock.advance(1 * MIN);
    await waitUntil(() => messages(el).length === 1, 'no message at 5 minutes');
    expect(messages(el)[0]!.textContent!.replace(/\s+/g, ' ')).to.contain('Видеоконференция «Родительское собрание 7 „А“» начнётся через 5 минут.');
    expect(announcer(el).textContent).to.equal('Видеоконференция «Родительское собрание 7 „А“» начнётся через 5 минут.');
    expect(events).to.have.length(1);
    expect(Object.keys(events[0]!.detail).sort()).to.deep.equal(['conferenceId', 'minutesLeft', 'start', 'state']);
    expect(events[0]!.detail).to.include({ conferenceId: 'vc-soon', state: 'soon', minutesLeft: 5 });
    expect(JSON.stringify(events[0]!.detail), 'no title, no organiser').not.to.match(/Родительское|Иванова/);
    expect(events[0]!.composed && events[0]!.bubbles).to.equal(true);
    expect(notifications.shown).to.deep.equal([{ title: 'Видеоконференция «Родительское собрание 7 „А“» начнётся через 5 минут.', options: { tag: 'sferum-reminder:vc-soon', lang: 'ru' } }]);
    expect(document.activeElement, 'focus not stolen').to.equal(focused);
    expect(root(el).activeElement).to.equal(innerFocused);
    await expect(el).to.be.accessible();

    // The minutes count down in the message; the live region says nothing more.
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(announcer(el), { subtree: true, childList: true, characterData: true });
    clock.advance(2 * MIN);
    await waitUntil(() => messages(el)[0]!.textContent!.includes('через 3 минуты'), 'the minutes did not count down');
    clock.advance(3 * MIN);
    await waitUntil(() => messages(el)[0]!.textContent!.includes('началась'), 'not live');
    const join = messages(el)[0]!.querySelector<HTMLAnchorElement>('a[part="join"]')!;
    expect(join.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Подключиться (откроется в новой вкладке)');
    expect(join.href).to.equal('https://sferum.ru/call/vc-soon');
    expect(join.rel).to.equal('noopener noreferrer');
    await settle();
    observer.disconnect();
    expect(changes, 'announced once').to.deep.equal([]);
    expect(events, 'one event per reminder').to.have.length(1);
    await expect(el).to.be.accessible();

    // Over: the message goes, and the reminders stop listening to the clock.
    clock.advance(61 * MIN);
    await waitUntil(() => messages(el).length === 0, 'the message stayed after the end');
    expect(clock.listenerCount).to.equal(listeners);
  });

  it('on the server\u2019s clock: a computer 10 minutes fast is not reminded early', async () => {
    const serverNow = NOON;
    const clock = new ManualClock(serverNow + 10 * MIN);
    const mock = await scenario('linked');
    restore.push(setClock(clock));
    mock.worker.use(
      http.get('*/api/sferum/conferences', () =>
        HttpResponse.json({
          serverTime: moscowIso(serverNow),
          timeZone: 'Europe/Moscow',
          conferences: [{ id: 'x', title: 'Химия', type: 'online-lesson', start: moscowIso(serverNow + 12 * MIN), end: moscowIso(serverNow + 57 * MIN), organizer: 'О', url: 'https://sferum.ru/call/x' }],
        }),
      ),
    );
    const el = await fixture<SferumVcs>(html`<sferum-vcs time-zone="Europe/Moscow" .adapter=${mock.adapter}></sferum-vcs>`);
    await waitUntil(() => rowOf(el, 'Химия')?.querySelector('.extras'), 'no buttons', { timeout: 5000 });
    await click(buttonIn(rowOf(el, 'Химия')!, 'Напомнить о начале')!);
    clock.advance(6 * MIN);
    await settle();
    expect(messages(el), 'not at the computer\u2019s 5 minutes before').to.have.length(0);
    clock.advance(1 * MIN);
    await waitUntil(() => messages(el).length === 1, 'not at the server\u2019s 5 minutes before');
    expect(messages(el)[0]!.textContent).to.contain('Урок «Химия» начнётся через 5 минут.');
  });

  it('pressed again: cancelled and said so; no permission asked when refused before; no notification without permission', async () => {
    const notifications = fakeNotifications('denied', 'denied');
    const { el, clock } = await vcs();
    const listeners = clock.listenerCount;
    const events: Event[] = [];
    el.addEventListener('sferum-reminder', (e) => events.push(e));
    const remind = buttonIn(rowOf(el, 'Родительское собрание')!, 'Напомнить о начале')!;
    await click(remind);
    await waitUntil(() => remind.getAttribute('aria-pressed') === 'true');
    await click(remind);
    await waitUntil(() => remind.getAttribute('aria-pressed') === 'false');
    expect(announcer(el).textContent).to.equal('Напоминание о «Родительское собрание 7 „А“» отменено.');
    expect(clock.listenerCount).to.equal(listeners);
    clock.advance(2 * MIN);
    await settle();
    expect(events).to.have.length(0);
    // Set again and let it come due: the page says it, the system does not (not allowed).
    await click(remind);
    clock.advance(5 * MIN);
    await waitUntil(() => messages(el).length === 1, 'no message');
    expect(events).to.have.length(1);
    expect(notifications.requests).to.equal(0);
    expect(notifications.shown).to.deep.equal([]);
    // «Закрыть» removes the message (keyboard).
    const close = buttonIn(messages(el)[0]!, 'Закрыть')!;
    expect(close.getAttribute('aria-label')).to.equal('Закрыть напоминание о «Родительское собрание 7 „А“»');
    close.focus();
    await press('Enter');
    await waitUntil(() => messages(el).length === 0);
    expect(remind.getAttribute('aria-pressed')).to.equal('false');
  });

  it('reminder-minutes sets N; set with less than N minutes to go, it reminds as the conference starts', async () => {
    fakeNotifications('denied', 'denied');
    const { el, clock } = await vcs({ attrs: '10' });
    await click(buttonIn(rowOf(el, 'Родительское собрание')!, 'Напомнить о начале')!);
    expect(announcer(el).textContent).to.contain('за 10 минут');
    clock.advance(2 * MIN);
    await waitUntil(() => messages(el).length === 1, 'not 10 minutes before');
    expect(messages(el)[0]!.textContent).to.contain('начнётся через 10 минут');

    // Reminders are per conference, page-wide: start afresh for the second element.
    clearReminders();
    const late = await vcs({ attrs: '15', theme: 'dark' });
    const events: SferumReminderEvent[] = [];
    late.el.addEventListener('sferum-reminder', (e) => events.push(e));
    await click(buttonIn(rowOf(late.el, 'Родительское собрание')!, 'Напомнить о начале')!);
    expect(announcer(late.el).textContent).to.equal('Напомним, когда «Родительское собрание 7 „А“» начнётся.');
    late.clock.advance(11 * MIN);
    await settle();
    expect(events).to.have.length(0);
    late.clock.advance(1 * MIN);
    await waitUntil(() => events.length === 1, 'not at the start');
    expect(events[0]!.detail).to.include({ state: 'live', minutesLeft: 0 });
    expect(messages(late.el)[0]!.textContent).to.contain('Видеоконференция «Родительское собрание 7 „А“» началась.');
    expect(messages(late.el)[0]!.querySelector('a[part="join"]')).to.exist;
    await expect(late.el, 'dark theme, with «Подключиться»').to.be.accessible();
  });

  it('<sferum-join>: reminds of its lesson; the event names the lesson; the join button stays the one «Подключиться»; axe clean', async () => {
    fakeNotifications('denied', 'denied');
    const clock = new ManualClock(NOON);
    const mock = await scenario('linked');
    restore.push(setClock(clock));
    const now = clock.now();
    mock.worker.use(
      http.get('*/api/sferum/lessons/:lessonId/conference', () =>
        HttpResponse.json({
          lessonId: 'chem-3',
          serverTime: moscowIso(now),
          timeZone: 'Europe/Moscow',
          online: true,
          conference: { id: 'vc-chem', title: 'Химия', type: 'online-lesson', start: moscowIso(now + 8 * MIN), end: moscowIso(now + 53 * MIN), organizer: 'О', url: 'https://sferum.ru/call/chem' },
        }),
      ),
    );
    const el = await fixture<SferumJoin>(html`<sferum-join lesson-id="chem-3" .adapter=${mock.adapter}></sferum-join>`);
    await waitUntil(() => buttonIn(root(el), 'Напомнить о начале'), 'no reminder button', { timeout: 5000 });
    const events: SferumReminderEvent[] = [];
    el.addEventListener('sferum-reminder', (e) => events.push(e));
    const remind = buttonIn(root(el), 'Напомнить о начале')!;
    remind.focus();
    await press('Enter');
    await waitUntil(() => remind.getAttribute('aria-pressed') === 'true');
    await expect(el).to.be.accessible();
    clock.advance(3 * MIN);
    await waitUntil(() => messages(el).length === 1, 'no message');
    expect(text(el)).to.contain('Урок «Химия» начнётся через 5 минут.');
    expect(events[0]!.detail).to.deep.equal({ conferenceId: 'vc-chem', lessonId: 'chem-3', start: moscowIso(now + 8 * MIN), state: 'soon', minutesLeft: 5 });
    await expect(el).to.be.accessible();
    clock.advance(5 * MIN);
    await waitUntil(() => text(el).includes('Урок «Химия» начался.'), 'not live');
    await waitUntil(() => root(el).querySelector('a[part="button"]'), 'the join button did not become a link');
    expect([...root(el).querySelectorAll('a')].filter((a) => a.textContent!.includes('Подключиться'))).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('English', async () => {
    fakeNotifications('denied', 'denied');
    const { el, clock } = await vcs({ locale: 'en' });
    await waitUntil(() => buttonIn(rowOf(el, 'Родительское собрание')!, 'Add to calendar'), 'no English');
    const remind = buttonIn(rowOf(el, 'Родительское собрание')!, 'Remind me at the start')!;
    await click(remind);
    expect(announcer(el).textContent).to.equal('We will remind you 5 minutes before “Родительское собрание 7 «А»” starts.');
    clock.advance(7 * MIN);
    await waitUntil(() => messages(el).length === 1);
    expect(messages(el)[0]!.textContent).to.contain('The video conference “Родительское собрание 7 «А»” starts in 5 minutes.');
    expect(buttonIn(messages(el)[0]!, 'Close')).to.exist;
    await expect(el).to.be.accessible();
  });
});
