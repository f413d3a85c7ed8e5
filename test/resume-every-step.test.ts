// Issue 10, item 10: a flow resumed after a reload is usable at every one of the 16 step kinds.
// The mock backend opens a flow at the step (as the person left it before reloading); the page
// keeps the flow id where `<sferum-link>` keeps it; a new element resumes the flow, and the test
// completes it from there with keys and clicks, as a person would, to the linked card.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { MockBackend } from '../mocks/backend.js';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { StepKind } from '../src/adapter/schemas.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/sferum-link.js';
import { saveFlow } from '../src/flows/flow-store.js';
import { byText, click, field, fill, linkedCard, press, shadow, textOf, type, wizardOf } from './flow-helpers.js';
import { scenario } from './mocks.js';

const KINDS: readonly StepKind[] = [
  'login',
  'known-account',
  'password',
  'code',
  'choose-profile',
  'create-profile',
  'about-you',
  'consent',
  'external',
  'recovery-phone',
  'recovery-account',
  'recovery-method',
  'new-password',
  'max-phone',
  'max-pending',
  'done',
];

const realOpen = window.open;
let popup: Window | null = null;
beforeEach(() => {
  popup = null;
  // Observe (not replace) what the element opens, so that the test can fill in VK ID's page.
  window.open = function (...args: Parameters<typeof window.open>) {
    popup = realOpen.apply(window, args);
    return popup;
  };
});
afterEach(() => {
  window.open = realOpen;
  if (popup && !popup.closed) popup.close();
});

/** The step on screen, once it has rendered and is not waiting for an answer; `null` once the flow has ended. */
async function currentStep(link: SferumLink): Promise<HTMLElement | null> {
  let found: HTMLElement | null = null;
  await waitUntil(
    () => {
      if (shadow(link).querySelector('[part="phone"]')) return true;
      const candidate = [...(wizardOf(link)?.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? [])].find((e) => e.localName.startsWith('sferum-step-'));
      if (!candidate || !candidate.localName.startsWith('sferum-step-') || candidate.hasAttribute('busy') || !candidate.shadowRoot?.querySelector('h2')) return false;
      found = candidate;
      return true;
    },
    'neither a step nor the linked card',
    { timeout: 8000 },
  );
  return found;
}

/** A field of VK ID's page in the popup (keys cannot be sent to another window from here). */
async function popupFill(tag: string, name: string, value: string): Promise<void> {
  let root: ShadowRoot | null = null;
  await waitUntil(
    () => {
      const el = popup?.document.querySelector('sferum-link-flow')?.shadowRoot?.querySelector(tag);
      if (!el?.shadowRoot?.querySelector('h2') || el.hasAttribute('busy')) return false;
      root = el.shadowRoot;
      return true;
    },
    `popup: no ${tag}`,
    { timeout: 8000 },
  );
  const input = root!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
  root!.querySelector<HTMLFormElement>('form')!.requestSubmit();
}

