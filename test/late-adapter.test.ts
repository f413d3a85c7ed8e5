// An adapter set late is not an error: frameworks and lazily imported API clients set it after the
// element connects. Until it arrives an element shows its loading state and fires nothing; only a
// host that plainly supplied none (NO_ADAPTER_GRACE_MS after both `load` and the element's first
// render) gets «не задан адаптер» and one `sferum-error` of kind `no-adapter` — never `invalid-response`.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import { NO_ADAPTER_GRACE_MS } from '../src/components/base/sferum-element.js';
import '../src/define/all.js';
import { scenario } from './mocks.js';

type Delay = (set: () => void) => Promise<void>;
/** [name, delay, whether the element has rendered (its loading state) by the time the adapter comes]. */
const DELAYS: [string, Delay, boolean][] = [
  ['a microtask', async (set) => void (await Promise.resolve(), set()), false],
  ['one setTimeout(0)', (set) => new Promise((resolve) => setTimeout(() => (set(), resolve()), 0)), true],
  // The test page has loaded long ago: the adapter comes from a `load` handler's later work, well within the grace.
  ['a second after load', (set) => new Promise((resolve) => setTimeout(() => (set(), resolve()), 1000)), true],
];

const SFERUM_EVENTS = ['sferum-error', 'sferum-auth-required'] as const;

/** Every sferum-error / sferum-auth-required that leaves `target`, and whether an error was ever on screen. */
function watch(target: Element) {
  const events: string[] = [];
  for (const type of SFERUM_EVENTS) target.addEventListener(type, (e) => events.push(`${type}:${JSON.stringify((e as CustomEvent).detail ?? null)}`));
  let flashed = false;
  const roots = new Set<ShadowRoot>();
  const check = (node: Node) => {
    if (!(node instanceof Element || node instanceof DocumentFragment)) return;
    const el = node as Element;
    // An error box or text (an empty live region, like the unlink dialog's, is not one).
    if (el.matches?.('[part="error"], .error, .reason[role="alert"]') || el.querySelector?.('[part="error"], .error, .reason[role="alert"]') || /адаптер/.test(el.textContent ?? '')) flashed = true;
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach(check);
    observeAll();
  });
  const observeAll = () => {
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot && !roots.has(el.shadowRoot)) {
          roots.add(el.shadowRoot);
          observer.observe(el.shadowRoot, { childList: true, subtree: true });
          check(el.shadowRoot);
          visit(el.shadowRoot);
        }
      }
    };
    visit(target);
  };
  observer.observe(target, { childList: true, subtree: true });
  observeAll();
  return {
    events,
    get flashed() {
      return flashed;
    },
    stop: () => observer.disconnect(),
  };
}

const shadow = (el: Element) => el.shadowRoot!;
const inner = (el: Element, selector: string) => shadow(el).querySelector(selector);
/** Shows its loading state and no error (the hub: its inner <sferum-link> does). */
const loading = (el: Element): boolean =>
  el.localName === 'sferum-hub'
    ? loading(inner(el, 'sferum-link')!)
    : /Загрузка/.test(inner(el, '[role="status"]')?.textContent ?? '') && !inner(el, '[part="error"], .error, .reason[role="alert"]');

/** Each element, how it looks once the `linked` scenario has loaded. */
const ELEMENTS: { tag: string; attrs?: Record<string, string>; ready: (el: Element) => boolean }[] = [
  { tag: 'sferum-link', ready: (el) => !!inner(el, '[part="phone"]') },
  { tag: 'sferum-chats', ready: (el) => !!inner(el, '[part="row"]') },
  { tag: 'sferum-vcs', ready: (el) => !!inner(el, '[part="table"]') },
  { tag: 'sferum-join', attrs: { 'lesson-id': 'lesson-live' }, ready: (el) => !!inner(el, 'a[part="button"]') },
  { tag: 'sferum-hub', ready: (el) => !!inner(el, '[role="tablist"]') },
];

