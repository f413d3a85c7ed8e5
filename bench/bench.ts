// Runs in the benchmark page: renders <sferum-chats> and a plain-DOM table of the same rows and
// reports how long each takes to put its first screen on the page. Driven by scripts/bench.mjs.
import { manyChats } from '../mocks/data.js';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import { LitElement, html } from 'lit';
import '../src/define/sferum-chats.js';

const stage = document.querySelector<HTMLElement>('#stage')!;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
/**
 * An empty stage and a collected heap before each measurement: garbage from the previous run
 * (10,000 rows make plenty) must not be collected inside the next one's timing.
 */
async function fresh(): Promise<void> {
  stage.replaceChildren();
  (globalThis as { gc?: () => void }).gc?.();
  await frame();
}
const SHOWN = '[part="row"], .message';

/**
 * Resolves the moment the first row (or a message) is in the shadow root: a MutationObserver
 * sees it in the same microtask checkpoint, where polling would add a task's delay.
 */
function firstScreen(el: HTMLElement): Promise<void> {
  // Lit attaches the shadow root when the element is connected, before this is called.
  const root = el.shadowRoot!;
  // A virtualized row counts once the virtualizer has positioned it.
  const found = () => {
    const row = root.querySelector<HTMLElement>(SHOWN);
    return !!row && (!row.parentElement?.classList.contains('virtual') || row.style.transform !== '');
  };
  return new Promise((resolve) => {
    if (found()) return resolve();
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
  });
}

/**
 * The rows as an adapter hands them over: parsed from JSON, so every string is flat. (Strings
 * built by template literals are ropes that the first regular expression over them copies flat,
 * which would charge the element for memory the network never costs.)
 */
const rowsFromNetwork = (rows: number) => JSON.parse(JSON.stringify(manyChats(rows))) as ReturnType<typeof manyChats>;

function adapterWith(rows: number): SferumAdapter {
  const chats = rowsFromNetwork(rows);
  const never = () => new Promise<never>(() => undefined);
  return {
    listChats: async () => ({ chats }),
    getLinkStatus: never,
    startLink: never,
    getFlow: never,
    submitStep: never,
    resendCode: never,
    cancelFlow: never,
    completeExternal: never,
    pollLink: never,
    unlink: never,
    listConferences: never,
    getLessonConference: never,
  };
}

/**
 * From handing over the data to the first screen laid out: the element loads (the adapter answers
 * at once), validates and renders; layout is forced so that both sides pay for it.
 */
async function element(rows: number, adapter = adapterWith(rows)): Promise<{ ms: number; nodes: number }> {
  await fresh();
  const el = document.createElement('sferum-chats');
  el.adapter = adapter;
  const start = performance.now();
  stage.append(el);
  await firstScreen(el);
  void stage.offsetHeight;
  const ms = performance.now() - start;
  return { ms, nodes: el.shadowRoot!.querySelectorAll('*').length };
}

const HEADERS = ['Наименование', 'Тип', 'Количество участников', 'Администратор чата', 'Предмет'];

/** The plain-DOM rows, built by hand: the baseline of the targets. */
function plainRows(chats: ReturnType<typeof manyChats>): HTMLTableSectionElement {
  const body = document.createElement('tbody');
  for (const chat of chats) {
    const tr = document.createElement('tr');
    const a = document.createElement('a');
    a.href = chat.url ?? '#';
    a.textContent = chat.name;
    const name = document.createElement('td');
    name.append(a);
    tr.append(name);
    for (const value of [chat.type, String(chat.members), chat.admin, chat.subject ?? '—']) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    body.append(tr);
  }
  return body;
}

/**
 * Plain DOM: the table with its caption and header, nothing else. With `controls`, a reference
 * (not a target): the same plus what the element has to show besides rows, a labelled search
 * field and a sort button in each header.
 */
async function plain(rows: number, controls = false): Promise<{ ms: number; nodes: number }> {
  await fresh();
  const chats = rowsFromNetwork(rows);
  const start = performance.now();
  const table = document.createElement('table');
  const th = (label: string) => (controls ? `<th><button type="button">${label}<span aria-hidden="true">↕</span></button></th>` : `<th>${label}</th>`);
  table.innerHTML = `<caption>Чаты</caption><thead><tr>${HEADERS.map(th).join('')}</tr></thead>`;
  table.append(plainRows(chats));
  if (controls) {
    const search = document.createElement('div');
    search.innerHTML = '<label for="q">Поиск по чатам</label><input id="q" type="search" aria-describedby="q-hint" /><span id="q-hint">По названию, администратору или предмету</span>';
    stage.append(search);
  }
  stage.append(table);
  void stage.offsetHeight;
  const ms = performance.now() - start;
  return { ms, nodes: table.querySelectorAll('*').length };
}

/**
 * A reference, not a target: a bare Lit element rendering the plain table into its shadow root
 * from data in hand (no adapter, validation, styles or controls). The distance from plain DOM to
 * this is what Lit and a shadow root cost.
 */
class BenchLitTable extends LitElement {
  static override properties = { chats: { attribute: false } };
  declare chats: ReturnType<typeof manyChats>;
  override render() {
    return html`<table>
      <caption>Чаты</caption>
      <thead><tr>${HEADERS.map((label) => html`<th>${label}</th>`)}</tr></thead>
      <tbody>${this.chats.map((c) => html`<tr><td><a href=${c.url ?? '#'}>${c.name}</a></td><td>${c.type}</td><td>${c.members}</td><td>${c.admin}</td><td>${c.subject ?? '—'}</td></tr>`)}</tbody>
    </table>`;
  }
}
customElements.define('bench-lit-table', BenchLitTable);

async function bareLit(rows: number): Promise<{ ms: number; nodes: number }> {
  await fresh();
  const chats = rowsFromNetwork(rows);
  const start = performance.now();
  const el = document.createElement('bench-lit-table') as BenchLitTable;
  el.chats = chats;
  stage.append(el);
  await el.updateComplete;
  void stage.offsetHeight;
  const ms = performance.now() - start;
  return { ms, nodes: el.shadowRoot!.querySelectorAll('*').length };
}

/** Collects garbage until the heap stops shrinking (DOM wrappers go in a later pass than JS). */
async function settle(memory: () => number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let last = Infinity;
  for (let i = 0; i < 6; i++) {
    gc?.();
    await frame();
    const now = memory();
    if (now >= last - 1024) return;
    last = now;
  }
}

async function heap(rows: number): Promise<{ before: number; after: number; nodes: number }> {
  const memory = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  await fresh();
  // The data is in memory before we measure: what counts is what the element adds.
  const adapter = adapterWith(rows);
  await settle(memory);
  const before = memory();
  const result = await element(rows, adapter);
  await settle(memory);
  return { before, after: memory(), nodes: result.nodes };
}

Object.assign(window, { benchElement: element, benchPlain: plain, benchControls: (rows: number) => plain(rows, true), benchLit: bareLit, benchHeap: heap, benchReady: true });
