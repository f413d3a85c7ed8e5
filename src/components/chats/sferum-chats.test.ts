import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse, http } from 'msw';
import { scenario } from '../../../test/mocks.js';
import { click } from '../../../test/flow-helpers.js';
import '../../define/sferum-chats.js';
import { VIRTUALIZE_ABOVE, type SferumChats } from './sferum-chats.js';

const root = (el: Element) => el.shadowRoot!;
const ready = (el: SferumChats) => waitUntil(() => root(el).querySelector('[role="table"], .message, [role="alert"]'), 'not loaded', { timeout: 8000 });
const names = (el: Element) =>
  [...root(el).querySelectorAll('[part="row"] .c1 .name')].map((name) => {
    const copy = name.cloneNode(true) as Element;
    copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    return copy.textContent!.trim();
  });

// Chromium reports "ResizeObserver loop completed with undelivered notifications" while the
// virtualizer measures rows: benign (the browser delivers them next frame), but mocha would fail on it.
let mochaOnError: OnErrorEventHandler = null;
before(() => {
  mochaOnError = window.onerror;
  window.onerror = (message, ...rest) => (String(message).includes('ResizeObserver loop') ? true : (mochaOnError?.call(window, message, ...rest) ?? false));
});
after(() => {
  window.onerror = mochaOnError;
});
/** A card's member count as shown: the number, then the word its `::after` adds. */
const countText = (cell: Element) => `${cell.textContent!.trim()}${JSON.parse(getComputedStyle(cell, '::after').content) as string}`;
const header = (el: Element, label: string) => [...root(el).querySelectorAll<HTMLElement>('[role="columnheader"]')].find((h) => h.textContent!.includes(label))!;

async function chats(name: Parameters<typeof scenario>[0] = 'linked', width = '900px') {
  const mock = await scenario(name);
  const el = await fixture<SferumChats>(html`<sferum-chats style="width:${width}" .adapter=${mock.adapter}></sferum-chats>`);
  await ready(el);
  return { ...mock, el };
}

