// The redirect fallback of hosted VK ID, end to end. The journal page lives in a frame (the test page
// must stay) sandboxed without `allow-popups`, so the browser itself blocks the popup. The page goes to
// VK ID (the mock on 127.0.0.1), VK ID returns to the journal's callback page, which sends the page
// back to where it was with the result in the fragment, and `<sferum-link>` completes the flow there.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { http } from 'msw';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import { byText, shadow, step, storedEverything, textOf } from './flow-helpers.js';
import { scenario } from './mocks.js';
import { VKID_ORIGIN, VKID_PAGE, signInOnVkid, until, vkidState } from './remote-page.js';

const RETURN_KEY = 'sferum-widgets:vkid-return';
let frame: HTMLIFrameElement | undefined;
afterEach(() => frame?.remove());

/** The journal page in a frame, with its own hash route; its server is this page's mock backend. */
async function journal() {
  sessionStorage.clear();
  const mock = await scenario('vkid-hosted', {
    vendor: 'mesh',
    vkidPageUrl: VKID_PAGE,
    vkidCallbackUrl: `${location.origin}/demo/vkid-callback.html`,
    allowedHosts: [location.origin, VKID_ORIGIN],
  });
  const received: unknown[] = [];
  mock.worker.use(
    http.post('*/api/sferum/link/flows/:flowId/external', async ({ request }) => {
      received.push(((await request.clone().json()) as { params: unknown }).params);
    }),
  );
  frame = document.createElement('iframe');
  frame.title = 'Журнал';
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
  frame.width = '760';
  frame.height = '560';
  frame.src = '/test/fixtures/vkid-journal.html?vendor=mesh#/settings/sferum';
  document.body.append(frame);
  return { ...mock, received, frame };
}

/** `<sferum-link>` in the frame once it has rendered (after every load of the frame's page). */
async function linkIn(f: HTMLIFrameElement): Promise<SferumLink> {
  let link: SferumLink | null | undefined;
  await until(
    () => {
      link = f.contentDocument?.querySelector<SferumLink>('sferum-link');
      return link?.shadowRoot?.querySelector('h2, sferum-link-flow');
    },
    'no <sferum-link> in the journal frame',
    { timeout: 8000 },
  );
  return link!;
}

/** A real click on an element of the frame's page. */
async function clickIn(f: HTMLIFrameElement, el: HTMLElement): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const outer = f.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(outer.left + f.clientLeft + r.left + r.width / 2), Math.round(outer.top + f.clientTop + r.top + r.height / 2)],
  });
}

/** From the entry to «Открыть VK ID в этом окне»: the popup is blocked by the browser. */
async function toBlockedPopup(f: HTMLIFrameElement) {
  const link = await linkIn(f);
  await clickIn(f, byText(shadow(link), 'button', 'Перейти к подключению'));
  const s = await step(link, 'sferum-step-external');
  await clickIn(f, byText(shadow(s), 'button', 'Войти через VK ID'));
  await until(() => textOf(s).includes('Браузер не открыл окно VK ID'), 'the popup was not blocked');
  return s;
}

describe('<sferum-link> VK ID, hosted: the redirect fallback', function () {
  this.timeout(30000);

  it('popups blocked: VK ID in the same window, back through the callback page, and the flow completes on the journal page', async () => {
    const { frame: f, received, backend } = await journal();
    const s = await toBlockedPopup(f);
    await clickIn(f, byText(shadow(s), 'button', 'Открыть VK ID в этом окне'));
    const state = await vkidState();

    // The widget left only where to come back: no code, no one-time value.
    const note = JSON.parse(sessionStorage.getItem(RETURN_KEY)!) as Record<string, unknown>;
    expect(Object.keys(note).sort()).to.deep.equal(['expires', 'returnUrl']);
    expect(note['returnUrl']).to.equal(`${location.origin}/test/fixtures/vkid-journal.html?vendor=mesh#/settings/sferum`);

    await signInOnVkid();

    // Back on the journal page (MESH asks its consent question), at the address it left.
    const link = await linkIn(f);
    const consent = await step(link, 'sferum-step-consent', 8000);
    expect(received).to.deep.equal([{ code: 'mock-authorization-code', state, device_id: 'mock-device' }]);
    const back = f.contentWindow!.location;
    expect(back.pathname + back.search + back.hash).to.equal('/test/fixtures/vkid-journal.html?vendor=mesh#/settings/sferum');
    expect(sessionStorage.getItem(RETURN_KEY)).to.equal(null);
    const stored = storedEverything();
    for (const secret of ['mock-authorization-code', state, MOCK_CREDENTIALS.password]) expect(stored).not.to.contain(secret);

    await clickIn(f, byText(shadow(consent), 'button', 'Привязать'));
    await until(() => shadow(link).querySelector('[part="phone"]'), 'the linked card did not appear', { timeout: 5000 });
    expect(backend.requests.filter((r) => r.endsWith('/external'))).to.have.length(1);
  });

  it('a result in the fragment with another flow\u2019s one-time value is removed from the address and not used', async () => {
    const { frame: f, received } = await journal();
    await toBlockedPopup(f);
    // The page comes back with a foreign result (another tab's flow, or a forged link).
    const foreign = `sferum-vkid-result=&code=forged&state=${'f'.repeat(32)}&device_id=d1&hash=%2Fsettings%2Fsferum`;
    const before = f.contentDocument;
    f.src = `/test/fixtures/vkid-journal.html?vendor=mesh&again#${foreign}`;
    await until(() => f.contentDocument !== before && f.contentDocument?.readyState === 'complete', 'the page did not load again');
    const link = await linkIn(f);
    const s = await step(link, 'sferum-step-external', 8000);
    expect(f.contentWindow!.location.hash).to.equal('#/settings/sferum');
    await new Promise((r) => setTimeout(r, 300));
    expect(received).to.deep.equal([]);
    expect(byText(shadow(s), 'button', 'Войти через VK ID')).to.exist;
  });
});
