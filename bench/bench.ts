// Runs in the benchmark page: renders <sferum-chats> and a plain-DOM table of the same rows and
// reports how long each takes to put its first screen on the page. Driven by scripts/bench.mjs.
import { manyChats } from '../mocks/data.js';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import '../src/define/sferum-chats.js';

const stage = document.querySelector<HTMLElement>('#stage')!;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
/** Yields to the event loop without waiting for a frame (sub-millisecond). */
const yieldTask = () => new Promise<void>((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

function adapterWith(rows: number): SferumAdapter {
  const chats = manyChats(rows);
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

/** Time from handing over the data to the first painted screen (the adapter answers at once). */
/**
 * From handing over the data to the first screen laid out: the element loads (the adapter answers
 * at once), validates, sorts and renders; layout is forced so that both sides pay for it.
 */
async function element(rows: number, adapter = adapterWith(rows)): Promise<{ ms: number; nodes: number }> {
  stage.replaceChildren();
  await frame();
  const el = document.createElement('sferum-chats');
  el.adapter = adapter;
  const start = performance.now();
  stage.append(el);
  while (!el.shadowRoot?.querySelector('.body [role="row"], .message')) await yieldTask();
  void stage.offsetHeight;
  const ms = performance.now() - start;
  return { ms, nodes: el.shadowRoot!.querySelectorAll('*').length };
}

async function plain(rows: number): Promise<{ ms: number; nodes: number }> {
  stage.replaceChildren();
  await frame();
  const chats = manyChats(rows);
  const start = performance.now();
  const table = document.createElement('table');
  table.innerHTML = '<caption>Чаты</caption><thead><tr><th>Наименование</th><th>Тип</th><th>Количество участников</th><th>Администратор чата</th><th>Предмет</th></tr></thead>';
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
  table.append(body);
  stage.append(table);
  void stage.offsetHeight;
  const ms = performance.now() - start;
  return { ms, nodes: table.querySelectorAll('*').length };
}

async function heap(rows: number): Promise<{ before: number; after: number; nodes: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  stage.replaceChildren();
  await frame();
  gc?.();
  await frame();
  const memory = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  // The data is in memory before we measure: what counts is what the element adds.
  const adapter = adapterWith(rows);
  gc?.();
  await frame();
  const before = memory();
  const result = await element(rows, adapter);
  gc?.();
  await frame();
  return { before, after: memory(), nodes: result.nodes };
}

Object.assign(window, { benchElement: element, benchPlain: plain, benchHeap: heap, benchReady: true });
