import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import { ManualClock, setClock } from '../src/controllers/clock.js';
import '../src/define/sferum-link.js';
import { byText, click, field, fill, heading, linkedCard, press, shadow, step, storedEverything, textOf, type } from './flow-helpers.js';
import { scenario } from './mocks.js';

let restoreClock: (() => void) | undefined;
afterEach(() => restoreClock?.());

async function startMax(name: Parameters<typeof scenario>[0], clock = new ManualClock()) {
  sessionStorage.clear();
  const mock = await scenario(name, { vendor: 'bars', pollIntervalMs: 2000 });
  restoreClock = setClock(clock);
  mock.backend.now = () => clock.now();
  const link = await fixture<SferumLink>(html`<sferum-link id="max-link" vendor="bars" .adapter=${mock.adapter}></sferum-link>`);
  await waitUntil(() => shadow(link).querySelector('h2'), 'entry not shown', { timeout: 5000 });
  return { ...mock, link, clock };
}

const polls = (requests: string[]) => requests.filter((r) => r.endsWith('/status')).length;

/** Moves the page clock one poll interval at a time, waiting for each poll's answer. */
async function pollTimes(n: number, clock: ManualClock, requests: string[]) {
  for (let i = 0; i < n; i++) {
    const before = polls(requests);
    clock.advance(2000);
    await waitUntil(() => polls(requests) > before, `poll ${i + 1} did not happen`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

async function toPending(link: SferumLink) {
  byText(link, 'button', 'Привязать через MAX').focus();
  await press('Enter');
  const s = await step(link, 'sferum-step-max-phone');
  expect(heading(s)).to.equal('Привязка через MAX');
  await fill(s, 'phone', '8 (952) 123-45-67');
  return step(link, 'sferum-step-max-pending');
}

describe('<sferum-link> MAX', () => {
  it('the phone field: distinct messages, what was typed is kept, axe clean', async () => {
    const { link, backend } = await startMax('max-confirmed');
    await click(byText(link, 'button', 'Привязать через MAX'));
    const s = await step(link, 'sferum-step-max-phone');
    const cases: [string, string][] = [
      ['', 'Введите номер мобильного телефона.'],
      ['8 495 123-45-67', 'Это городской номер'],
      ['+7 701 123 45 67', 'Это номер Казахстана'],
      ['8 800 555 35 35', 'Номера 8-800 не подходят'],
      ['952 123 45', 'В номере не хватает цифр'],
      ['+375 29 123 45 67', 'Нужен российский мобильный номер'],
    ];
    const before = backend.requests.length;
    for (const [typed, message] of cases) {
      const input = field(s, 'phone');
      input.select();
      if (typed) await type(input, typed);
      else {
        input.focus();
        await press('Backspace');
      }
      await press('Enter');
      await waitUntil(() => shadow(s).querySelector('#f-phone-error')?.textContent?.includes(message), `no «${message}» for ${typed}`);
      // What was typed stays: as typed, or (a plainly Russian number) formatted as it was typed.
      expect(field(s, 'phone').value.replace(/\D/g, '')).to.match(new RegExp(`${typed.replace(/\D/g, '')}$`));
    }
    expect(backend.requests.length, 'nothing was sent').to.equal(before);
    await expect(link).to.be.accessible();
  });

  it('confirmed: pending with the MAX steps, polling by the interval, then the linked card', async () => {
    const { link, backend, clock } = await startMax('max-confirmed');
    const pendingEvent = oneEvent(link, 'sferum-link-status-change');
    const s = await toPending(link);
    await expect(link).to.be.accessible();
    expect(textOf(s)).to.contain('Откройте MAX и перейдите на вкладку «Сферум».');
    expect(textOf(s)).to.contain('«Подключить»');
    expect((await pendingEvent).detail).to.deep.equal({ state: 'pending', method: 'max' });
    expect(polls(backend.requests)).to.equal(0);
    clock.advance(2000);
    await waitUntil(() => polls(backend.requests) === 1, 'no first poll');
    const linked = new Promise<CustomEvent>((resolve) =>
      link.addEventListener('sferum-link-status-change', (e) => (e as CustomEvent).detail.state === 'linked' && resolve(e as CustomEvent)),
    );
    clock.advance(2000);
    await linkedCard(link);
    expect((await linked).detail).to.deep.equal({ state: 'linked', method: 'max' });
    expect(shadow(link).querySelector('[part="phone"]')!.textContent).to.equal('+7 (952) 123-45-67');
    expect(storedEverything()).not.to.match(/952|123-45-67/);
  });

  it('a 401 while waiting: one sferum-auth-required, no checks until retry(), then it goes on to linked', async () => {
    const { link, backend, clock, worker } = await startMax('max-confirmed');
    await toPending(link);
    let sessionRenewed = false;
    let refused = 0;
    worker.use(
      http.get('*/api/sferum/link/flows/:flow/status', () => {
        if (sessionRenewed) return undefined;
        refused++;
        return HttpResponse.json({ error: { kind: 'unauthorized' } }, { status: 401 });
      }),
    );
    let authRequired = 0;
    link.addEventListener('sferum-auth-required', () => authRequired++);
    clock.advance(2000);
    await waitUntil(() => authRequired === 1, 'no sferum-auth-required');
    for (let i = 0; i < 5; i++) {
      clock.advance(4000);
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(refused, 'no check while the session is gone').to.equal(1);
    expect(authRequired, 'asked once, not once a poll').to.equal(1);
    expect(textOf(await step(link, 'sferum-step-max-pending'))).to.contain('Сеанс работы в журнале завершён');
    sessionRenewed = true;
    link.retry();
    await waitUntil(() => polls(backend.requests) === 1, 'retry() did not check again');
    clock.advance(2000);
    await linkedCard(link);
  });

  it('«Проверить статус» asks at once', async () => {
    const { link, backend } = await startMax('max-confirmed');
    const s = await toPending(link);
    await click(byText(s, 'button', 'Проверить статус'));
    await waitUntil(() => polls(backend.requests) === 1, 'no status check');
  });

  it('slow: the backend\u2019s slow_down makes polling slower', async () => {
    const { link, backend, clock } = await startMax('max-slow');
    await toPending(link);
    clock.advance(2000);
    await waitUntil(() => polls(backend.requests) === 1);
    await waitUntil(async () => textOf(await step(link, 'sferum-step-max-pending')).includes('Проверяем реже'), 'no slow-down note');
    clock.advance(2000);
    await new Promise((r) => setTimeout(r, 50));
    expect(polls(backend.requests), 'no poll before the longer interval').to.equal(1);
    clock.advance(3000);
    await waitUntil(() => polls(backend.requests) === 2, 'no poll after the longer interval');
  });

  it('pauses while the tab is hidden and checks at once when it is shown again', async () => {
    const { link, backend, clock } = await startMax('max-confirmed');
    await toPending(link);
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      clock.advance(10_000);
      await new Promise((r) => setTimeout(r, 50));
      expect(polls(backend.requests), 'no polling while hidden').to.equal(0);
    } finally {
      Object.defineProperty(document, 'visibilityState', visibility);
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => polls(backend.requests) === 1, 'no check when shown again');
  });

  for (const [name, message] of [
    ['max-declined', 'Привязка отклонена: в MAX нажали «Не подключать»'],
    ['max-expired', 'Время на подтверждение в MAX истекло'],
  ] as const) {
    it(`${name}: says so, stops polling, and offers to try again`, async () => {
      const { link, backend, clock } = await startMax(name);
      const s = await toPending(link);
      await pollTimes(2, clock, backend.requests);
      await waitUntil(() => textOf(s).includes(message), `no «${message}»`);
      await expect(link).to.be.accessible();
      const count = polls(backend.requests);
      clock.advance(20_000);
      await new Promise((r) => setTimeout(r, 50));
      expect(polls(backend.requests), 'polling stopped').to.equal(count);
      const wizardRoot = shadow(link).querySelector('sferum-link-flow')!.shadowRoot!;
      await click(byText(wizardRoot as unknown as Element, 'button', 'Попробовать снова'));
      await step(link, 'sferum-step-max-phone');
    });
  }

  it('the pending state survives a re-created element (a reload), resumed from the adapter', async () => {
    const { link, backend, adapter, clock } = await startMax('max-confirmed');
    await toPending(link);
    expect(sessionStorage.getItem('sferum-widgets:flow:max-link')).to.match(/"flowId":"flow-/);
    expect(storedEverything()).not.to.match(/952/);
    link.remove();
    const again = await fixture<SferumLink>(html`<sferum-link id="max-link" vendor="bars" .adapter=${adapter}></sferum-link>`);
    await step(again, 'sferum-step-max-pending');
    await pollTimes(2, clock, backend.requests);
    await linkedCard(again);
    expect(polls(backend.requests)).to.be.at.least(1);
  });

  it('what the user does in MAX applies at the next poll (the demo\u2019s control)', async () => {
    const { link, backend, clock } = await startMax('max-confirmed');
    const s = await toPending(link);
    backend.decideMax('declined');
    await pollTimes(1, clock, backend.requests);
    await waitUntil(() => textOf(s).includes('Привязка отклонена'), 'the decision did not apply');
  });

  it('moving the element in the DOM leaves exactly one poller', async () => {
    const { link, clock } = await startMax('max-confirmed');
    await toPending(link);
    const before = clock.listenerCount;
    const other = document.createElement('div');
    document.body.append(other);
    other.append(link);
    await link.updateComplete;
    document.body.append(link);
    await link.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.listenerCount).to.equal(before);
    link.remove();
    other.remove();
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.listenerCount, 'removed: no timers left').to.equal(0);
  });
});