/** What a person does on each screen, until the account is linked. Returns the step kinds passed. */
async function completeFlow(link: SferumLink, backend: MockBackend): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < 20; i++) {
    const s = await currentStep(link);
    if (!s) return passed;
    const kind = s.localName.replace('sferum-step-', '');
    passed.push(kind);
    const root = shadow(s);
    switch (kind) {
      case 'login':
        field(s, 'login').select();
        await fill(s, 'login', MOCK_CREDENTIALS.phone);
        break;
      case 'known-account':
      case 'recovery-account':
        await click(byText(s, 'button', 'Продолжить'));
        break;
      case 'password':
        await fill(s, 'password', MOCK_CREDENTIALS.password);
        break;
      case 'code': {
        const text = textOf(s);
        await fill(s, 'code', text.includes('почту') ? MOCK_CREDENTIALS.emailCode : text.includes('звонок') ? MOCK_CREDENTIALS.callCode : MOCK_CREDENTIALS.smsCode);
        break;
      }
      case 'choose-profile':
        root.querySelector<HTMLInputElement>('input[type=radio]')!.focus();
        await press('Space');
        await click(byText(s, 'button', 'Продолжить в учебном профиле'));
        break;
      case 'create-profile':
        await click(byText(s, 'button', 'Создать учебный профиль'));
        break;
      case 'about-you':
        if (field(s, 'lastName').value === '') {
          await type(field(s, 'lastName'), 'Власенков');
          await type(field(s, 'firstName'), 'Семён');
          await type(field(s, 'birthDate'), '12.12.1978');
          await click(root.querySelector<HTMLInputElement>('input[value="male"]')!);
        }
        await click(byText(s, 'button', 'Продолжить'));
        break;
      case 'consent': {
        // The question is a modal dialog: open, its buttons on screen, focus on «Привязать».
        const dialog = root.querySelector('dialog')!;
        await waitUntil(() => dialog.open, 'the consent dialog is not open', { timeout: 5000 });
        const confirm = byText(s, 'button', 'Привязать');
        expect(confirm.getBoundingClientRect().height, '«Привязать» is on screen').to.be.greaterThan(0);
        expect(byText(s, 'button', 'Отмена').getBoundingClientRect().height, '«Отмена» is on screen').to.be.greaterThan(0);
        await waitUntil(() => root.activeElement === confirm, 'focus is not on «Привязать»', { timeout: 5000 });
        await press('Enter');
        break;
      }
      case 'external':
        await click(byText(s, 'button', 'Войти через VK ID'));
        await waitUntil(() => popup !== null, 'no popup', { timeout: 5000 });
        await popupFill('sferum-step-login', 'login', MOCK_CREDENTIALS.phone);
        await popupFill('sferum-step-password', 'password', MOCK_CREDENTIALS.password);
        await popupFill('sferum-step-code', 'code', MOCK_CREDENTIALS.smsCode);
        await waitUntil(() => s.hasAttribute('busy') || !s.isConnected, 'the result did not come back', { timeout: 8000 });
        break;
      case 'recovery-phone':
      case 'max-phone':
        await fill(s, 'phone', kind === 'max-phone' ? '8 952 123-45-67' : MOCK_CREDENTIALS.phone);
        break;
      case 'recovery-method':
        await click(byText(s, 'label', 'С помощью электронной почты'));
        await click(byText(s, 'button', 'Продолжить'));
        break;
      case 'new-password':
        await type(field(s, 'password'), MOCK_CREDENTIALS.newPassword);
        await type(field(s, 'repeat'), MOCK_CREDENTIALS.newPassword);
        await press('Enter');
        break;
      case 'max-pending':
        // The person presses «Подключить» in MAX, then «Проверить статус» here.
        backend.decideMax('confirmed');
        await click(byText(s, 'button', 'Проверить статус'));
        break;
      default:
        throw new Error(`no way on from ${kind}`);
    }
    await waitUntil(() => !s.isConnected || shadow(link).querySelector('[part="phone"]'), `${kind}: the flow did not move on`, { timeout: 8000 });
  }
  throw new Error(`not linked after ${passed.join(' → ')}`);
}

describe('A flow resumed after a reload at each step kind (issue 10, item 10)', function () {
  // Whole flows driven by keys and clicks: slower than one assertion on a shared machine.
  this.timeout(30_000);
  for (const kind of KINDS) {
    it(`resumes at «${kind}» and completes`, async () => {
      sessionStorage.clear();
      const vendor = kind === 'consent' ? 'mesh' : 'bars';
      const { adapter, backend } = await scenario('unlinked', { vendor });
      const flowId = backend.startFlowAt(kind);
      // What the page kept before the reload: the flow id under the element's key, nothing else.
      saveFlow(`resume-${kind}`, { flowId, method: kind.startsWith('max-') ? 'max' : 'vkid' });
      const link = await fixture<SferumLink>(html`<sferum-link id="resume-${kind}" vendor=${vendor} .adapter=${adapter}></sferum-link>`);
      if (kind !== 'done') {
        const first = await currentStep(link);
        expect(first?.localName, 'resumed at the same step').to.equal(`sferum-step-${kind}`);
        await expect(link).to.be.accessible();
      }
      const passed = await completeFlow(link, backend);
      await linkedCard(link);
      if (kind !== 'done') expect(passed[0]).to.equal(kind);
      expect(sessionStorage.getItem(`sferum-widgets:flow:resume-${kind}`), 'the finished flow is forgotten').to.equal(null);
    });
  }

  it('a flow that finished while the page was away ends linked, even when the status answer is older', async () => {
    sessionStorage.clear();
    const { adapter, backend, worker } = await scenario('unlinked', { vendor: 'bars' });
    const flowId = backend.startFlowAt('done');
    worker.use(http.get('*/api/sferum/link', () => HttpResponse.json({ state: 'unlinked' })));
    saveFlow('resume-stale', { flowId, method: 'vkid' });
    const link = await fixture<SferumLink>(html`<sferum-link id="resume-stale" .adapter=${adapter}></sferum-link>`);
    await linkedCard(link);
    expect(link.status?.state).to.equal('linked');
    expect(sessionStorage.getItem('sferum-widgets:flow:resume-stale')).to.equal(null);
  });
});
