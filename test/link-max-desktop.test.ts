// MAX from a desktop (issue 14): the deep link, its QR code, copying it, the time left and the
// expired state; and the waiting screen's one steady status line (issues 10 and 11).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpResponse, delay, http } from 'msw';
import 'jsqr/dist/jsQR.js';
import { moscowIso } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import { ManualClock, setClock } from '../src/controllers/clock.js';
import '../src/define/sferum-link.js';
import { byText, click, fill, heading, linkedCard, press, shadow, step, textOf } from './flow-helpers.js';
import { scenario } from './mocks.js';

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = (globalThis as unknown as { jsQR: JsQr }).jsQR;

let restoreClock: (() => void) | undefined;
afterEach(() => restoreClock?.());

async function startMax(name: Parameters<typeof scenario>[0], options: { width?: number; locale?: string; theme?: string; clock?: ManualClock } = {}) {
  sessionStorage.clear();
  const clock = options.clock ?? new ManualClock();
  const mock = await scenario(name, { vendor: 'bars', pollIntervalMs: 2000 });
  restoreClock = setClock(clock);
  mock.backend.now = () => clock.now();
  const link = await fixture<SferumLink>(
    html`<sferum-link vendor="bars" locale=${options.locale ?? 'ru'} theme=${options.theme ?? 'light'} .adapter=${mock.adapter}></sferum-link>`,
  );
  link.style.width = `${options.width ?? 900}px`;
  await waitUntil(() => shadow(link).querySelector('h2'), 'entry not shown', { timeout: 5000 });
  byText(link, 'button', options.locale === 'en' ? 'Link through MAX' : 'Привязать через MAX').focus();
  await press('Enter');
  const phone = await step(link, 'sferum-step-max-phone');
  await fill(phone, 'phone', '89521234567');
  const pending = await step(link, 'sferum-step-max-pending');
  return { ...mock, link, clock, pending };
}

const root = (s: Element) => shadow(s);
const polls = (requests: string[]) => requests.filter((r) => r.endsWith('/status')).length;
const qrSvg = (s: Element) => root(s).querySelector<SVGSVGElement>('svg.qr-code');
const openLink = (s: Element) => root(s).querySelector<HTMLAnchorElement>('.deep-link a');
const statusLine = (s: Element) => root(s).querySelector<HTMLElement>('.status-line[role="status"]');

/** Draws the QR code as a camera would see it (black on white) and decodes it. */
async function decodeQr(svgEl: SVGSVGElement): Promise<string | undefined> {
  const copy = svgEl.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', '400');
  copy.setAttribute('height', '400');
  // The colours live in the element's stylesheet; a serialised copy needs them as attributes.
  copy.querySelector('rect')!.setAttribute('fill', '#fff');
  copy.querySelector('path')!.setAttribute('fill', '#000');
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 400;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, 400, 400);
  return jsQR(context.getImageData(0, 0, 400, 400).data, 400, 400)?.data;
}

