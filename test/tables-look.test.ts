// Issue 11 items 1 and 8, issue 10 item 9: the tables' look. Labels only in cards; cards by the
// element's own width; nothing cut or scrolling sideways at 320 / 360 px in any state; words whole;
// skeletons that keep the final layout; the conference filter as segments over native radios; the
// virtualized scroller reachable and scrolled by keys; no empty row group.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import { ManualClock, setClock } from '../src/controllers/clock.js';
import '../src/define/all.js';
import { click, contrast } from './flow-helpers.js';
import { scenario } from './mocks.js';

const root = (el: Element) => el.shadowRoot!;
type Scenario = Parameters<typeof scenario>[0];

/** An adapter whose every call waits forever: the loading state, for as long as the test looks. */
const METHODS = ['getLinkStatus', 'startLink', 'getFlow', 'submitStep', 'resendCode', 'cancelFlow', 'completeExternal', 'pollLink', 'unlink', 'listChats', 'listConferences', 'getLessonConference'];
const never = () => Object.fromEntries(METHODS.map((m) => [m, () => new Promise(() => undefined)])) as unknown as SferumAdapter;

/** Midday at the school: «Сегодня» has rows whatever the hour the tests run at. */
const NOON = Date.parse('2026-11-23T12:00:00+03:00');
let restoreClock: (() => void) | undefined;
afterEach(() => {
  restoreClock?.();
  restoreClock = undefined;
});

/** Window errors «ResizeObserver loop …», counted instead of failing the test where they come from. */
let loops: string[] = [];
let mochaOnError: OnErrorEventHandler = null;
before(() => {
  mochaOnError = window.onerror;
  window.onerror = (message, ...rest) => {
    if (String(message).includes('ResizeObserver loop')) {
      loops.push(String(message));
      return true;
    }
    return mochaOnError?.call(window, message, ...rest) ?? false;
  };
});
after(() => {
  window.onerror = mochaOnError;
});

/** An element of the kit in a box of `width` px, answered by MSW in a scenario (or by `adapter`). */
async function mount<T extends HTMLElement>(tag: string, width: number, options: { scenario?: Scenario; adapter?: SferumAdapter; attrs?: Record<string, string> } = {}) {
  restoreClock ??= setClock(new ManualClock(NOON));
  const mock = options.adapter ? undefined : await scenario(options.scenario ?? 'linked');
  if (mock) mock.backend.now = () => NOON;
  sessionStorage.clear();
  // One element on the page at a time: a virtualized list renders only what is in the viewport.
  fixtureCleanup();
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px"></div>`);
  const el = document.createElement(tag) as T & { adapter?: SferumAdapter };
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  el.setAttribute('time-zone', 'Europe/Moscow');
  el.adapter = options.adapter ?? mock!.adapter;
  box.append(el);
  return { el, mock };
}

const updated = (el: Element) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
const settled = (el: Element, selector = '[role="table"], .message, [role="alert"]') => waitUntil(() => root(el).querySelector(selector), `${el.localName}: not loaded`, { timeout: 8000 });

/** What of an element (its shadow trees included) sticks out of it, or is cut / scrolls sideways inside it. */
function overflow(host: HTMLElement): string[] {
  const limit = host.getBoundingClientRect();
  const found: string[] = [];
  const name = (el: Element) => `${el.localName}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}`;
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      // Visually hidden text (1 px, clipped) is for screen readers.
      if (r.width > 1 && r.height > 1) {
        if (r.right > limit.right + 1 || r.left < limit.left - 1) found.push(`${name(el)} ends ${Math.round(r.right - limit.right)} px outside`);
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') found.push(`${name(el)} cuts or scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (host.scrollWidth > host.clientWidth + 1) found.push(`<${host.localName}> itself is ${host.scrollWidth} px wide`);
  walk(root(host));
  return found;
}

/** Words (letters and digits) of the cells and column headers that are broken across two lines. */
function brokenWords(host: Element): string[] {
  const found: string[] = [];
  for (const cell of root(host).querySelectorAll('[role="cell"], [role="columnheader"]')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text.parentElement!.closest('.visually-hidden, .clamp, [hidden]')) continue;
      for (const word of text.textContent!.matchAll(/[\p{L}\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) found.push(word[0]);
      }
    }
  }
  return found;
}

/** The cell labels a person sees in a row: generated `::before` content, or a label element. */
function shownLabels(host: Element): string[] {
  const labels: string[] = [];
  for (const cell of root(host).querySelectorAll<HTMLElement>('[part="row"] [role="cell"]')) {
    const before = getComputedStyle(cell, '::before').content;
    if (before !== 'none' && before !== 'normal') labels.push(before);
    const text = cell.innerText.trim();
    for (const word of ['Тип:', 'Время:', 'Организатор:', 'Ссылка:', 'Администратор чата:', 'Предмет:']) if (text.startsWith(word)) labels.push(word);
  }
  return labels;
}

