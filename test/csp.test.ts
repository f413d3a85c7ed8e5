// Every element in every state under exactly the strict policy a journal page may have. The page
// (test/csp/page.html) is served with that Content-Security-Policy header by the test runner
// (web-test-runner.config.mjs, `strictCsp`) and shown in a frame over this test page; its first
// module records every `securitypolicyviolation`, console error and uncaught error. This test drives
// the elements in it with real clicks and keys, and fails on anything recorded.
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import { NO_ADAPTER_GRACE_MS } from '../src/components/base/sferum-element.js';
import type { CspReport } from './csp/monitor.js';
import type { world as World } from './csp/page.js';
import { byText, click, fill, field, press, step, type } from './flow-helpers.js';

/** Exactly the policy of issue 10 and README «Content Security Policy». */
const POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html";

type FrameWindow = Window & { world: typeof World; cspReport: CspReport; trustedTypes: { createPolicy(name: string, rules: object): unknown } };

let frame: HTMLIFrameElement;
let win: FrameWindow;
let doc: Document;

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ');

function mount<T extends HTMLElement = HTMLElement>(tag: string, props: Record<string, unknown> = {}, attrs: Record<string, string> = {}, parent: Element = doc.body): T {
  const el = doc.createElement(tag) as T;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  Object.assign(el, props);
  parent.append(el);
  return el;
}

const until = (check: () => unknown, message: string, timeout = 5000) => waitUntil(check, message, { timeout });
// The frame's nodes come from another realm: `instanceof ShadowRoot` is false for them, so look at nodeType.
const clickText = (root: Element | ShadowRoot, selector: string, label: string) =>
  click(byText(root.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (root as ShadowRoot) : shadow(root as Element), selector, label));

/** Nothing recorded since the last check: no violation, no console error, no uncaught error. */
function expectClean(): void {
  const { violations, errors } = win.cspReport;
  const found = [...violations.map((v) => `CSP: ${v}`), ...errors.map((e) => `error: ${e}`)];
  violations.length = 0;
  errors.length = 0;
  expect(found, found.join('\n')).to.deep.equal([]);
}

before(async function () {
  this.timeout(40_000);
  await setViewport({ width: 1000, height: 800 });
  frame = document.createElement('iframe');
  // Over the whole viewport at 0,0: real mouse positions inside the frame are the page's.
  Object.assign(frame.style, { position: 'fixed', inset: '0', width: '100vw', height: '100vh', border: '0', background: '#fff', zIndex: '1' });
  frame.src = '/test/csp/page.html';
  document.body.append(frame);
  await until(() => (frame.contentWindow as FrameWindow | null)?.world, 'the strict-CSP page did not start', 35_000);
  win = frame.contentWindow as FrameWindow;
  doc = frame.contentDocument!;
});

after(() => frame.remove());

beforeEach(() => {
  doc.body.replaceChildren();
  win.sessionStorage.clear();
  win.cspReport.violations.length = 0;
  win.cspReport.errors.length = 0;
});