describe('<sferum-link> MAX from a desktop', () => {
  // First in the file: the page has not loaded the encoder yet.
  it('without a deep link the waiting screen is as before and the QR encoder is not downloaded', async () => {
    const { pending, backend, clock } = await startMax('max-confirmed');
    expect(heading(pending)).to.equal('Подтвердите привязку в MAX');
    expect(root(pending).querySelector('.deep-link')).to.equal(null);
    expect(textOf(pending)).to.contain('Откройте MAX и перейдите на вкладку «Сферум».');
    expect(textOf(pending)).to.contain('Запрос действует ещё 10:00');
    clock.advance(2000);
    await waitUntil(() => polls(backend.requests) === 1);
    await new Promise((r) => setTimeout(r, 50));
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    expect(loaded.some((name) => name.includes('max-qr') || name.includes('lean-qr')), 'no QR code chunk').to.equal(false);
  });

  it('the phone step is titled for MAX and formats «89521234567» as it is typed', async () => {
    sessionStorage.clear();
    const mock = await scenario('max-confirmed', { vendor: 'bars' });
    const link = await fixture<SferumLink>(html`<sferum-link vendor="bars" .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'), 'entry not shown', { timeout: 5000 });
    await click(byText(link, 'button', 'Привязать через MAX'));
    const s = await step(link, 'sferum-step-max-phone');
    expect(heading(s)).to.equal('Привязка через MAX');
    const input = root(s).querySelector<HTMLInputElement>('[name="phone"]')!;
    input.focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ type: '89521234567' });
    expect(input.value).to.equal('+7 (952) 123-45-67');
    expect(input.selectionStart, 'the caret stays after the last digit').to.equal(input.value.length);
  });

  it('a deep link: «Открыть MAX» first, a QR code of the same link, the time left; axe clean', async () => {
    const { link, pending, clock } = await startMax('max-deep-link');
    await waitUntil(() => qrSvg(pending), 'no QR code');
    const a = openLink(pending)!;
    expect(a.getAttribute('href')).to.match(/^https:\/\/max\.ru\/sferum_demo_bot\?start=[0-9a-f]{32}$/);
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.equal('noopener noreferrer');
    expect(a.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Открыть MAX (откроется в новой вкладке)');
    // Keyboard and screen-reader users reach the link before anything else on the screen.
    expect(root(pending).activeElement, 'focus on the heading').to.equal(root(pending).querySelector('h2'));
    await press('Tab');
    expect(root(pending).activeElement).to.equal(a);
    await press('Tab');
    expect(root(pending).activeElement!.textContent).to.contain('Скопировать ссылку');
    // The QR code's text alternative, and what a phone camera reads from it.
    const svgEl = qrSvg(pending)!;
    expect(svgEl.getAttribute('role')).to.equal('img');
    expect(svgEl.getAttribute('aria-label')).to.equal('QR-код ссылки для MAX');
    expect(svgEl.getAttribute('viewBox')).to.match(/^-4 -4 \d+ \d+$/);
    expect(await decodeQr(svgEl)).to.equal(a.getAttribute('href'));
    expect(getComputedStyle(root(pending).querySelector('.qr')!).display, 'shown beside the link on a desktop').to.equal('grid');
    expect(getComputedStyle(root(pending).querySelector('.qr-toggle')!).display).to.equal('none');
    expect(textOf(pending)).to.contain('Запрос действует ещё 10:00');
    clock.advance(19_000);
    await waitUntil(() => textOf(pending).includes('Запрос действует ещё 9:41'), 'the time left did not count down');
    expect(root(pending).querySelector('[role="timer"]')!.textContent).to.contain('9:41');
    await expect(link).to.be.accessible();
  });

  it('nothing in the QR code writes a style attribute', async () => {
    const { pending } = await startMax('max-deep-link');
    await waitUntil(() => qrSvg(pending), 'no QR code');
    expect(root(pending).querySelectorAll('[style]').length).to.equal(0);
  });

  it('copy: «Скопировано» on the same-width button, announced once, back after a few seconds', async () => {
    const { pending, clock } = await startMax('max-deep-link');
    await waitUntil(() => qrSvg(pending), 'no QR code');
    const written: string[] = [];
    const clipboard = navigator.clipboard;
    const original = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
    // The browser's clipboard, observed (a headless page cannot read it back).
    Object.defineProperty(clipboard, 'writeText', { configurable: true, value: (text: string) => (written.push(text), Promise.resolve()) });
    try {
      const button = byText(pending, 'button', 'Скопировать ссылку');
      const width = button.getBoundingClientRect().width;
      await click(button);
      await waitUntil(() => button.textContent!.includes('Скопировано') && root(pending).querySelector('[role="status"].visually-hidden')!.textContent === 'Скопировано');
      expect(written).to.deep.equal([openLink(pending)!.getAttribute('href')]);
      expect(button.getBoundingClientRect().width, 'the button keeps its width').to.equal(width);
      // Its accessible name follows the visible label.
      const visible = [...button.querySelectorAll('span')].filter((span) => getComputedStyle(span).visibility === 'visible');
      expect(visible.map((span) => span.textContent)).to.deep.equal(['Скопировано']);
      clock.advance(3000);
      await waitUntil(() => root(pending).querySelector('[role="status"].visually-hidden')!.textContent === '', 'the confirmation did not end');
      const again = [...button.querySelectorAll('span')].filter((span) => getComputedStyle(span).visibility === 'visible');
      expect(again.map((span) => span.textContent)).to.deep.equal(['Скопировать ссылку']);
    } finally {
      if (original) Object.defineProperty(clipboard, 'writeText', original);
      else delete (clipboard as unknown as Record<string, unknown>)['writeText'];
    }
  });

  it('copy without a clipboard: the link is shown selected for Ctrl+C', async () => {
    const { link, pending } = await startMax('max-deep-link');
    await waitUntil(() => qrSvg(pending), 'no QR code');
    const clipboard = navigator.clipboard;
    Object.defineProperty(clipboard, 'writeText', { configurable: true, value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    try {
      await click(byText(pending, 'button', 'Скопировать ссылку'));
      await waitUntil(() => root(pending).querySelector('#max-link'), 'no fallback field');
      const input = root(pending).querySelector<HTMLInputElement>('#max-link')!;
      expect(input.value).to.equal(openLink(pending)!.getAttribute('href'));
      expect(root(pending).activeElement).to.equal(input);
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
      expect(textOf(pending)).to.contain('Скопируйте ссылку вручную.');
      await expect(link).to.be.accessible();
    } finally {
      delete (clipboard as unknown as Record<string, unknown>)['writeText'];
    }
  });

  it('narrow: the link first, the QR code behind «Показать QR-код» (keyboard), axe clean', async () => {
    const { link, pending } = await startMax('max-deep-link', { width: 360 });
    await waitUntil(() => qrSvg(pending), 'no QR code');
    const qr = root(pending).querySelector<HTMLElement>('.qr')!;
    expect(getComputedStyle(qr).display).to.equal('none');
    const toggle = byText(pending, 'button', 'Показать QR-код');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('qr');
    // The link comes before the disclosure in reading and tab order.
    expect(openLink(pending)!.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    await expect(link).to.be.accessible();
    toggle.focus();
    await press('Enter');
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true');
    expect(getComputedStyle(qr).display).to.equal('grid');
    expect(toggle.textContent!.trim()).to.equal('Скрыть QR-код');
    expect(await decodeQr(qrSvg(pending)!)).to.equal(openLink(pending)!.getAttribute('href'));
    await expect(link).to.be.accessible();
    await press('Space');
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'false');
    expect(getComputedStyle(qr).display).to.equal('none');
  });

  it('the time runs out: the expired state at 0:00, checked with the backend once, «Попробовать снова» starts over', async () => {
    const { link, pending, backend, clock } = await startMax('max-deep-link-expiring');
    await waitUntil(() => qrSvg(pending), 'no QR code');
    expect(textOf(pending)).to.contain('Запрос действует ещё 0:20');
    // The wizard's own polls see nothing new until the request expires on the server.
    clock.advance(19_000);
    await waitUntil(() => textOf(pending).includes('Запрос действует ещё 0:01'));
    // (A poll in flight at zero is the check: wait for it, so that the one at zero is ours.)
    await waitUntil(() => !pending.hasAttribute('busy'), 'a poll still in flight');
    const before = polls(backend.requests);
    clock.advance(1000);
    await waitUntil(() => textOf(pending).includes('Время на подтверждение в MAX истекло'), 'no expired state');
    await waitUntil(() => polls(backend.requests) === before + 1, 'the backend was not asked');
    // The backend agrees: the flow ends; the stale link and QR code are gone.
    await waitUntil(() => root(pending).querySelector('.alert-slot .alert'), 'the backend\u2019s verdict is not shown');
    expect(openLink(pending)).to.equal(null);
    expect(qrSvg(pending)).to.equal(null);
    expect(root(pending).querySelector('[role="timer"]')).to.equal(null);
    await expect(link).to.be.accessible();
    const wizardRoot = shadow(link).querySelector('sferum-link-flow')!.shadowRoot!;
    await click(byText(wizardRoot as unknown as Element, 'button', 'Попробовать снова'));
    await step(link, 'sferum-step-max-phone');
  });

  it('a computer clock that runs ahead: zero on the page is not the end while the backend still waits', async () => {
    const { pending, worker, clock } = await startMax('max-deep-link');
    await waitUntil(() => qrSvg(pending), 'no QR code');
    const stepId = (pending as unknown as { step: { id: string } }).step.id;
    const href = openLink(pending)!.getAttribute('href')!;
    // The backend still waits, with its own deadline five minutes on (it answers a moment later).
    worker.use(
      http.get('*/api/sferum/link/flows/:flowId/status', async ({ params }) => {
        await delay(300);
        return HttpResponse.json({ flowId: params['flowId'], method: 'max', step: { id: stepId, kind: 'max-pending', pollIntervalMs: 2000, expiresAt: moscowIso(clock.now() + 5 * 60_000), deepLink: href } });
      }),
    );
    clock.advance(10 * 60_000);
    await waitUntil(() => textOf(pending).includes('Время на подтверждение в MAX истекло'), 'no expired state');
    expect(byText(pending, 'button', 'Попробовать снова')).to.exist;
    expect(openLink(pending), 'the stale link is hidden').to.equal(null);
    await waitUntil(() => textOf(pending).includes('Запрос действует ещё 5:00'), 'did not resume from the backend\u2019s deadline');
    expect(openLink(pending)!.getAttribute('href')).to.equal(href);
    expect(statusLine(pending)!.textContent!.trim()).to.equal('Ждём подтверждения в MAX.');
  });

  for (const unsafe of ['javascript:alert(1)', 'http://max.ru/sferum_demo_bot?start=x', 'https://max.ru.evil.example/bot?start=x', 'https://user:pw@max.ru/bot']) {
    it(`an unsafe deep link (${unsafe.slice(0, 24)}…) is not shown, and the step still works`, async () => {
      const { link, pending, worker, backend, clock } = await startMax('max-confirmed');
      const stepId = (pending as unknown as { step: { id: string } }).step.id;
      let served = 0;
      worker.use(
        http.get('*/api/sferum/link/flows/:flowId/status', ({ params }) => {
          if (served++ > 0) return undefined;
          return HttpResponse.json({ flowId: params['flowId'], method: 'max', step: { id: stepId, kind: 'max-pending', pollIntervalMs: 2000, deepLink: unsafe } });
        }),
      );
      clock.advance(2000);
      await waitUntil(() => served === 1, 'no poll');
      await new Promise((r) => setTimeout(r, 50));
      expect(root(pending).querySelector('.deep-link'), 'no link, no QR code').to.equal(null);
      expect(shadow(link).innerHTML + root(pending).innerHTML).not.to.contain(unsafe.slice(0, 12));
      expect(textOf(pending)).to.contain('Ждём подтверждения в MAX.');
      backend.decideMax('confirmed');
      clock.advance(2000);
      await linkedCard(link);
    });
  }

  it('the status line says one thing while waiting: a poll that changes nothing says nothing', async () => {
    const { pending, backend, clock } = await startMax('max-deep-link');
    const line = statusLine(pending)!;
    expect(line.textContent!.trim()).to.equal('Ждём подтверждения в MAX.');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(line, { subtree: true, childList: true, characterData: true, attributes: true });
    const check = byText(pending, 'button', 'Проверить статус');
    const disabledSeen: (string | null)[] = [];
    const watch = new MutationObserver(() => disabledSeen.push(check.getAttribute('aria-disabled')));
    watch.observe(check, { attributes: true });
    for (let i = 0; i < 3; i++) {
      const before = polls(backend.requests);
      clock.advance(2000);
      await waitUntil(() => polls(backend.requests) > before);
      await new Promise((r) => setTimeout(r, 30));
    }
    await click(check);
    await waitUntil(() => polls(backend.requests) === 4, 'no check');
    await new Promise((r) => setTimeout(r, 30));
    observer.disconnect();
    watch.disconnect();
    expect(changes, 'no mutation of the live region during four polls').to.deep.equal([]);
    expect(statusLine(pending)).to.equal(line);
    expect(disabledSeen.filter((v) => v === 'true'), 'the button is never dimmed by a poll').to.deep.equal([]);
    expect(root(pending).querySelector('.pulse'), 'a quiet progress cue').to.exist;
    expect(textOf(pending)).not.to.contain('Страница обновится сама');
    expect(textOf(pending)).not.to.contain('Проверяем статус');
  });

  it('English, dark theme', async () => {
    const { link, pending } = await startMax('max-deep-link', { locale: 'en', theme: 'dark' });
    await waitUntil(() => qrSvg(pending), 'no QR code');
    expect(heading(pending)).to.equal('Confirm the link in MAX');
    expect(openLink(pending)!.textContent).to.contain('Open MAX');
    expect(textOf(pending)).to.contain('Copy link');
    expect(textOf(pending)).to.contain('The request is valid for another 10:00');
    expect(qrSvg(pending)!.getAttribute('aria-label')).to.equal('QR code of the link for MAX');
    await expect(link).to.be.accessible();
  });
});