describe('tables: labels only in cards, cards by the element\u2019s own width (issue 11 item 1)', function () {
  this.timeout(60_000);

  for (const tag of ['sferum-chats', 'sferum-vcs']) {
    it(`${tag}: a table at 900 px shows no cell label; at 360 px (the page still wide) rows are labelled cards; no ResizeObserver loop`, async () => {
      loops = [];
      const { el } = await mount(tag, 900);
      await settled(el, '[role="table"]');
      const head = root(el).querySelector<HTMLElement>('.head')!;
      expect(getComputedStyle(head).display, 'a table shows its header row').not.to.equal('none');
      expect(shownLabels(el), 'no label inside a table cell').to.deep.equal([]);
      expect(root(el).querySelector('.label'), 'no label element either').to.equal(null);

      el.parentElement!.style.width = '360px';
      await waitUntil(() => getComputedStyle(head).display === 'none', 'no cards at 360 px of its own width', { timeout: 3000 });
      await waitUntil(() => shownLabels(el).length > 0, 'cards without labels', { timeout: 3000 });
      const row = root(el).querySelector<HTMLElement>('[part="row"]')!;
      expect(getComputedStyle(row).display, 'a row is a card').to.equal('block');
      const label = tag === 'sferum-chats' ? '"Тип: "' : '"Время: "';
      expect(shownLabels(el)).to.include(label);
      await expect(el).to.be.accessible();

      // Back and forth: the labels follow the width, and the browser never reports a loop.
      el.parentElement!.style.width = '900px';
      await waitUntil(() => shownLabels(el).length === 0, 'labels stayed in the table', { timeout: 3000 });
      el.parentElement!.style.width = '360px';
      await waitUntil(() => shownLabels(el).length > 0, 'no labels the second time', { timeout: 3000 });
      await new Promise((r) => setTimeout(r, 300));
      expect(loops, 'no «ResizeObserver loop» reported').to.deep.equal([]);
    });
  }

  it('words are never broken inside: 720 px, 800 px and 1000 px, chats and conferences', async () => {
    for (const width of [720, 800, 1000])
      for (const tag of ['sferum-chats', 'sferum-vcs']) {
        const { el } = await mount(tag, width);
        await settled(el, '[role="table"]');
        expect(brokenWords(el), `${tag} at ${width} px`).to.deep.equal([]);
        if (tag === 'sferum-chats') expect(root(el).textContent).to.contain('Родительский чат');
      }
  });

  it('error boxes hold their text and «Повторить» inside their background; the retry button is not full width', async () => {
    for (const width of [320, 900])
      for (const [tag, name] of [
        ['sferum-chats', 'fault-500'],
        ['sferum-vcs', 'fault-network'],
      ] as const) {
        const { el } = await mount(tag, width, { scenario: name });
        await settled(el, '[role="alert"]');
        const box = root(el).querySelector<HTMLElement>('.error')!;
        const outer = box.getBoundingClientRect();
        for (const inner of box.querySelectorAll('*')) {
          const r = inner.getBoundingClientRect();
          if (r.width <= 1) continue;
          expect(r.right, `${tag} ${width}px: ${inner.localName} inside the box`).to.be.at.most(outer.right + 0.5);
          expect(r.bottom, `${tag} ${width}px: ${inner.localName} inside the box`).to.be.at.most(outer.bottom + 0.5);
        }
        const button = box.querySelector('button')!;
        expect(button.getBoundingClientRect().width, `${tag} ${width}px: «Повторить» is as wide as its word`).to.be.below(Math.min(200, outer.width / 2));
      }
  });
});