describe('<sferum-chats>', () => {
  it('shows the seeds\u2019 columns, types and a link per chat; axe clean', async () => {
    const { el } = await chats();
    const headers = [...root(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.replace(/[▲▼↕]/g, '').trim());
    expect(headers).to.deep.equal(['Наименование', 'Тип', 'Количество участников', 'Администратор чата', 'Предмет']);
    expect(root(el).querySelector('[role="table"]')!.getAttribute('aria-labelledby')).to.equal('caption');
    expect(root(el).textContent).to.contain('Классный чат');
    expect(root(el).textContent).to.contain('Родительский чат');
    expect(root(el).textContent).to.contain('Учительская');
    expect(root(el).textContent).to.contain('Другое');
    const link = root(el).querySelector<HTMLAnchorElement>('a.name')!;
    expect(link.href).to.match(/^https:\/\/sferum\.ru\/chat\//);
    expect(link.rel).to.equal('noopener noreferrer');
    expect(root(el).getElementById(link.getAttribute('aria-describedby')!)!.textContent).to.equal('(откроется в новой вкладке)');
    await expect(el).to.be.accessible();
  });

  it('member counts: the number under its header in the table, a Russian phrase in cards', async () => {
    const { el } = await chats();
    const cells = () => [...root(el).querySelectorAll<HTMLElement>('[part="row"] .num')];
    // The table shows the number; the column header says what it counts.
    expect(cells().map((cell) => cell.textContent!.trim())).to.include.members(['28', '41', '3', '1']);
    expect(getComputedStyle(cells()[0]!, '::after').content).to.equal('none');
    // A card has no header above it: the count is followed by the word in the right plural form.
    el.style.width = '360px';
    await waitUntil(() => getComputedStyle(cells()[0]!, '::after').content !== 'none', 'no card phrase');
    // Generated content is what the person sees and what assistive tech reads.
    const phrases = cells().map(countText);
    expect(phrases).to.include('28 участников');
    expect(phrases).to.include('41 участник');
    expect(phrases).to.include('3 участника');
    expect(phrases).to.include('1 участник');
  });

  it('keeps the journal\'s order until a column is sorted, by click and by keyboard, with aria-sort', async () => {
    const { el } = await chats();
    // Unsorted: the order the journal sent, every header says so.
    expect(names(el).slice(0, 3)).to.deep.equal(['7 «А» — классный чат', 'Родители 7 «А»', 'Учительская']);
    for (const column of ['Наименование', 'Тип', 'Количество участников', 'Администратор чата', 'Предмет']) {
      expect(header(el, column).getAttribute('aria-sort')).to.equal('none');
    }
    await click(header(el, 'Наименование').querySelector('button')!);
    expect(header(el, 'Наименование').getAttribute('aria-sort')).to.equal('ascending');
    expect(el.sortBy).to.equal('name');
    expect(names(el).slice(0, 3)).to.deep.equal(['7 «А» — классный чат', 'Алгебра, 7 «А»', 'Ёлочные игрушки — кружок']);
    await click(header(el, 'Наименование').querySelector('button')!);
    expect(header(el, 'Наименование').getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)[0]).to.equal('Физика, 7 «А»');
    await click(header(el, 'Количество участников').querySelector('button')!);
    expect(header(el, 'Количество участников').getAttribute('aria-sort')).to.equal('ascending');
    expect(header(el, 'Наименование').getAttribute('aria-sort')).to.equal('none');
    expect(names(el)[0]).to.equal('Ёлочные игрушки — кружок');
    header(el, 'Количество участников').querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(header(el, 'Количество участников').getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)[0]).to.equal('Учительская');
    await click(header(el, 'Администратор чата').querySelector('button')!);
    expect(names(el)[0]).to.equal('Сферум');
    await expect(el).to.be.accessible();
  });

  it('lets the host choose the first order with sort-by and sort-descending', async () => {
    const { el } = await chats();
    el.setAttribute('sort-by', 'members');
    el.toggleAttribute('sort-descending', true);
    await el.updateComplete;
    expect(header(el, 'Количество участников').getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)[0]).to.equal('Учительская');
    el.setAttribute('sort-by', 'nonsense');
    await el.updateComplete;
    // An unknown column is ignored: the journal's order, not a crash.
    expect(names(el)[0]).to.equal('7 «А» — классный чат');
  });

  it('searches name, administrator and subject, case-insensitive, with ё = е', async () => {
    const { el } = await chats();
    const search = root(el).querySelector<HTMLInputElement>('#search')!;
    search.focus();
    await sendKeys({ type: 'елочные' });
    await waitUntil(() => names(el).length === 1, `got ${names(el)}`);
    expect(names(el)).to.deep.equal(['Ёлочные игрушки — кружок']);
    expect(root(el).textContent).to.contain('Найден 1 чат');
    search.select();
    await sendKeys({ type: 'ФЁДОРОВА' });
    await waitUntil(() => names(el).length === 1);
    search.select();
    await sendKeys({ type: 'алгебра' });
    await waitUntil(() => names(el).length === 1 && names(el)[0] === 'Алгебра, 7 «А»');
    search.select();
    await sendKeys({ type: 'иванова' });
    await waitUntil(() => names(el).length === 2, `got ${names(el)}`);
    expect(root(el).textContent).to.contain('Найдено 2 чата');
    search.select();
    await sendKeys({ type: 'нет такого' });
    await waitUntil(() => root(el).textContent!.includes('Ничего не найдено по запросу «нет такого»'));
    await expect(el).to.be.accessible();
  });

  it('shows rows as cards in a narrow container (the host decides our width)', async () => {
    const { el } = await chats('linked', '360px');
    const head = root(el).querySelector<HTMLElement>('.head')!;
    expect(getComputedStyle(head).display).to.equal('none');
    const row = root(el).querySelector<HTMLElement>('[part="row"]')!;
    expect(getComputedStyle(row).display, 'a card is a block, not a line of cells').to.equal('block');
    // Each value is named by its column in the card, the count is a phrase.
    const typeCell = row.querySelector<HTMLElement>('[data-label]')!;
    expect(getComputedStyle(typeCell, '::before').content).to.equal('"Тип: "');
    expect(countText(row.querySelector('.num')!)).to.equal('28 участников');
    await expect(el).to.be.accessible();
    const wide = await chats('linked', '900px');
    expect(getComputedStyle(root(wide.el).querySelector('.head')!).display).to.not.equal('none');
  });

  it(`virtualizes above ${VIRTUALIZE_ABOVE} rows and keeps table semantics`, async () => {
    const { el } = await chats('linked-many-chats');
    const table = root(el).querySelector('[role="table"]')!;
    expect(table.getAttribute('aria-rowcount')).to.equal('10001');
    await waitUntil(() => root(el).querySelectorAll('[part="row"]').length > 0, 'no rows');
    const rendered = root(el).querySelectorAll('[part="row"]');
    expect(rendered.length, 'only the visible rows are in the DOM').to.be.below(200);
    expect(rendered[0]!.getAttribute('aria-rowindex')).to.equal('2');
    expect(root(el).querySelector('.virtual')!.getAttribute('role')).to.equal('rowgroup');
    const scroller = root(el).querySelector<HTMLElement>('.virtual')!;
    // The virtualizer sizes its scroller after measuring rows; scroll once the full height exists.
    await waitUntil(() => scroller.scrollHeight > 100_000, 'the scroller was not sized', { timeout: 5000 });
    await waitUntil(
      () => {
        scroller.scrollTop = 200_000;
        return Number(root(el).querySelector('[part="row"]')!.getAttribute('aria-rowindex')) > 1000;
      },
      'did not scroll',
      { timeout: 5000 },
    );
    await expect(el).to.be.accessible();
  });

  it('renders a small table plainly', async () => {
    const { el } = await chats();
    expect(root(el).querySelector('.virtual')).to.equal(null);
    expect(root(el).querySelectorAll('[part="row"]').length).to.equal(7);
  });

  it('empty, error with retry, and a malformed answer', async () => {
    const empty = await chats('unlinked');
    expect(root(empty.el).textContent).to.contain('Чатов пока нет');
    await expect(empty.el).to.be.accessible();
    const failing = await chats('fault-500');
    expect(root(failing.el).querySelector('[role="alert"]')!.textContent).to.contain('Сервис временно недоступен');
    await expect(failing.el).to.be.accessible();
    failing.backend.reset('linked');
    await click(root(failing.el).querySelector<HTMLButtonElement>('[role="alert"] button')!);
    await waitUntil(() => root(failing.el).querySelector('[role="table"]'), 'did not recover');
    const { el, worker } = await chats();
    worker.use(http.get('*/api/sferum/chats', () => HttpResponse.json({ chats: [{ id: 'c', name: 'ok', type: 'class', members: 1, admin: 'a' }, { id: 'd', name: 'bad', type: 'party', members: 1, admin: 'a' }] })));
    el.retry();
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Сервер вернул непонятный ответ');
    expect(root(el).querySelector('[role="table"]'), 'never half a table').to.equal(null);
  });

  it('keeps the adapter\u2019s own rows, not copies, and checks each link again as it renders', async () => {
    const mock = await scenario('linked');
    let answer: { chats: { name: string; url?: string | null }[] } | undefined;
    const adapter = { ...mock.adapter, listChats: async (signal: AbortSignal) => (answer = await mock.adapter.listChats(signal)) };
    const el = await fixture<SferumChats>(html`<sferum-chats style="width:900px" .adapter=${adapter}></sferum-chats>`);
    await ready(el);
    expect(root(el).querySelectorAll('[part="row"] a.name').length).to.equal(answer!.chats.length);
    // A host that changes a row after handing it over changes what shows (no copy was made)…
    answer!.chats[0]!.name = 'Изменённый чат';
    answer!.chats[0]!.url = 'javascript:alert(1)';
    await click(header(el, 'Наименование').querySelector('button')!);
    await waitUntil(() => names(el).includes('Изменённый чат'), 'the row is not the adapter\u2019s object');
    // …but cannot turn its URL into a link.
    const row = [...root(el).querySelectorAll('[part="row"]')].find((r) => r.textContent!.includes('Изменённый чат'))!;
    expect(row.querySelector('a'), 'an unsafe URL set later is not a link').to.equal(null);
    expect(row.querySelector('.unavailable')!.textContent).to.equal('Ссылка недоступна');
  });

  it('hostile data renders as text; unsafe links are not links', async () => {
    const { el, worker } = await chats();
    const long = 'Очень длинное название чата '.repeat(12).slice(0, 300);
    worker.use(
      http.get('*/api/sferum/chats', () =>
        HttpResponse.json({
          chats: [
            { id: '1', name: '<img src=x onerror="window.__pwned=1">', type: 'class', members: 2, admin: '<b>Админ</b>', url: 'javascript:alert(1)' },
            { id: '2', name: long, type: 'other', members: 3, admin: 'A', url: 'data:text/html,hi' },
            { id: '3', name: 'שלום עולם مرحبا', type: 'other', members: 4, admin: 'B', url: 'http://sferum.ru/chat/3' },
            { id: '4', name: 'Чужой хост', type: 'other', members: 5, admin: 'C', url: 'https://evil.example/chat' },
            { id: '5', name: 'С паролем', type: 'other', members: 6, admin: 'D', url: 'https://user:pass@sferum.ru/chat' },
          ],
        }),
      ),
    );
    el.retry();
    await waitUntil(() => names(el).length === 5);
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(root(el).textContent).to.contain('<img src=x onerror=');
    expect(root(el).querySelectorAll('a').length, 'no unsafe URL became a link').to.equal(0);
    expect(root(el).querySelectorAll('.unavailable').length).to.equal(5);
    const table = root(el).querySelector<HTMLElement>('[role="table"]')!;
    expect(table.scrollWidth, 'a 300-character title does not break the layout').to.be.at.most(table.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