function create(tag: string, attrs: Record<string, string> = {}): HTMLElement & { adapter?: SferumAdapter } {
  const el = document.createElement(tag) as HTMLElement & { adapter?: SferumAdapter };
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

describe('an adapter set late', () => {
  for (const [delayName, delay, rendered] of DELAYS) {
    for (const { tag, attrs, ready } of ELEMENTS) {
      it(`<${tag}>: adapter after ${delayName} — loading, no error shown, nothing fired, then loaded`, async () => {
        const { adapter } = await scenario('linked');
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        const seen = watch(wrapper);
        const el = create(tag, attrs);
        wrapper.append(el);
        await delay(() => {
          // While it waits, the element shows its loading state (join: its quiet spinner).
          if (rendered) expect(loading(el), `<${tag}> is not loading`).to.equal(true);
          el.adapter = adapter;
        });
        await waitUntil(() => ready(el), `<${tag}> did not load`, { timeout: 5000 });
        seen.stop();
        expect(seen.flashed, `<${tag}> flashed an error`).to.equal(false);
        expect(seen.events).to.deep.equal([]);
      });
    }

    it(`a provider whose adapter comes after ${delayName}: its children wait, fire nothing, then load`, async () => {
      const { adapter } = await scenario('linked');
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const seen = watch(wrapper);
      const provider = create('sferum-provider');
      const children = ELEMENTS.filter((e) => e.tag !== 'sferum-hub').map(({ tag, attrs }) => create(tag, attrs));
      provider.append(...children);
      wrapper.append(provider);
      await delay(() => {
        provider.adapter = adapter;
      });
      await waitUntil(() => children.every((el, i) => ELEMENTS[i]!.ready(el)), 'the children did not load', { timeout: 5000 });
      seen.stop();
      expect(seen.flashed, 'a child flashed an error').to.equal(false);
      expect(seen.events).to.deep.equal([]);
    });
  }

  it('never: loading through the grace, then «не задан адаптер» and one sferum-error {kind: no-adapter} per element; an adapter set afterwards still loads', async function () {
    this.timeout(NO_ADAPTER_GRACE_MS + 10_000);
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const events: { tag: string; detail: unknown }[] = [];
    wrapper.addEventListener('sferum-error', (e) => events.push({ tag: (e.composedPath()[0] as Element).localName, detail: e.detail }));
    const elements = ELEMENTS.map(({ tag, attrs }) => create(tag, attrs));
    wrapper.append(...elements);
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, NO_ADAPTER_GRACE_MS - 500));
    for (const el of elements) expect(loading(el), `<${el.localName}> is not loading`).to.equal(true);
    expect(events).to.deep.equal([]);
    const reporting = elements.filter((e) => e.localName !== 'sferum-hub');
    await waitUntil(() => events.length >= reporting.length + 1, 'no no-adapter events', { timeout: 4000 });
    expect(performance.now() - started).to.be.at.least(NO_ADAPTER_GRACE_MS);
    // The hub reports nothing of its own: its inner <sferum-link> does (composed, so it is seen here too).
    expect(events.map((e) => e.tag).sort()).to.deep.equal(['sferum-chats', 'sferum-join', 'sferum-link', 'sferum-link', 'sferum-vcs']);
    for (const { detail } of events) expect(detail).to.deep.equal({ kind: 'no-adapter', operation: 'adapter' });
    for (const el of reporting) {
      expect(inner(el, '[role="alert"]')?.textContent, `<${el.localName}>`).to.contain('Виджет не подключён к журналу: не задан адаптер API.');
      await expect(el).to.be.accessible();
    }
    const { adapter } = await scenario('linked');
    for (const el of elements) el.adapter = adapter;
    await waitUntil(() => elements.every((el, i) => ELEMENTS[i]!.ready(el)), 'did not load after the adapter came', { timeout: 5000 });
    expect(events.length).to.equal(5);
  });

  it('in English, the no-adapter text is English', async function () {
    this.timeout(NO_ADAPTER_GRACE_MS + 6000);
    const el = await fixture(html`<sferum-chats locale="en"></sferum-chats>`);
    await waitUntil(() => inner(el, '[role="alert"]'), 'no alert', { timeout: NO_ADAPTER_GRACE_MS + 3000 });
    expect(inner(el, '[role="alert"]')!.textContent).to.contain('no API adapter is set');
  });
});

describe('an adapter set at the page\u2019s load event, long after the elements connected', () => {
  it('no error before load + grace: the page loads slowly (4.5 s > the grace), the adapter comes at load', async function () {
    this.timeout(20_000);
    const frame = document.createElement('iframe');
    frame.src = '/test/fixtures/late-load.html';
    document.body.append(frame);
    try {
      const win = () => frame.contentWindow as (Window & { report?: { events: unknown[]; flashed: boolean; loadedAt?: number; connectedAt?: number } }) | null;
      await waitUntil(() => win()?.report?.loadedAt !== undefined, 'the frame never loaded', { timeout: 15_000 });
      const doc = frame.contentDocument!;
      const link = doc.querySelector('sferum-link')!;
      await waitUntil(() => link.shadowRoot?.querySelector('[part="phone"]'), 'the link never loaded', { timeout: 5000 });
      const report = win()!.report!;
      expect(report.loadedAt! - report.connectedAt!).to.be.at.least(NO_ADAPTER_GRACE_MS);
      expect(report.flashed).to.equal(false);
      expect(report.events).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
