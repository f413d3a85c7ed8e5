// Hosted VK ID, as a journal runs it: VK ID's page on another origin in a popup (here the mock VK ID
// page on 127.0.0.1, a second origin of the same test server), VK ID's redirect to the journal's
// callback page (`sferum-widgets/vkid-callback`, served under `default-src 'none'; script-src 'self'`),
// and the callback page's hand-over to the widget. The redirect fallback is in test/vkid-redirect.test.ts.
import { expect, fixture, html } from '@open-wc/testing';
import { http } from 'msw';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/sferum-link.js';
import { byText, click, linkedCard, shadow, step, storedEverything, textOf } from './flow-helpers.js';
import { scenario } from './mocks.js';
import { VKID_ORIGIN, VKID_PAGE, remote, signInOnVkid, until, vkidState } from './remote-page.js';

/** The journal's redirect URI: the demo's callback page, on the journal's (this page's) origin. */
const CALLBACK = `${location.origin}/demo/vkid-callback.html`;

const realOpen = window.open;
let opened: Window | null = null;
beforeEach(() => {
  opened = null;
  // Observe (not replace) what the element opens.
  window.open = function (...args: Parameters<typeof window.open>) {
    opened = realOpen.apply(window, args);
    return opened;
  };
});
afterEach(() => {
  window.open = realOpen;
  if (opened && !opened.closed) opened.close();
});

async function hosted(options: { vendor?: string; vkidCallbackUrl?: string } = {}) {
  const vendor = options.vendor ?? 'bars';
  sessionStorage.clear();
  const mock = await scenario('vkid-hosted', {
    vendor,
    vkidPageUrl: VKID_PAGE,
    // Always given: the mock keeps options from one scenario to the next.
    vkidCallbackUrl: options.vkidCallbackUrl ?? CALLBACK,
    allowedHosts: [location.origin, VKID_ORIGIN],
  });
  // What the journal's backend receives from the widget (the request then goes on to the mock).
  const received: unknown[] = [];
  mock.worker.use(
    http.post('*/api/sferum/link/flows/:flowId/external', async ({ request }) => {
      received.push(((await request.clone().json()) as { params: unknown }).params);
    }),
  );
  const link = await fixture<SferumLink>(html`<sferum-link id="hosted" vendor=${vendor} .adapter=${mock.adapter}></sferum-link>`);
  await until(() => shadow(link).querySelector('h2'));
  await click(byText(link, 'button', vendor === 'mesh' ? 'Перейти к подключению' : 'Привязать учётную запись к Сферум'));
  const s = await step(link, 'sferum-step-external');
  return { ...mock, link, s, received };
}

/** Opens VK ID from the step with a real click; returns the popup and the flow's one-time `state`. */
async function openVkid(s: HTMLElement): Promise<{ popup: Window; state: string }> {
  await click(byText(s, 'button', 'Войти через VK ID'));
  await until(() => opened !== null, 'no popup');
  const state = await vkidState();
  expect(state).to.match(/^[0-9a-f]{32}$/);
  return { popup: opened!, state };
}

const externalCalls = (backend: { requests: string[] }) => backend.requests.filter((r) => r.endsWith('/external')).length;