describe('nothing cut or scrolling sideways at 320 and 360 px of element width, in any state (issue 11 item 1)', function () {
  this.timeout(180_000);

  const check = async (what: string, el: HTMLElement) => {
    expect(overflow(el), what).to.deep.equal([]);
  };

  for (const width of [320, 360]) {
    it(`chats at ${width} px: loading, list, nothing found, empty, error, virtualized`, async () => {
      let { el } = await mount('sferum-chats', width, { adapter: never() });
      await settled(el, '.bone');
      await check('loading', el);
      ({ el } = await mount('sferum-chats', width));
      await settled(el, '[role="table"]');
      await check('list', el);
      await click(root(el).querySelector<HTMLInputElement>('#search')!);
      await sendKeys({ type: 'нет такого чата' });
      await settled(el, '.message');
      await check('nothing found', el);
      for (const name of ['unlinked', 'fault-500', 'linked-many-chats'] as const) {
        ({ el } = await mount('sferum-chats', width, { scenario: name }));
        const shown = el;
        await waitUntil(() => root(shown).querySelector(name === 'linked-many-chats' ? '[part="row"]' : '.message, [role="alert"]'), undefined, { timeout: 8000 }).catch(() => {
          throw new Error(`${name}: ${root(shown).innerHTML.replace(/<!--[^>]*-->/g, '').slice(800, 4000)}`);
        });
        await check(name, el);
      }
    });

    it(`conferences at ${width} px: loading, each filter, empty, error`, async () => {
      let { el } = await mount('sferum-vcs', width, { adapter: never() });
      await settled(el, '.bone');
      await check('loading', el);
      ({ el } = await mount('sferum-vcs', width));
      await settled(el, '[role="table"]');
      await check('today', el);
      for (const label of ['Предстоящие', 'Прошедшие']) {
        const input = [...root(el).querySelectorAll('.filter label')].find((l) => l.textContent!.includes(label))!.querySelector('input')!;
        await click(input);
        await waitUntil(() => input.checked, 'not chosen');
        await updated(el);
        await check(label, el);
      }
      for (const name of ['unlinked', 'fault-network'] as const) {
        ({ el } = await mount('sferum-vcs', width, { scenario: name }));
        await settled(el, '.message, [role="alert"]');
        await check(name, el);
      }
    });

    it(`join and hub at ${width} px: every state`, async () => {
      let { el } = await mount('sferum-join', width, { adapter: never(), attrs: { 'lesson-id': 'lesson-live' } });
      await settled(el, '.bone');
      await check('join loading', el);
      for (const lesson of ['lesson-live', 'lesson-tomorrow', 'lesson-ended', 'lesson-offline']) {
        ({ el } = await mount('sferum-join', width, { attrs: { 'lesson-id': lesson } }));
        await settled(el, '.button, .reason');
        await updated(el);
        await check(`join ${lesson}`, el);
      }
      ({ el } = await mount('sferum-join', width, { attrs: { 'lesson-id': 'lesson-live', 'user-role': 'parent' } }));
      await settled(el, '.reason');
      await check('join parent', el);
      ({ el } = await mount('sferum-join', width, { scenario: 'fault-network', attrs: { 'lesson-id': 'lesson-live' } }));
      await settled(el, '[role="alert"]');
      await check('join error', el);

      ({ el } = await mount('sferum-hub', width, { adapter: never() }));
      await new Promise((r) => setTimeout(r, 200));
      await check('hub loading', el);
      for (const name of ['linked', 'linked-notices', 'unlinked', 'fault-500'] as const) {
        ({ el } = await mount('sferum-hub', width, { scenario: name }));
        const link = await waitUntil(() => root(el).querySelector('sferum-link')?.shadowRoot?.querySelector('#title, [role="alert"]'), `hub ${name}`, { timeout: 8000 }).then(() => true);
        expect(link).to.equal(true);
        if (name.startsWith('linked')) {
          const chats = await waitUntil(() => root(el).querySelector('sferum-chats')?.shadowRoot?.querySelector('[role="table"]'), 'no chats', { timeout: 8000 }).then(() => root(el).querySelector('sferum-chats')!);
          expect(chats).to.exist;
          await check(`hub ${name}: chats`, el);
          await click([...root(el).querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent!.includes('Видеоконференции'))!);
          await waitUntil(() => root(el).querySelector('sferum-vcs')?.shadowRoot?.querySelector('[role="table"], .message'), 'no conferences', { timeout: 8000 });
          await check(`hub ${name}: conferences`, el);
        } else await check(`hub ${name}`, el);
      }
    });
  }
});