describe('strict Content-Security-Policy', () => {
  it('the page is served with exactly the strict policy, and the page itself loaded clean', async () => {
    const response = await fetch('/test/csp/page.html');
    expect(response.headers.get('content-security-policy')).to.equal(POLICY);
    expectClean();
  });

  it('the policy is enforced and the monitor sees it: a style attribute and another Trusted Types policy are reported', async () => {
    doc.createElement('div').setAttribute('style', 'color: red');
    expect(() => win.trustedTypes.createPolicy('not-lit-html', {})).to.throw();
    // Lit made `lit-html` already: a second Lit needs 'allow-duplicates' (README «Content Security Policy»).
    expect(() => win.trustedTypes.createPolicy('lit-html', {})).to.throw();
    await until(() => win.cspReport.violations.length >= 3, 'the violations were not reported');
    const directives = win.cspReport.violations.map((v) => v.split(' ')[0]);
    win.cspReport.violations.length = 0;
    expect(directives).to.include('style-src-attr');
    expect(directives).to.include('trusted-types');
  });

  it('MSW cannot run here: registering its service worker by URL is a Trusted Types sink (so the page answers in-page)', async () => {
    let thrown: unknown;
    try {
      await win.navigator.serviceWorker.register('/mockServiceWorker.js');
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).to.match(/TrustedScriptURL/);
    await until(() => win.cspReport.violations.length > 0, 'the blocked registration was not reported');
    expect(win.cspReport.violations[0]).to.match(/^require-trusted-types-for /);
    win.cspReport.violations.length = 0;
  });

  it('<sferum-link>: the entry of every vendor, the linked card with each unlink policy, the unlink dialog, unlinking', async () => {
    const entries = ['bars', 'mesh', 'perm', 'generic'].map((vendor) => mount('sferum-link', { adapter: win.world.mock('unlinked').adapter }, { vendor }));
    for (const el of entries) await until(() => shadow(el).querySelector('h2'), `no entry for ${el.getAttribute('vendor')}`);
    expectClean();
    doc.body.replaceChildren();

    const policies = ['self', 'support', 'external'] as const;
    const cards = policies.map((policy) =>
      mount('sferum-link', { adapter: win.world.mock('linked').adapter, preset: { unlinkPolicy: { student: policy } } }, { vendor: 'mesh', id: `card-${policy}` }),
    );
    for (const el of cards) await until(() => shadow(el).querySelector('[part="phone"]'), 'no linked card');
    const self = cards[0]!;
    await clickText(self, 'button', 'Отвязать учётную запись');
    // The dialog is its own element, loaded on this first click.
    const dialogOf = () => shadow(self).querySelector('sferum-unlink-dialog')?.shadowRoot?.querySelector('dialog');
    await until(() => dialogOf()?.open, 'the unlink dialog did not open');
    const dialog = dialogOf()!;
    await clickText(dialog.getRootNode() as ShadowRoot, 'dialog button', 'Да');
    await until(() => shadow(self).querySelector('h2')?.textContent?.includes('Мессенджер не подключён'), 'not unlinked');
    expectClean();
  });

  it('<sferum-link>: a fault and «Повторить», the journal session ended, too many requests', async () => {
    const faults = (['server', 'unauthorized', 'rate-limited', 'network'] as const).map((kind) => mount('sferum-link', { adapter: win.world.failing(kind) }));
    for (const el of faults) await until(() => shadow(el).querySelector('[part="error"]'), 'no fault shown');
    await clickText(faults[0]!, 'button', 'Повторить');
    await until(() => shadow(faults[0]!).querySelector('[part="error"]'), 'no fault after retry');
    expectClean();
  });

  it('<sferum-link> VK ID embedded, end to end by keyboard and mouse: a field error, a wrong code, every step to the linked card', async () => {
    const link = mount<SferumLink>('sferum-link', { adapter: win.world.mock('vkid-variant-1').adapter }, { vendor: 'bars' });
    await until(() => shadow(link).querySelector('h2'), 'no entry');
    await clickText(link, 'button', 'Привязать учётную запись к Сферум');
    let s = await step(link, 'sferum-step-login');
    await fill(s, 'login', '12');
    await until(() => shadow(s).querySelector('[aria-invalid="true"]'), 'no field error');
    field(s, 'login').select();
    await fill(s, 'login', MOCK_CREDENTIALS.phone);
    await fill(await step(link, 'sferum-step-password'), 'password', MOCK_CREDENTIALS.password);
    s = await step(link, 'sferum-step-code');
    await fill(s, 'code', '111111');
    await until(() => shadow(s).querySelector('[aria-invalid="true"]'), 'no wrong-code error');
    field(s, 'code').select();
    await fill(s, 'code', MOCK_CREDENTIALS.smsCode);
    s = await step(link, 'sferum-step-choose-profile');
    await click(shadow(s).querySelector<HTMLInputElement>('input[type=radio]')!);
    await clickText(s, 'button', 'Продолжить');
    s = await step(link, 'sferum-step-about-you');
    await clickText(s, 'button', 'Продолжить');
    await until(() => shadow(link).querySelector('[part="phone"]'), 'no linked card');
    expectClean();
  });

  it('<sferum-link> VK ID on MESH: code, about you, create profile, the consent dialog', async () => {
    const link = mount<SferumLink>('sferum-link', { adapter: win.world.mock('vkid-variant-3', { vendor: 'mesh' }).adapter }, { vendor: 'mesh' });
    await until(() => shadow(link).querySelector('h2'), 'no entry');
    await clickText(link, 'button', 'Перейти к подключению');
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);
    let s = await step(link, 'sferum-step-about-you');
    await type(field(s, 'lastName'), 'Иванова');
    await type(field(s, 'firstName'), 'Анна');
    await type(field(s, 'birthDate'), '05.03.1985');
    await click(shadow(s).querySelector<HTMLInputElement>('input[value="female"]')!);
    await clickText(s, 'button', 'Продолжить');
    s = await step(link, 'sferum-step-create-profile');
    await clickText(s, 'button', 'Создать учебный профиль');
    s = await step(link, 'sferum-step-consent');
    const dialog = shadow(s).querySelector('dialog')!;
    await until(() => dialog.open, 'the consent dialog did not open');
    await press('Enter');
    await until(() => shadow(link).querySelector('[part="phone"]'), 'no linked card');
    expectClean();
  });

  it('<sferum-link> VK ID password recovery: phone, code, account, method, e-mail code, new password', async () => {
    const link = mount<SferumLink>('sferum-link', { adapter: win.world.mock('vkid-recovery').adapter }, { vendor: 'bars' });
    await until(() => shadow(link).querySelector('h2'), 'no entry');
    await clickText(link, 'button', 'Привязать учётную запись к Сферум');
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    await clickText(await step(link, 'sferum-step-password'), 'button', 'Забыли или не установили пароль?');
    await fill(await step(link, 'sferum-step-recovery-phone'), 'phone', MOCK_CREDENTIALS.phone);
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);
    await clickText(await step(link, 'sferum-step-recovery-account'), 'button', 'Продолжить');
    const method = await step(link, 'sferum-step-recovery-method');
    await clickText(method, 'label', 'С помощью электронной почты');
    await clickText(method, 'button', 'Продолжить');
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.emailCode);
    const s = await step(link, 'sferum-step-new-password');
    await type(field(s, 'password'), 'short');
    await type(field(s, 'repeat'), 'other');
    await press('Enter');
    await until(() => text(s).includes('Пароль не подходит'), 'no password rule message');
    field(s, 'password').select();
    await type(field(s, 'password'), MOCK_CREDENTIALS.newPassword);
    field(s, 'repeat').select();
    await type(field(s, 'repeat'), MOCK_CREDENTIALS.newPassword);
    await press('Enter');
    await step(link, 'sferum-step-login');
    expectClean();
  });

  it('<sferum-link> MAX: the phone, the pending request with its live status, confirmed', async () => {
    const link = mount<SferumLink>('sferum-link', { adapter: win.world.mock('max-confirmed').adapter }, { vendor: 'bars' });
    await until(() => shadow(link).querySelector('h2'), 'no entry');
    await clickText(link, 'button', 'Привязать через MAX');
    await fill(await step(link, 'sferum-step-max-phone'), 'phone', MOCK_CREDENTIALS.phone);
    await step(link, 'sferum-step-max-pending');
    await until(() => shadow(link).querySelector('[part="phone"]'), 'no linked card after MAX confirmed', 10_000);
    expectClean();
  });

  it('<sferum-link> resumed at each of the 16 step kinds', async function () {
    this.timeout(30_000);
    const kinds = win.world.stepKinds;
    expect(kinds).to.have.length(16);
    const links = kinds.map((kind) => mount<SferumLink>('sferum-link', { adapter: win.world.resumedAt(kind, `resume-${kind}`) }, { 'storage-key': `resume-${kind}` }));
    for (const [i, kind] of kinds.entries()) {
      const link = links[i]!;
      // A flow that finished while the page was away ends linked: the card, not a done step.
      if (kind === 'done') await until(() => shadow(link).querySelector('[part="phone"]'), 'resumed at done: no linked card', 8000);
      else await step(link, `sferum-step-${kind}`, 8000);
    }
    expectClean();
  });

  it('<sferum-chats>: table, search, sort, nothing found, cards when narrow, empty, 10,000 rows virtualized and scrolled, an error', async function () {
    this.timeout(30_000);
    const chats = mount('sferum-chats', { adapter: win.world.mock('linked').adapter });
    await until(() => shadow(chats).querySelector('[part="row"]'), 'no rows');
    await type(shadow(chats).querySelector<HTMLInputElement>('[part="search"]')!, 'алгебра');
    await until(() => text(chats).includes('Найден'), 'no search result count');
    await clickText(chats, 'button.sort', 'Количество участников');
    await clickText(chats, 'button.sort', 'Количество участников');
    await type(shadow(chats).querySelector<HTMLInputElement>('[part="search"]')!, ' нет такого');
    await until(() => shadow(chats).querySelector('.message'), 'no «nothing found»');
    chats.style.width = '400px';
    chats.style.display = 'block';
    expectClean();

    const empty = mount('sferum-chats', { adapter: win.world.mock('unlinked').adapter });
    await until(() => shadow(empty).querySelector('.message'), 'no empty message');

    const many = mount('sferum-chats', { adapter: win.world.mock('linked-many-chats').adapter });
    await until(() => shadow(many).querySelector('.virtual [part="row"]'), 'not virtualized', 15_000);
    const scroller = shadow(many).querySelector<HTMLElement>('.virtual')!;
    // Scrolled again on each check: until the virtualizer has sized its content, the scroll is clamped short.
    await until(() => {
      scroller.scrollTop = 200_000;
      return [...shadow(many).querySelectorAll('[part="row"]')].some((r) => Number(r.getAttribute('aria-rowindex')) > 1000);
    }, 'rows did not follow the scroll', 10_000);
    await clickText(many, 'button.sort', 'Наименование');
    await until(() => shadow(many).querySelector('[aria-sort="ascending"]'), 'not sorted');

    const failed = mount('sferum-chats', { adapter: win.world.failing('server') });
    await until(() => shadow(failed).querySelector('[part="error"]'), 'no error');
    expectClean();
  });

  it('<sferum-vcs>: today, upcoming, past, empty, an error', async () => {
    const vcs = mount('sferum-vcs', { adapter: win.world.mock('linked').adapter }, { 'time-zone': 'Asia/Yekaterinburg' });
    await until(() => shadow(vcs).querySelector('[part="table"]'), 'no table');
    for (const label of ['Предстоящие', 'Прошедшие', 'Сегодня']) {
      await clickText(vcs, 'label', label);
      await until(() => shadow(vcs).querySelector('[part="table"]'), 'no table');
    }
    const empty = mount('sferum-vcs', { adapter: win.world.mock('unlinked').adapter });
    await until(() => shadow(empty).querySelector('.message'), 'no empty message');
    const failed = mount('sferum-vcs', { adapter: win.world.failing('timeout') });
    await until(() => shadow(failed).querySelector('[part="error"]'), 'no error');
    expectClean();
  });

  it('<sferum-join>: live, not started, ended, not online, a parent, an error', async () => {
    const { adapter } = win.world.mock('linked');
    const joins = ['lesson-live', 'lesson-tomorrow', 'lesson-ended', 'lesson-none'].map((id) => mount('sferum-join', { adapter }, { 'lesson-id': id }));
    mount('sferum-join', { adapter }, { 'lesson-id': 'lesson-live', 'user-role': 'parent' });
    const failed = mount('sferum-join', { adapter: win.world.failing('network') }, { 'lesson-id': 'lesson-live' });
    for (const el of joins) await until(() => shadow(el).querySelector('[part="button"], [part="reason"]'), 'join not loaded');
    await until(() => shadow(failed).querySelector('[role="alert"]'), 'no join error');
    expectClean();
  });

  it('<sferum-hub> in a provider: unlinked, linked with notices and both tabs', async () => {
    const provider = mount('sferum-provider', { adapter: win.world.mock('linked-notices').adapter }, { vendor: 'bars' });
    const hub = mount('sferum-hub', {}, {}, provider);
    await until(() => shadow(hub).querySelector('[role="tablist"]'), 'no tabs');
    await until(() => shadow(hub).querySelector('sferum-chats')?.shadowRoot?.querySelector('[part="row"]'), 'no chats in the hub');
    await clickText(hub, '[role="tab"]', 'Видеоконференции');
    await until(() => shadow(hub).querySelector('sferum-vcs')?.shadowRoot?.querySelector('[part="table"]'), 'no conferences in the hub');
    const unlinked = mount('sferum-provider', { adapter: win.world.mock('unlinked').adapter }, { vendor: 'mesh' });
    const other = mount('sferum-hub', {}, {}, unlinked);
    await until(() => shadow(other).querySelector('sferum-link')?.shadowRoot?.querySelector('h2'), 'no entry in the hub');
    expectClean();
  });

  it('themes, locales and vendor tokens: dark, auto, English; each preset\u2019s accent reaches the styles through CSSOM', async () => {
    const accents = { bars: '#1e6bb8', mesh: '#0b5ed7', perm: '#0061d6', generic: '#1a66c2' };
    const els = Object.keys(accents).map((vendor, i) =>
      mount('sferum-link', { adapter: win.world.mock('linked').adapter }, { vendor, theme: ['dark', 'auto', 'light', 'dark'][i]!, locale: i % 2 ? 'en' : 'ru' }),
    );
    for (const el of els) await until(() => shadow(el).querySelector('[part="phone"]'), 'no linked card');
    for (const el of els) {
      const root = shadow(el).querySelector<HTMLElement>('[part="base"]')!;
      expect(root.hasAttribute('style') ? root.style.getPropertyValue('--sferum-preset-color-accent') : '', el.getAttribute('vendor')!).to.equal(accents[el.getAttribute('vendor') as keyof typeof accents]);
    }
    // A vendor changed on the fly moves the tokens with it.
    els[0]!.setAttribute('vendor', 'perm');
    await until(() => shadow(els[0]!).querySelector<HTMLElement>('[part="base"]')!.style.getPropertyValue('--sferum-preset-color-accent') === accents.perm, 'the tokens did not follow the vendor');
    expectClean();
  });

  it('no adapter: loading through the grace, then the no-adapter fault', async function () {
    this.timeout(NO_ADAPTER_GRACE_MS + 8000);
    const el = mount('sferum-link');
    await until(() => shadow(el).querySelector('[part="error"]'), 'no no-adapter fault', NO_ADAPTER_GRACE_MS + 3000);
    expect(text(el)).to.contain('не задан адаптер');
    expectClean();
  });
});