describe('<sferum-link> VK ID, hosted (the default)', function () {
  // Each test drives a second window through VK ID's pages.
  this.timeout(30000);
  it('VK ID opens in a popup on its own origin; it returns to the callback page, which hands the result over and the popup closes', async () => {
    const { link, s, received } = await hosted();
    expect(textOf(s)).to.contain('Пароль и код вводятся только там');
    await expect(link).to.be.accessible();
    const { popup, state } = await openVkid(s);
    await until(() => textOf(s).includes('Окно VK ID открыто'), 'no waiting message');
    await expect(link).to.be.accessible();
    // Another origin: the journal page cannot look into VK ID's page.
    expect(() => popup.document).to.throw();

    await signInOnVkid();

    await linkedCard(link);
    await until(() => popup.closed, 'the popup did not close');
    // The documented message, nothing more: the backend gets exactly what VK ID returned.
    expect(received).to.deep.equal([{ code: 'mock-authorization-code', state, device_id: 'mock-device' }]);
    // No password, code or one-time value kept by the page, and no return address (that is for redirects).
    const stored = storedEverything();
    for (const secret of [MOCK_CREDENTIALS.password, 'mock-authorization-code', state, 'vkid-return']) expect(stored).not.to.contain(secret);
  });

  it('the callback page serves under «default-src \u2019none\u2019; script-src \u2019self\u2019»', async () => {
    // The success above ran against this very response: the policy did not stop the page.
    const response = await fetch(CALLBACK);
    expect(response.headers.get('content-security-policy')).to.equal("default-src 'none'; script-src 'self'");
    // The demo's page and the one the package ships (dist/vkid-callback/vkid-callback.html) alike.
    for (const page of [await response.text(), await (await fetch('/src/vkid-callback/vkid-callback.html')).text()]) {
      expect(page).not.to.match(/<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script');
      expect(page).not.to.match(/<style|\sstyle=|\son\w+=/, 'inline style or handlers');
      expect(page).to.contain('<meta name="referrer" content="no-referrer" />');
      expect(page).to.contain('<p id="sferum-vkid-callback" role="status">');
    }
  });

  it('the user closes the popup: a clear message and a retry', async () => {
    const { link, s, backend } = await hosted();
    const { popup } = await openVkid(s);
    await remote(VKID_PAGE, { action: 'close' });
    await until(() => popup.closed, 'the popup is still open');
    await until(() => textOf(s).includes('Окно VK ID закрыто до завершения входа'), 'no closed message', { timeout: 4000 });
    await expect(link).to.be.accessible();
    expect(externalCalls(backend)).to.equal(0);
    await click(byText(s, 'button', 'Попробовать ещё раз'));
    await until(() => opened !== null && opened !== popup && !opened.closed, 'no second popup');
    expect(await remote(VKID_PAGE, { action: 'find' })).to.be.a('string');
  });

  it('a result with a stale one-time value (an earlier flow\u2019s) or a foreign one is ignored', async () => {
    const { link, s, backend, received } = await hosted();
    const first = await openVkid(s);
    await remote(VKID_PAGE, { action: 'close' });
    await until(() => first.popup.closed);
    // The user gives up and starts again: a new flow with a new one-time value.
    await click(byText(s, 'button', 'Отменить привязку'));
    await until(() => shadow(link).querySelector('h2') && !shadow(link).querySelector('sferum-link-flow'), 'the flow did not end');
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    const again = await step(link, 'sferum-step-external');
    const second = await openVkid(again);
    expect(second.state).not.to.equal(first.state);

    // VK ID returns to the callback page in the popup with the earlier flow's value: the page posts it
    // from the right window and origin, and closes; the widget takes nothing.
    await remote(VKID_PAGE, { action: 'goto', to: `${CALLBACK}?code=stale-code&state=${first.state}&device_id=d1` });
    await until(() => second.popup.closed, 'the callback page did not close');
    await until(() => textOf(again).includes('Окно VK ID закрыто до завершения входа'), 'no closed message', { timeout: 4000 });
    expect(externalCalls(backend)).to.equal(0);

    // A foreign value (no flow's at all), the same way.
    await click(byText(again, 'button', 'Попробовать ещё раз'));
    await until(() => opened !== second.popup && opened !== null, 'no new popup');
    const third = opened!;
    await remote(VKID_PAGE, { action: 'goto', to: `${CALLBACK}?code=forged&state=${'f'.repeat(32)}&device_id=d1` });
    await until(() => third.closed, 'the callback page did not close');
    await until(() => textOf(again).includes('Окно VK ID закрыто до завершения входа'), 'no closed message', { timeout: 4000 });
    expect(externalCalls(backend)).to.equal(0);
    expect(received).to.deep.equal([]);
  });

  it('a message from a window that is not the popup is ignored, however well formed', async () => {
    const { s, backend, received } = await hosted();
    const { popup, state } = await openVkid(s);
    const good = { type: 'sferum:vkid-result', state, params: { code: 'forged', state, device_id: 'd1' } };

    // A frame of this origin (an ad, a widget, another script of the journal): right origin, wrong window.
    const sameOrigin = document.createElement('iframe');
    sameOrigin.srcdoc = `<script>parent.postMessage(${JSON.stringify(good)}, '*')</script>`;
    // A frame of another origin (sandboxed: opaque).
    const otherOrigin = document.createElement('iframe');
    otherOrigin.setAttribute('sandbox', 'allow-scripts');
    otherOrigin.srcdoc = sameOrigin.srcdoc;
    document.body.append(sameOrigin, otherOrigin);
    // This window itself.
    window.postMessage(good, location.origin);
    // Another window this page opened, on the callback page with a valid answer: it posts to us, its opener.
    const other = realOpen.call(window, `${CALLBACK}?code=forged&state=${state}&device_id=d1`, 'not-the-popup');
    await until(() => other === null || other.closed, 'the other window did not finish', { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 300));
    sameOrigin.remove();
    otherOrigin.remove();
    expect(externalCalls(backend)).to.equal(0);
    expect(textOf(s)).to.contain('Окно VK ID открыто');
    expect(popup.closed).to.equal(false);

    // Control: the same answer, returned by VK ID to the callback page in the popup, is taken.
    await remote(VKID_PAGE, { action: 'goto', to: `${CALLBACK}?code=genuine&state=${state}&device_id=d1` });
    await until(() => externalCalls(backend) === 1, 'the genuine result was not accepted');
    await until(() => popup.closed, 'the popup did not close');
    expect(received).to.deep.equal([{ code: 'genuine', state, device_id: 'd1' }]);
  });

  it('VK ID\u2019s refusal (error, error_description) is handed over and ends in the declined message', async () => {
    const { link, s, received } = await hosted();
    const { popup, state } = await openVkid(s);
    await remote(VKID_PAGE, { action: 'goto', to: `${CALLBACK}?error=access_denied&error_description=User+denied+access&state=${state}` });
    await until(() => popup.closed, 'the popup did not close');
    await until(() => received.length === 1, 'nothing handed over');
    expect(received).to.deep.equal([{ error: 'access_denied', error_description: 'User denied access', state }]);
    await until(() => textOf(s).includes('Вход через VK ID не завершён. Попробуйте ещё раз.'), 'no declined message');
    await expect(link).to.be.accessible();
  });

  it('a callback page on another origin posts to the journal\u2019s origin only when told it (data-opener-origin)', async () => {
    // The redirect URI on a second origin (127.0.0.1): `expectedOrigin` is then that origin.
    const told = `${VKID_ORIGIN}/test/vkid-callback.html?opener-origin=${encodeURIComponent(location.origin)}`;
    const { link, s, received } = await hosted({ vkidCallbackUrl: told });
    const { popup, state } = await openVkid(s);
    await remote(VKID_PAGE, { action: 'goto', to: `${told}&code=c1&state=${state}&device_id=d1` });
    await until(() => popup.closed, 'the popup did not close');
    await until(() => received.length === 1, 'the result did not arrive');
    expect(received).to.deep.equal([{ code: 'c1', state, device_id: 'd1' }]);
    await linkedCard(link);
  });

  it('without data-opener-origin that page posts to its own origin only: the journal never receives the code', async () => {
    const untold = `${VKID_ORIGIN}/test/vkid-callback.html`;
    const { s, backend } = await hosted({ vkidCallbackUrl: untold });
    const { popup, state } = await openVkid(s);
    await remote(VKID_PAGE, { action: 'goto', to: `${untold}?code=c1&state=${state}&device_id=d1` });
    await until(() => popup.closed, 'the popup did not close');
    await until(() => textOf(s).includes('Окно VK ID закрыто до завершения входа'), 'no closed message', { timeout: 4000 });
    expect(externalCalls(backend)).to.equal(0);
  });

  it('a return page that does not close itself is closed by the widget once its result is taken', async () => {
    const { link, s, received } = await hosted();
    const { popup, state } = await openVkid(s);
    await remote(VKID_PAGE, { action: 'goto', to: `${location.origin}/test/fixtures/post-result.html?code=c1&state=${state}&device_id=d1` });
    await until(() => received.length === 1, 'the result did not arrive');
    await until(() => popup.closed, 'the popup stayed open');
    await linkedCard(link);
  });

  it('a blocked popup: a clear message and the same page by redirect', async () => {
    const { link, s } = await hosted();
    window.open = () => null;
    await click(byText(s, 'button', 'Войти через VK ID'));
    await until(() => textOf(s).includes('Браузер не открыл окно VK ID'), 'no blocked message');
    expect(byText(s, 'button', 'Открыть VK ID в этом окне')).to.exist;
    await expect(link).to.be.accessible();
  });
});
