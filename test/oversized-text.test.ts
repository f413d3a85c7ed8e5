// Issue 10, item 7: one oversized text must not blank a whole list. Text fields are kept up to
// 1,000 characters (longer is cut with «…»), rendered clamped with the full text still in the
// page and in a title; structural errors still fail the whole answer.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { manyChats, moscowIso } from '../mocks/data.js';
import { schemasFor } from '../src/adapter/all-schemas.js';
import { TEXT_MAX } from '../src/adapter/schemas.js';
import { urlPolicy } from '../src/adapter/urls.js';
import type { SferumChats } from '../src/components/chats/sferum-chats.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import type { SferumVcs } from '../src/components/vcs/sferum-vcs.js';
import '../src/define/sferum-chats.js';
import '../src/define/sferum-link.js';
import '../src/define/sferum-vcs.js';
import { byText, click, shadow, step } from './flow-helpers.js';
import { scenario } from './mocks.js';

const s = schemasFor(urlPolicy());
const ADMIN_372 = `${'Иванова-Петрова Мария-Александра Константиновна, заместитель директора по учебно-воспитательной работе; '.repeat(4)}`.slice(0, 372);
const chat = (over: Record<string, unknown> = {}) => ({ id: 'c1', name: 'Классный чат', type: 'class', members: 28, admin: 'Иванова М. П.', subject: null, url: null, ...over });
const conference = (over: Record<string, unknown> = {}) => ({
  id: 'vc1',
  title: 'Алгебра',
  type: 'online-lesson',
  start: '2026-11-23T09:00:00+03:00',
  end: '2026-11-23T09:45:00+03:00',
  organizer: 'Смирнова О. В.',
  url: null,
  ...over,
});

// The virtualizer's measuring makes Chromium report a benign ResizeObserver loop; mocha would fail on it.
let mochaOnError: OnErrorEventHandler = null;
before(() => {
  mochaOnError = window.onerror;
  window.onerror = (message, ...rest) => (String(message).includes('ResizeObserver loop') ? true : (mochaOnError?.call(window, message, ...rest) ?? false));
});
after(() => {
  window.onerror = mochaOnError;
});

describe('Text limits (issue 10, item 7): the schemas', () => {
  it('keep text up to 1,000 characters as it is', () => {
    const admin = 'я'.repeat(TEXT_MAX);
    expect(TEXT_MAX).to.equal(1000);
    expect(s.chat.parse(chat({ admin })).admin).to.equal(admin);
    expect(s.chat.parse(chat({ admin: ADMIN_372 })).admin).to.equal(ADMIN_372);
  });

  it('cut longer text to 1,000 characters ending with «…», never inside a surrogate pair', () => {
    const cut = s.chat.parse(chat({ name: 'б'.repeat(50_000) })).name;
    expect(cut.length).to.equal(1000);
    expect(cut.endsWith('б…')).to.equal(true);
    // 998 letters, then emoji (two UTF-16 units each): the pair at the cut goes whole.
    const emoji = s.conference.parse(conference({ organizer: `${'о'.repeat(998)}${'😀'.repeat(10)}` })).organizer;
    expect(emoji).to.equal(`${'о'.repeat(998)}…`);
    const step = s.step.parse({ id: 's1', kind: 'known-account', account: { name: 'Н'.repeat(3000) }, hasProfile: true });
    expect(step.kind === 'known-account' && step.account.name.length).to.equal(1000);
  });

  it('accept identifiers up to 1,000 characters and refuse longer ones (an id is never cut)', () => {
    expect(s.chat.safeParse(chat({ id: 'x'.repeat(1000) })).success).to.equal(true);
    expect(s.chat.safeParse(chat({ id: 'x'.repeat(1001) })).success).to.equal(false);
  });

  it('still fail the whole answer on a structural error', () => {
    const rows = [chat(), chat({ id: 'c2' })];
    expect(s.chatList.safeParse({ chats: rows }).success).to.equal(true);
    expect(s.chatList.safeParse({ chats: [...rows, chat({ id: 'c3', members: '28' })] }).success, 'a wrong type').to.equal(false);
    expect(s.chatList.safeParse({ chats: [...rows, chat({ id: 'c3', type: 'club' })] }).success, 'an unknown type').to.equal(false);
    expect(s.chatList.safeParse({ chats: [...rows, chat({ id: 'c3', name: '' })] }).success, 'an empty name').to.equal(false);
    const list = (c: Record<string, unknown>) => ({ serverTime: '2026-11-23T08:00:00+03:00', timeZone: 'Europe/Moscow', conferences: [conference(), c] });
    expect(s.conferenceList.safeParse(list(conference({ id: 'vc2' }))).success).to.equal(true);
    expect(s.conferenceList.safeParse(list(conference({ id: 'vc2', start: '2026-02-30T09:00:00+03:00' }))).success, 'a day that does not exist').to.equal(false);
    expect(
      s.conferenceList.safeParse(list(conference({ id: 'vc2', start: '2026-11-23T10:00:00+03:00', end: '2026-11-23T09:00:00+03:00' }))).success,
      'an end before the start',
    ).to.equal(false);
  });
});

