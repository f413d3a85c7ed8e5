// Issue 10, «Tests» and item 9: two of every element in every state on one page, checked by axe over
// the whole document; the `heading-level` attribute; and every step's errors announced the same way.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import 'axe-core/axe.min.js';
import { MockBackend } from '../mocks/backend.js';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import { localAdapter } from '../mocks/local-adapter.js';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import { SferumError, type SferumErrorKind } from '../src/adapter/errors.js';
import type { StepKind } from '../src/adapter/schemas.js';
import { NO_ADAPTER_GRACE_MS } from '../src/components/base/sferum-element.js';
import type { SferumHub } from '../src/components/hub/sferum-hub.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/all.js';
import { saveFlow } from '../src/flows/flow-store.js';
import { ManualClock, setClock } from '../src/controllers/clock.js';
import { byText, click, field, fill, press, shadow, step, unlinkDialog } from './flow-helpers.js';
import { scenario } from './mocks.js';

const backendOf = (name: ConstructorParameters<typeof MockBackend>[0], vendor = 'bars') => new MockBackend(name, { vendor, origin: location.origin });

/** Every heading in an element's shadow tree (nested elements included), as `h3 Text`. */
function headings(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (/^h[1-6]$/.test(el.localName)) out.push(`${el.localName} ${el.textContent!.trim()}`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root.shadowRoot!);
  return out;
}

/** The one live region of a step that reads its errors out, and what it holds. */
function announced(stepEl: Element): string {
  const regions = [...shadow(stepEl).querySelectorAll('[role="alert"], [aria-live]')];
  expect(regions, 'one live region per step').to.have.length(1);
  return regions[0]!.textContent!.trim();
}

/** Every method of the adapter answering the same way: never (loading), or with one error kind. */
const ADAPTER_METHODS = ['getLinkStatus', 'startLink', 'getFlow', 'submitStep', 'resendCode', 'cancelFlow', 'completeExternal', 'pollLink', 'unlink', 'listChats', 'listConferences', 'getLessonConference'] as const;
const answering = (answer: () => Promise<never>): SferumAdapter => Object.fromEntries(ADAPTER_METHODS.map((m) => [m, answer])) as unknown as SferumAdapter;
const never = () => answering(() => new Promise<never>(() => undefined));
const failing = (kind: SferumErrorKind) => answering(() => Promise.reject(new SferumError(kind, kind, kind === 'rate-limited' ? { retryAfter: 30 } : {})));

/** The 16 step kinds but «done» (which is the linked card, below). */
const STEP_KINDS: readonly StepKind[] = ['login', 'known-account', 'password', 'code', 'choose-profile', 'create-profile', 'about-you', 'external', 'recovery-phone', 'recovery-account', 'recovery-method', 'new-password', 'max-phone', 'max-pending'];
const FAULT_KINDS: readonly SferumErrorKind[] = ['network', 'timeout', 'unauthorized', 'rate-limited', 'server', 'invalid-response', 'not-found'];
const TWICE = [1, 2] as const;

/** A link resumed at a step of its own backend's flow (as after a reload). */
function atStep(kind: StepKind, n: number, vendor = 'bars') {
  const backend = backendOf('unlinked', vendor);
  const key = `a11y-${kind}-${n}`;
  saveFlow(key, { flowId: backend.startFlowAt(kind), method: kind.startsWith('max-') ? 'max' : 'vkid' });
  // The hosted step's mock VK ID page is on this origin: allowed, as a journal allows VK ID's.
  return html`<sferum-link storage-key=${key} vendor=${vendor} .allowedHosts=${[location.origin]} .adapter=${localAdapter(backend)}></sferum-link>`;
}

/** Any element of the kit below `root`, shadow trees included, that still shows its spinner. */
function spinning(root: ParentNode): boolean {
  return [...root.querySelectorAll('*')].some((el) => (el.classList.contains('spinner') && el.getBoundingClientRect().width > 0) || (el.shadowRoot !== null && spinning(el.shadowRoot)));
}