describe('loading: skeletons that keep the final layout (issue 11 item 8)', function () {
  this.timeout(60_000);

  /** An MSW-answered adapter whose list call waits for `open()`. */
  async function gated() {
    const mock = await scenario('linked');
    mock.backend.now = () => NOON;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const adapter: SferumAdapter = {
      ...mock.adapter,
      listChats: async (signal) => (await gate, mock.adapter.listChats(signal)),
      listConferences: async (range, signal) => (await gate, mock.adapter.listConferences(range, signal)),
      getLessonConference: async (id, signal) => (await gate, mock.adapter.getLessonConference(id, signal)),
    };
    return { adapter, open };
  }
  /** Where the first shown element of `selector` starts, from the element's top. */
  const top = (el: Element, selector: string) => [...root(el).querySelectorAll(selector)].find((e) => e.getBoundingClientRect().height > 0)!.getBoundingClientRect().top - el.getBoundingClientRect().top;

  for (const [tag, width] of [
    ['sferum-chats', 900],
    ['sferum-chats', 360],
    ['sferum-vcs', 900],
    ['sferum-vcs', 360],
  ] as const) {
    it(`${tag} at ${width} px: grey bones, «Загрузка…» said once and hidden, no spinner; the table starts where the skeleton's did`, async () => {
      const { adapter, open } = await gated();
      const { el } = await mount(tag, width, { adapter });
      await settled(el, '.bone');
      expect(root(el).querySelector('.spinner'), 'no spinner').to.equal(null);
      const status = [...root(el).querySelectorAll('[role="status"]')];
      expect(status.map((s) => s.textContent!.trim())).to.deep.equal(['Загрузка…']);
      expect(status[0]!.getBoundingClientRect().width, 'the status is visually hidden').to.be.at.most(1);
      const bones = [...root(el).querySelectorAll('.bone')].filter((b) => b.getBoundingClientRect().width > 8);
      expect(bones.length, 'bones for the tool, the caption and the rows').to.be.at.least(8);
      await expect(el).to.be.accessible();
      const before = top(el, '.table');
      const firstRow = top(el, '.table .tr');
      open();
      await settled(el, '[role="table"]');
      expect(Math.abs(top(el, '[role="table"]') - before), 'the table did not move').to.be.at.most(4);
      expect(Math.abs(top(el, '[role="table"] .tr') - firstRow), 'its first row did not move').to.be.at.most(4);
    });
  }

  it('sferum-join: the button and its reason in grey; the row keeps its height when the answer comes', async () => {
    const { adapter, open } = await gated();
    const { el } = await mount('sferum-join', 600, { adapter, attrs: { 'lesson-id': 'lesson-live' } });
    await settled(el, '.bone');
    expect(root(el).querySelector('.spinner')).to.equal(null);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Загрузка…');
    const height = el.getBoundingClientRect().height;
    const bone = root(el).querySelector('.bone.field')!.getBoundingClientRect();
    await expect(el).to.be.accessible();
    open();
    await settled(el, '.button');
    expect(Math.abs(el.getBoundingClientRect().height - height), 'the schedule row keeps its height').to.be.at.most(2);
    expect(Math.abs(root(el).querySelector('.button')!.getBoundingClientRect().height - bone.height), 'the button where its bone was').to.be.at.most(2);
  });
});

describe('the conference filter: segments over native radios (issue 11 item 8)', function () {
  this.timeout(60_000);
  const segments = (el: Element) => [...root(el).querySelectorAll<HTMLLabelElement>('.segments label')];

  it('one bordered group of segments; arrows move the choice; the chosen one filled; axe clean', async () => {
    const { el } = await mount('sferum-vcs', 900);
    await settled(el, '[role="table"]');
    const labels = segments(el);
    expect(labels.map((l) => l.textContent!.trim())).to.deep.equal(['Сегодня', 'Предстоящие', 'Прошедшие']);
    const radios = labels.map((l) => l.querySelector('input')!);
    expect(radios.every((r) => r.type === 'radio' && r.name === 'filter')).to.equal(true);
    expect(root(el).querySelector('fieldset legend')!.textContent).to.equal('Показать');
    // Segments sit side by side in one row.
    const tops = new Set(labels.map((l) => Math.round(l.getBoundingClientRect().top)));
    expect(tops.size).to.equal(1);
    const [today, upcoming] = labels.map((l) => getComputedStyle(l));
    expect(contrast(today!.backgroundColor, upcoming!.backgroundColor), 'the chosen segment is filled').to.be.at.least(3);
    expect(contrast(today!.backgroundColor, today!.color), 'its text reads').to.be.at.least(4.5);
    await expect(el).to.be.accessible();

    await click(labels[0]!);
    expect(root(el).activeElement).to.equal(radios[0]);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => radios[1]!.checked, 'ArrowRight did not choose «Предстоящие»');
    await waitUntil(() => root(el).textContent!.includes('Физика: законы Ньютона'), 'the list did not follow');
    expect(root(el).activeElement).to.equal(radios[1]);
    await updated(el);
    expect(contrast(getComputedStyle(labels[1]!).backgroundColor, getComputedStyle(labels[0]!).backgroundColor), 'the mark moved').to.be.at.least(3);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => radios[2]!.checked);
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => radios[1]!.checked);
    // The focused segment shows a ring.
    expect(getComputedStyle(labels[1]!).outlineStyle).not.to.equal('none');
    await expect(el).to.be.accessible();
  });

  describe('forced colours', () => {
    before(() => executeServerCommand('forced-colors', { active: true }));
    after(() => executeServerCommand('forced-colors', { active: false }));
    it('the chosen segment stays marked (system Highlight), the group keeps its border', async () => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const { el } = await mount('sferum-vcs', 900);
      await settled(el, '[role="table"]');
      const [chosen, other] = segments(el).map((l) => getComputedStyle(l));
      expect(contrast(chosen!.backgroundColor, other!.backgroundColor), `${chosen!.backgroundColor} vs ${other!.backgroundColor}`).to.be.at.least(3);
      expect(getComputedStyle(root(el).querySelector('.segments')!).borderTopStyle).to.equal('solid');
    });
  });
});

