import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/sferum-link.js';
import { byText, click, linkedCard, shadow, step, storedEverything, textOf } from './flow-helpers.js';
import { scenario } from './mocks.js';

const realOpen = window.open;
let opened: Window | null = null;
beforeEach(() => {
  opened = null;
  // Observe (not replace) what the element opens, so that the test can fill in the popup.
  window.open = function (...args: Parameters<typeof window.open>) {
    opened = realOpen.apply(window, args);
    return opened;
  };
});
afterEach(() => {
  window.open = realOpen;
  if (opened && !opened.closed) opened.close();
});

async function hosted(vendor = 'bars') {
  sessionStorage.clear();
  const mock = await scenario('vkid-hosted', { vendor });
  const link = await fixture<SferumLink>(html`<sferum-link id="hosted" vendor=${vendor} .adapter=${mock.adapter}></sferum-link>`);
  await waitUntil(() => shadow(link).querySelector('h2'));
  await click(byText(link, 'button', vendor === 'mesh' ? 'Перейти к подключению' : 'Привязать учётную запись к Сферум'));
  const s = await step(link, 'sferum-step-external');
  return { ...mock, link, s };
}

/** The one-time value in the popup's URL, once the popup has navigated to VK ID's page. */
async function popupState(): Promise<string> {
  await waitUntil(() => opened !== null && /[?&]state=/.test(opened.location.href), 'the popup did not load', { timeout: 5000 });
  const state = new URL(opened!.location.href).searchParams.get('state')!;
  expect(state).to.match(/^[0-9a-f]{32}$/);
  return state;
}

/** Fills a field of the popup's current step (keys cannot be sent to another window from here). */
async function popupStep(popup: Window, tag: string): Promise<ShadowRoot> {
  let root: ShadowRoot | null = null;
  await waitUntil(
    () => {
      const wizard = popup.document.querySelector('sferum-link-flow');
      const el = wizard?.shadowRoot?.querySelector(tag);
      if (!el?.shadowRoot?.querySelector('h2') || el.hasAttribute('busy')) return false;
      root = el.shadowRoot;
      return true;
    },
    `popup: no ${tag}`,
    { timeout: 8000 },
  );
  return root!;
}

function typeIn(root: ShadowRoot, name: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
  root.querySelector<HTMLFormElement>('form')!.requestSubmit();
}

describe('<sferum-link> VK ID, hosted (the default)', () => {
  it('a click opens VK ID\u2019s page in a popup; the result comes back and the flow continues', async () => {
    const { link, s, backend } = await hosted();
    expect(textOf(s)).to.contain('Пароль и код вводятся только там');
    await expect(link).to.be.accessible();
    await click(byText(s, 'button', 'Войти через VK ID'));
    await waitUntil(() => opened !== null, 'no popup');
    const popup = opened!;
    await waitUntil(() => textOf(s).includes('Окно VK ID открыто'), 'no waiting message');
    await expect(link).to.be.accessible();

    typeIn(await popupStep(popup, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    typeIn(await popupStep(popup, 'sferum-step-password'), 'password', MOCK_CREDENTIALS.password);
    typeIn(await popupStep(popup, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);

    await linkedCard(link);
    await waitUntil(() => popup.closed, 'the popup did not close');
    expect(backend.requests.some((r) => r.endsWith('/external'))).to.equal(true);
    // The widget saw only the one-time result: no password, code or token in the page's storage.
    const stored = storedEverything();
    for (const secret of [MOCK_CREDENTIALS.password, 'mock-authorization-code']) expect(stored).not.to.contain(secret);
  });

  it('ignores a result from another origin, from another window, and with another one-time value', async () => {
    const { s, backend } = await hosted();
    await click(byText(s, 'button', 'Войти через VK ID'));
    const state = await popupState();
    const good = { type: 'sferum:vkid-result', state, params: { code: 'forged', state } };

    // Another origin: a sandboxed frame has an opaque origin.
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.srcdoc = `<script>parent.postMessage(${JSON.stringify(good)}, '*')</script>`;
    document.body.append(frame);
    // Another window of the same origin: this page itself.
    window.postMessage(good, location.origin);
    // The right window (a function of the popup's own realm posts), the wrong one-time value.
    const fromPopup = new (opened as unknown as { Function: FunctionConstructor }).Function('m', 'o', 'opener.postMessage(m, o)') as (m: unknown, o: string) => void;
    fromPopup({ ...good, state: 'f'.repeat(32), params: { code: 'forged', state: 'f'.repeat(32) } }, location.origin);
    await new Promise((r) => setTimeout(r, 400));
    frame.remove();
    expect(backend.requests.some((r) => r.endsWith('/external'))).to.equal(false);
    expect(textOf(s)).to.contain('Окно VK ID открыто');
    // Control: the same message from the popup with its one-time value is accepted.
    fromPopup(good, location.origin);
    await waitUntil(() => backend.requests.some((r) => r.endsWith('/external')), 'the genuine result was not accepted');
  });

  it('a blocked popup: a clear message and the same page by redirect', async () => {
    const { link, s } = await hosted();
    window.open = () => null;
    await click(byText(s, 'button', 'Войти через VK ID'));
    await waitUntil(() => textOf(s).includes('Браузер не открыл окно VK ID'), 'no blocked message');
    expect(byText(s, 'button', 'Открыть VK ID в этом окне')).to.exist;
    await expect(link).to.be.accessible();
  });

  it('a popup closed by the user: a clear message and a retry', async () => {
    const { link, s } = await hosted();
    await click(byText(s, 'button', 'Войти через VK ID'));
    await waitUntil(() => opened !== null);
    opened!.close();
    await waitUntil(() => textOf(s).includes('Окно VK ID закрыто до завершения входа'), 'no closed message', { timeout: 4000 });
    await expect(link).to.be.accessible();
    await click(byText(s, 'button', 'Попробовать ещё раз'));
    await waitUntil(() => opened !== null && !opened.closed, 'no second popup');
  });

  it('after the redirect fallback, the page coming back picks the flow up and cleans the URL', async () => {
    const { link, s, adapter } = await hosted('mesh');
    await click(byText(s, 'button', 'Войти через VK ID'));
    const state = await popupState();
    opened!.close();
    link.remove();
    // VK ID's page sent the browser back here with its result in the query.
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?state=${state}&code=mock-authorization-code&device_id=d1`);
    try {
      const again = await fixture<SferumLink>(html`<sferum-link id="hosted" vendor="mesh" .adapter=${adapter}></sferum-link>`);
      const consent = await step(again, 'sferum-step-consent');
      expect(consent).to.exist;
      expect(location.search).to.equal('');
    } finally {
      history.replaceState(null, '', before);
    }
  });
});