/** The text of an element with its shadow trees (nested elements' too). */
function deepText(node: Node): string {
  if (node instanceof Element && node.shadowRoot) return deepText(node.shadowRoot);
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(deepText).join(' ');
}

/** axe over the whole document: what it finds, one line per node. */
async function axeOverDocument(): Promise<string[]> {
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

describe('Two of every element in every state on one page (issue 10, «Tests»)', function () {
  // About a hundred elements, a 10,000-row list twice, and axe over all of them on a shared machine.
  this.timeout(240_000);
  // The virtualizer's measuring makes Chromium report a benign ResizeObserver loop; mocha would fail on it.
  let mochaOnError: OnErrorEventHandler = null;
  before(() => {
    mochaOnError = window.onerror;
    window.onerror = (message, ...rest) => (String(message).includes('ResizeObserver loop') ? true : (mochaOnError?.call(window, message, ...rest) ?? false));
  });
  after(() => {
    window.onerror = mochaOnError;
  });
  it('entry, each step kind, linked with each unlink policy, dialogs open, pending MAX; chats, conferences, join, hub in each state; every fault; loading; no adapter: axe finds nothing over the whole document', async () => {
    sessionStorage.clear();
    // A journal's page has a title (axe's document-title, over the whole document).
    document.title = 'Электронный журнал';
    const linked = (vendor = 'bars') => localAdapter(backendOf('linked', vendor));
    const unlinked = () => localAdapter(backendOf('unlinked'));
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Электронный журнал</h1>
      ${TWICE.map(
        (n) => html`
          <sferum-link id="entry-bars-${n}" vendor="bars" .adapter=${unlinked()}></sferum-link>
          <sferum-link id="entry-mesh-${n}" vendor="mesh" .adapter=${unlinked()}></sferum-link>
          ${STEP_KINDS.map((kind) => atStep(kind, n))}
          <sferum-link id="linked-self-${n}" vendor="bars" .adapter=${linked()}></sferum-link>
          <sferum-link id="linked-support-${n}" vendor="mesh" user-role="teacher" .adapter=${linked('mesh')}></sferum-link>
          <sferum-link id="linked-external-${n}" vendor="mesh" user-role="student" .adapter=${linked('mesh')}></sferum-link>
          <sferum-chats id="chats-table-${n}" .adapter=${linked()}></sferum-chats>
          <div id="chats-cards-${n}" style="width: 320px"><sferum-chats .adapter=${linked()}></sferum-chats></div>
          <sferum-chats id="chats-empty-${n}" .adapter=${unlinked()}></sferum-chats>
          <sferum-chats id="chats-error-${n}" .adapter=${failing('server')}></sferum-chats>
          <div id="chats-virtualized-${n}"><sferum-chats .adapter=${localAdapter(backendOf('linked-many-chats'))}></sferum-chats></div>
          ${(['today', 'upcoming', 'past'] as const).map((filter) => html`<sferum-vcs id="vcs-${filter}-${n}" .adapter=${linked()}></sferum-vcs>`)}
          <sferum-vcs id="vcs-empty-${n}" .adapter=${unlinked()}></sferum-vcs>
          <sferum-vcs id="vcs-error-${n}" .adapter=${failing('network')}></sferum-vcs>
          ${['lesson-live', 'lesson-tomorrow', 'lesson-ended', 'lesson-offline'].map((lesson) => html`<sferum-join lesson-id=${lesson} .adapter=${linked()}></sferum-join>`)}
          <sferum-join lesson-id="lesson-live" user-role="parent" .adapter=${linked()}></sferum-join>
          <sferum-join lesson-id="lesson-live" .adapter=${failing('network')}></sferum-join>
          <sferum-hub id="hub-notices-${n}" vendor=${n === 1 ? 'bars' : 'perm'} .adapter=${localAdapter(backendOf('linked-notices'))}></sferum-hub>
          <sferum-hub id="hub-unlinked-${n}" vendor="bars" .adapter=${unlinked()}></sferum-hub>
          ${FAULT_KINDS.map((kind) => html`<sferum-link id="fault-${kind}-${n}" .adapter=${failing(kind)}></sferum-link>`)}
          <div class="loading">
            <sferum-link .adapter=${never()}></sferum-link><sferum-chats .adapter=${never()}></sferum-chats><sferum-vcs .adapter=${never()}></sferum-vcs>
            <sferum-join lesson-id="lesson-live" .adapter=${never()}></sferum-join><sferum-hub .adapter=${never()}></sferum-hub>
          </div>
          <div class="no-adapter"><sferum-link></sferum-link><sferum-chats></sferum-chats><sferum-vcs></sferum-vcs><sferum-join lesson-id="lesson-live"></sferum-join><sferum-hub></sferum-hub></div>
        `,
      )}
      <div id="consent-slot"></div>
    </main>`);
    const find = <T extends HTMLElement = HTMLElement>(selector: string) => page.querySelector<T>(selector)!;

    // Each step kind on screen, twice.
    for (const n of TWICE) for (const kind of STEP_KINDS) await step(find<SferumLink>(`[storage-key="a11y-${kind}-${n}"]`), `sferum-step-${kind}`, 10_000);
    // The lists and cards loaded; the conferences' filters switched as a person does.
    // The virtualizer renders the rows in view: bring each long list into view, as a reader scrolls to it.
    for (const n of TWICE) {
      const list = find(`#chats-virtualized-${n} sferum-chats`);
      await waitUntil(() => list.shadowRoot?.querySelector('.virtual'), 'the 10,000 chats did not load', { timeout: 20_000 });
      list.scrollIntoView();
      await waitUntil(() => list.shadowRoot!.querySelector('.virtual [role="row"]'), 'no rows of the 10,000 rendered', { timeout: 10_000 });
    }
    for (const n of TWICE) {
      for (const [filter, label] of [['upcoming', 'Предстоящие'], ['past', 'Прошедшие']] as const) {
        const vcs = find(`#vcs-${filter}-${n}`);
        await waitUntil(() => vcs.shadowRoot?.querySelector('fieldset'), `vcs ${filter}`, { timeout: 8000 });
        await click(byText(vcs, 'label', label));
        await waitUntil(() => vcs.shadowRoot!.querySelector<HTMLInputElement>('input:checked')?.parentElement?.textContent?.includes(label), `${filter} not chosen`);
      }
    }
    // Everything that loads has settled (the loading ones spin for ever, the pending MAX steps wait).
    await waitUntil(
      () => ![...page.children].some((el) => !el.matches('.loading') && !el.closest('.loading') && !(el as Element & { storageKey?: string }).getAttribute?.('storage-key')?.startsWith('a11y-max-pending') && spinning(el.shadowRoot ?? el)),
      'not every element has settled',
      { timeout: 20_000 },
    );
    // No adapter: reported once the grace after the page's load has passed.
    await waitUntil(() => [...page.querySelectorAll('.no-adapter > *')].every((el) => deepText(el).includes('не задан адаптер')), 'no-adapter not shown', {
      timeout: NO_ADAPTER_GRACE_MS + 8000,
    });

    // Dialogs open: the unlink confirmation (a person opens one at a time) …
    const linkedCard = find<SferumLink>('#linked-self-1');
    await click(byText(linkedCard, 'button', 'Отвязать учётную запись'));
    await waitUntil(() => unlinkDialog(linkedCard)?.open, 'the unlink dialog did not open');
    // … and MESH's consent, twice: each opens its own modal question as its step appears (added last: a modal makes the rest inert).
    render(html`${TWICE.map((n) => atStep('consent', n, 'mesh'))}`, find('#consent-slot'));
    for (const n of TWICE) {
      const consent = await step(document.querySelector<SferumLink>(`[storage-key="a11y-consent-${n}"]`)!, 'sferum-step-consent', 10_000);
      await waitUntil(() => shadow(consent).querySelector('dialog')?.open, 'the consent dialog did not open');
    }

    const found = await axeOverDocument();
    expect(found).to.deep.equal([]);
  });
});