describe('issue 10 item 9: no empty row group, a keyboard scroller, the parent rule readable', function () {
  this.timeout(60_000);

  it('no conferences: a message, and no row group without rows; axe clean', async () => {
    const { el } = await mount('sferum-vcs', 900, { scenario: 'unlinked' });
    await settled(el, '.message');
    for (const group of root(el).querySelectorAll('[role="rowgroup"]')) expect(group.querySelector('[role="row"]'), 'a row group holds rows').to.not.equal(null);
    expect(root(el).textContent).to.contain('Видеоконференций нет');
    await expect(el).to.be.accessible();
  });

  it('10,000 chats: Tab reaches the named scroller; arrows, PageDown, End, Home, PageUp scroll it', async () => {
    const { el } = await mount<HTMLElement>('sferum-chats', 900, { scenario: 'linked-many-chats' });
    await settled(el, '[part="row"]');
    const scroller = root(el).querySelector<HTMLElement>('.virtual')!;
    await waitUntil(() => scroller.scrollHeight > 100_000, 'the scroller was not sized', { timeout: 5000 });
    const lastSort = [...root(el).querySelectorAll<HTMLButtonElement>('.sort')].at(-1)!;
    lastSort.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement, 'Tab reaches the scroller').to.equal(scroller);
    expect(scroller.getAttribute('aria-labelledby')).to.equal('caption');
    expect(root(el).getElementById('caption')!.textContent).to.equal('Чаты');
    const rowIndex = () => Math.min(...[...root(el).querySelectorAll('[part="row"]')].filter((r) => r.getBoundingClientRect().bottom > scroller.getBoundingClientRect().top + 2).map((r) => Number(r.getAttribute('aria-rowindex'))));
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => scroller.scrollTop > 0, 'ArrowDown did not scroll');
    const afterArrow = scroller.scrollTop;
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => scroller.scrollTop > afterArrow + 200, 'PageDown did not scroll a page');
    await sendKeys({ press: 'End' });
    await waitUntil(() => rowIndex() > 9000 && root(el).querySelector('[aria-rowindex="10001"]'), 'End did not reach the last row', { timeout: 5000 });
    // The virtualizer holds the last row in place while it measures; a person reads it first.
    await new Promise((r) => setTimeout(r, 500));
    const atEnd = scroller.scrollTop;
    await sendKeys({ press: 'PageUp' });
    await waitUntil(() => scroller.scrollTop < atEnd - 200, 'PageUp did not scroll back', { timeout: 3000 });
    await sendKeys({ press: 'Home' });
    await waitUntil(() => scroller.scrollTop === 0 && rowIndex() === 2, 'Home did not go back to the first row', { timeout: 5000 }).catch(() => {
      throw new Error(`Home: scrollTop ${scroller.scrollTop}, first row ${rowIndex()}, focus ${root(el).activeElement?.className}`);
    });
    expect(getComputedStyle(scroller).outlineStyle, 'focus is visible').not.to.equal('none');
    await expect(el).to.be.accessible();
  });

  for (const theme of ['light', 'dark']) {
    it(`<sferum-join> for a parent (${theme}): the rule in body text, at least 4.5:1`, async () => {
      const page = theme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)';
      const { el } = await mount('sferum-join', 600, { attrs: { 'lesson-id': 'lesson-live', 'user-role': 'parent', theme } });
      el.parentElement!.style.background = page;
      await settled(el, '.reason');
      const rule = root(el).querySelector<HTMLElement>('.reason')!;
      const base = root(el).querySelector<HTMLElement>('.root')!;
      expect(rule.textContent).to.contain('учётной записи ребёнка');
      expect(getComputedStyle(rule).color, 'body text, not the muted hint').to.equal(getComputedStyle(base).color);
      expect(contrast(getComputedStyle(rule).color, page)).to.be.at.least(4.5);
      await expect(el).to.be.accessible();
    });
  }
});