describe('Text limits (issue 10, item 7): the elements', function () {
  // 10,000 rows validated, virtualized and checked by axe: slower than 10 s on a busy machine.
  this.timeout(30_000);
  it('<sferum-chats>: 10,000 chats with one 372-character administrator render; the cell is clamped, the full text kept', async () => {
    const mock = await scenario('linked-many-chats');
    const rows = manyChats(10_000);
    rows[0] = { ...rows[0]!, admin: ADMIN_372, subject: 'Предмет '.repeat(200) };
    mock.worker.use(http.get('*/api/sferum/chats', () => HttpResponse.json({ chats: rows })));
    const el = await fixture<SferumChats>(html`<sferum-chats style="width:900px" .adapter=${mock.adapter}></sferum-chats>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="table"], [role="alert"]'), 'not loaded', { timeout: 8000 });
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? null, 'no error state').to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="table"]')!.getAttribute('aria-rowcount')).to.equal('10001');
    await waitUntil(() => el.shadowRoot!.querySelector('[part="row"]'), 'no rows', { timeout: 5000 });
    const long = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="row"]')].find((r) => r.textContent!.includes(ADMIN_372.slice(0, 40)))!;
    const admin = long.querySelector<HTMLElement>('.clamp')!;
    expect(admin.textContent, 'the full text is the cell\u2019s text (its accessible name)').to.equal(ADMIN_372);
    expect(admin.title).to.equal(ADMIN_372);
    const lineHeight = parseFloat(getComputedStyle(admin).lineHeight);
    expect(admin.getBoundingClientRect().height, 'three lines at most').to.be.at.most(lineHeight * 3 + 1);
    expect(admin.scrollHeight, 'the rest is clamped, not lost').to.be.greaterThan(admin.clientHeight);
    await expect(el).to.be.accessible();
  });

  it('<sferum-chats>: a structural error still fails the whole list', async () => {
    const mock = await scenario('linked');
    mock.worker.use(http.get('*/api/sferum/chats', () => HttpResponse.json({ chats: [chat(), chat({ id: 'c2', members: '28' })] })));
    const el = await fixture<SferumChats>(html`<sferum-chats .adapter=${mock.adapter}></sferum-chats>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no error state', { timeout: 8000 });
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Сервер вернул непонятный ответ');
  });

  it('<sferum-vcs>: a 1,000-character organiser and type name are shown clamped with a title', async () => {
    const mock = await scenario('linked');
    const now = Date.now();
    const organizer = 'Организатор '.repeat(84).slice(0, 1000);
    mock.worker.use(
      http.get('*/api/sferum/conferences', () =>
        HttpResponse.json({
          serverTime: moscowIso(now),
          timeZone: 'Europe/Moscow',
          conferences: [conference({ start: moscowIso(now - 60_000), end: moscowIso(now + 3_600_000), organizer, typeName: 'Урок '.repeat(300) })],
        }),
      ),
    );
    const el = await fixture<SferumVcs>(html`<sferum-vcs style="width:900px" time-zone="Europe/Moscow" .adapter=${mock.adapter}></sferum-vcs>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="row"]'), 'no row', { timeout: 8000 });
    const clamps = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.clamp')];
    expect(clamps.map((c) => c.title)).to.include(organizer);
    expect(clamps.map((c) => c.title.length)).to.include(1000);
    for (const c of clamps) expect(c.scrollHeight).to.be.greaterThan(c.clientHeight);
    await expect(el).to.be.accessible();
  });

  it('a flow step: a 1,000-character account name is clamped with a title', async () => {
    sessionStorage.clear();
    const mock = await scenario('vkid-known-session');
    const name = 'Семён '.repeat(200).slice(0, 1000);
    mock.worker.use(
      http.post('*/api/sferum/link/flows', () =>
        HttpResponse.json({ flowId: 'f1', method: 'vkid', step: { id: 's1', kind: 'known-account', account: { name }, hasProfile: true } }),
      ),
    );
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'), 'entry not shown', { timeout: 5000 });
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    const s = await step(link, 'sferum-step-known-account');
    const clamp = shadow(s).querySelector<HTMLElement>('.account-name .clamp')!;
    expect(clamp.textContent).to.equal(name);
    expect(clamp.title).to.equal(name);
    expect(clamp.scrollHeight).to.be.greaterThan(clamp.clientHeight);
    await expect(link).to.be.accessible();
  });
});