describe('heading-level (issue 10, item 9)', function () {
  // Whole flows driven by keys and clicks: slower than one assertion on a shared machine.
  this.timeout(30_000);
  it('defaults to 2; sets the top heading of the card, the dialog one below', async () => {
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${localAdapter(backendOf('linked'))}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('#title'));
    expect(headings(link)).to.deep.equal(['h2 Учётная запись привязана к Сферум']);
    // The confirmation is its own element, loaded on the first «Отвязать учётную запись».
    await click(byText(link, 'button', 'Отвязать учётную запись'));
    await waitUntil(() => unlinkDialog(link)?.open, 'the unlink dialog did not open');
    expect(headings(link)).to.deep.equal(['h2 Учётная запись привязана к Сферум', 'h3 Отвязать учётную запись?']);
    link.headingLevel = 4;
    await link.updateComplete;
    expect(headings(link)).to.deep.equal(['h4 Учётная запись привязана к Сферум', 'h5 Отвязать учётную запись?']);
    expect(shadow(link).querySelector('h4')!.getAttribute('part')).to.equal('title');
  });

  it('as an attribute, on a page outline: the link\u2019s steps and the hub\u2019s link follow it; axe\u2019s heading order holds', async () => {
    sessionStorage.clear();
    const page = await fixture<HTMLElement>(html`<div>
      <h1>Дневник</h1>
      <h2>Сообщения</h2>
      <sferum-link heading-level="3" vendor="mesh" .adapter=${localAdapter(backendOf('vkid-variant-3', 'mesh'))}></sferum-link>
      <sferum-hub heading-level="3" .adapter=${localAdapter(backendOf('linked'))}></sferum-hub>
    </div>`);
    const link = page.querySelector<SferumLink>('sferum-link')!;
    const hub = page.querySelector<SferumHub>('sferum-hub')!;
    await waitUntil(() => shadow(link).querySelector('#title') && headings(hub).length > 0, 'not loaded', { timeout: 8000 });
    expect(headings(link)).to.deep.equal(['h3 Мессенджер не подключён']);
    expect(headings(hub)[0]).to.equal('h3 Учётная запись привязана к Сферум');
    await click(byText(link, 'button', 'Перейти к подключению'));
    // The step's heading is at the link's level, and takes focus when the step appears.
    await waitUntil(() => headings(link).includes('h3 Вход в VK ID'), 'the step heading is not h3', { timeout: 5000 });
    await expect(page).to.be.accessible();
    const stepEl = shadow(link).querySelector('sferum-link-flow')!.shadowRoot!.querySelector('sferum-step-login')!;
    expect(shadow(stepEl).activeElement?.localName).to.equal('h3');
  });
});

describe('Errors are announced the same way on every step (issue 10, item 9)', function () {
  // Whole flows driven by keys and clicks: slower than one assertion on a shared machine.
  this.timeout(30_000);
  it('MAX phone: the field\u2019s error is read out when it appears', async () => {
    sessionStorage.clear();
    const mock = await scenario('max-confirmed', { vendor: 'bars' });
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('#title'), 'entry', { timeout: 5000 });
    await click(byText(link, 'button', 'Привязать через MAX'));
    const s = await step(link, 'sferum-step-max-phone');
    expect(announced(s)).to.equal('');
    await fill(s, 'phone', '8 495 123-45-67');
    await waitUntil(() => announced(s).includes('Это городской номер'), 'the field error was not announced', { timeout: 5000 });
    expect(shadow(s).querySelector('#f-phone-error')!.closest('[role], [aria-live]'), 'the field message itself is not a second live region').to.equal(null);
    await expect(link).to.be.accessible();
  });

  it('VK ID: the backend\u2019s field error, the same one twice, a step-wide error and a local one', async () => {
    sessionStorage.clear();
    const mock = await scenario('vkid-variant-1', { vendor: 'bars' });
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('#title'), 'entry', { timeout: 5000 });
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    let s = await step(link, 'sferum-step-login');
    // A step-wide error from the backend (a phone linked to another journal account).
    await fill(s, 'login', '+7 952 000-00-01');
    await waitUntil(() => announced(s).includes('уже совершена привязка'), 'the step error was not announced', { timeout: 5000 });
    expect(shadow(s).querySelectorAll('[role="alert"]')).to.have.length(1);
    field(s, 'login').select();
    await fill(s, 'login', MOCK_CREDENTIALS.phone);
    await fill(await step(link, 'sferum-step-password'), 'password', MOCK_CREDENTIALS.password);
    s = await step(link, 'sferum-step-code');
    // A field error the backend ties to the code field, then the same error again.
    await fill(s, 'code', '999999');
    await waitUntil(() => announced(s).startsWith('Неверный код'), 'the wrong code was not announced', { timeout: 5000 });
    const first = shadow(s).querySelector('[role="alert"]')!.textContent;
    await fill(s, 'code', '999998');
    await waitUntil(() => shadow(s).querySelector('[role="alert"]')!.textContent !== first, 'the same error twice was not announced again', { timeout: 5000 });
    expect(announced(s)).to.match(/^Неверный код/);
    // A local check.
    await fill(s, 'code', '12');
    await waitUntil(() => announced(s) === 'В коде должно быть 6 цифр.', 'the local error was not announced', { timeout: 5000 });
    await fill(s, 'code', MOCK_CREDENTIALS.smsCode.slice(2));
    s = await step(link, 'sferum-step-choose-profile');
    await click(byText(s, 'button', 'Продолжить в учебном профиле'));
    await waitUntil(() => announced(s) === 'Выберите профиль.', 'the choice error was not announced', { timeout: 5000 });
  });

  it('a wait counting down is read out once, not every second', async () => {
    sessionStorage.clear();
    const clock = new ManualClock();
    const restore = setClock(clock);
    try {
      const mock = await scenario('vkid-variant-1', { vendor: 'bars' });
      mock.backend.now = () => clock.now();
      const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
      await waitUntil(() => shadow(link).querySelector('#title'), 'entry', { timeout: 5000 });
      await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
      await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
      const s = await step(link, 'sferum-step-password');
      for (const attempt of ['Neverno-1!', 'Neverno-2!']) {
        await fill(s, 'password', attempt);
        await waitUntil(() => announced(s).startsWith('Неверный пароль'), 'no wrong-password announcement', { timeout: 5000 });
      }
      await fill(s, 'password', 'Neverno-3!');
      await waitUntil(() => announced(s).startsWith('Слишком много попыток'), 'the wait was not announced', { timeout: 5000 });
      const first = announced(s);
      const shown = () => shadow(s).querySelector('.field-error, .alert')!.textContent!.trim();
      expect(shown()).to.equal(first);
      clock.advance(3000);
      await waitUntil(() => shown() !== first, 'the visible wait did not count down', { timeout: 5000 });
      expect(announced(s), 'the live region keeps the first sentence').to.equal(first);
    } finally {
      restore();
    }
  });

  it('MESH consent: an error inside the dialog is read out from inside it', async () => {
    sessionStorage.clear();
    const mock = await scenario('vkid-known-session', { vendor: 'mesh' });
    const link = await fixture<SferumLink>(html`<sferum-link vendor="mesh" .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('#title'), 'entry', { timeout: 5000 });
    await click(byText(link, 'button', 'Перейти к подключению'));
    await click(byText(await step(link, 'sferum-step-known-account'), 'button', 'Продолжить'));
    await click(byText(await step(link, 'sferum-step-about-you'), 'button', 'Продолжить'));
    const s = await step(link, 'sferum-step-consent');
    await waitUntil(() => shadow(s).querySelector('dialog')!.open, 'no dialog', { timeout: 5000 });
    mock.backend.forcedFault = '500';
    await press('Enter');
    await waitUntil(() => announced(s).length > 0, 'the error was not announced', { timeout: 5000 });
    expect(shadow(s).querySelector('[role="alert"]')!.closest('dialog'), 'inside the modal dialog').to.not.equal(null);
    await expect(link).to.be.accessible();
  });
});
