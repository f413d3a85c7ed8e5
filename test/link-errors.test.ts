import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpResponse, delay, http } from 'msw';
import { MOCK_TRIGGERS } from '../mocks/backend.js';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import { ManualClock, setClock } from '../src/controllers/clock.js';
import '../src/define/sferum-link.js';
import { byText, click, field, fill, linkedCard, press, shadow, step, textOf, type } from './flow-helpers.js';
import { scenario } from './mocks.js';

let restoreClock: (() => void) | undefined;
afterEach(() => restoreClock?.());

async function start(name: Parameters<typeof scenario>[0], vendor = 'bars', options: { clock?: ManualClock } = {}) {
  sessionStorage.clear();
  const mock = await scenario(name, { vendor });
  if (options.clock) {
    restoreClock = setClock(options.clock);
    mock.backend.now = () => options.clock!.now();
  }
  const link = await fixture<SferumLink>(html`<sferum-link vendor=${vendor} .adapter=${mock.adapter}></sferum-link>`);
  await waitUntil(() => shadow(link).querySelector('h2'), 'entry not shown', { timeout: 5000 });
  await click(byText(link, 'button', vendor === 'mesh' ? 'Перейти к подключению' : 'Привязать учётную запись к Сферум'));
  return { ...mock, link };
}

const errorOf = (s: Element, name: string) => shadow(s).querySelector(`#f-${name}-error`)?.textContent ?? '';
const alertOf = (s: Element) => shadow(s).querySelector('.alert')?.textContent ?? '';

describe('<sferum-link> errors the seeds name', () => {
  it('wrong password: its own message on the field, the field cleared, axe clean', async () => {
    const { link } = await start('vkid-variant-1');
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    const s = await step(link, 'sferum-step-password');
    await fill(s, 'password', 'Неверный-пароль-1');
    await waitUntil(() => errorOf(s, 'password'), 'no message');
    expect(errorOf(s, 'password')).to.contain('Неверный пароль');
    expect(field(s, 'password').value).to.equal('');
    expect(field(s, 'password').getAttribute('aria-invalid')).to.equal('true');
    expect(field(s, 'password').getAttribute('aria-describedby')).to.contain('f-password-error');
    await expect(link).to.be.accessible();
  });

  it('wrong code and expired code: their own messages', async () => {
    const { link } = await start('vkid-variant-3');
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    const s = await step(link, 'sferum-step-code');
    await fill(s, 'code', '999999');
    await waitUntil(() => errorOf(s, 'code').includes('Неверный код'), 'no wrong-code message');
    await expect(link).to.be.accessible();
    await fill(s, 'code', MOCK_CREDENTIALS.expiredCode);
    await waitUntil(() => errorOf(s, 'code').includes('Срок действия кода истёк'), 'no expired message');
  });

  it('too many attempts: the wait counts down on the page clock, and nothing is sent meanwhile', async () => {
    const clock = new ManualClock();
    const { link, backend } = await start('vkid-variant-1', 'bars', { clock });
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    const s = await step(link, 'sferum-step-password');
    for (let i = 0; i < 3; i++) {
      await fill(s, 'password', `wrong-${i}`);
      await waitUntil(() => !s.hasAttribute('busy') && (errorOf(s, 'password') || alertOf(s)), 'no answer');
    }
    await waitUntil(() => alertOf(s).includes('Слишком много попыток'), 'no too-many-attempts message');
    expect(alertOf(s)).to.contain('Повторите через 1:00');
    await expect(link).to.be.accessible();
    clock.advance(31_000);
    await waitUntil(() => alertOf(s).includes('Повторите через 0:29'), `not counting: ${alertOf(s)}`);
    const before = backend.requests.length;
    await fill(s, 'password', MOCK_CREDENTIALS.password);
    expect(backend.requests.length, 'a submit during the wait sends nothing').to.equal(before);
    clock.advance(30_000);
    await waitUntil(() => alertOf(s) === '', 'the wait did not end');
    field(s, 'password').focus();
    await press('Enter');
    await step(link, 'sferum-step-code');
  });

  it('phone already linked to another journal account', async () => {
    const { link } = await start('vkid-variant-1', 'mesh');
    const s = await step(link, 'sferum-step-login');
    await fill(s, 'login', MOCK_TRIGGERS.phoneLinkedElsewhere);
    await waitUntil(() => errorOf(s, 'login') || alertOf(s), 'no message');
    expect(errorOf(s, 'login') + alertOf(s)).to.contain('авторизуйтесь по уже существующим данным');
    expect(field(s, 'login').value, 'what was typed stays').to.equal(MOCK_TRIGGERS.phoneLinkedElsewhere);
    await expect(link).to.be.accessible();
  });

  it('another account registered on this phone: support at info@sferum.ru', async () => {
    const { link } = await start('vkid-variant-1');
    const s = await step(link, 'sferum-step-login');
    await fill(s, 'login', MOCK_TRIGGERS.anotherAccountOnPhone);
    await waitUntil(() => (errorOf(s, 'login') + alertOf(s)).includes('info@sferum.ru'), 'no message');
  });

  it('a network or VPN block: the seed\u2019s VPN hint', async () => {
    const { link } = await start('vkid-variant-1', 'mesh');
    const s = await step(link, 'sferum-step-login');
    await fill(s, 'login', MOCK_TRIGGERS.vpnBlocked);
    await waitUntil(() => alertOf(s).includes('Привязка не работает при подключении VPN'), 'no VPN message');
    await expect(link).to.be.accessible();
  });

  it('the browser hint where the preset asks for it (MESH), and not elsewhere', async () => {
    const mesh = await scenario('unlinked');
    const a = await fixture<SferumLink>(html`<sferum-link vendor="mesh" .adapter=${mesh.adapter}></sferum-link>`);
    await waitUntil(() => shadow(a).querySelector('h2'));
    expect(textOf(a)).to.contain('Для работы рекомендуем использовать Google Chrome и Яндекс.Браузер.');
    const b = await fixture<SferumLink>(html`<sferum-link vendor="perm" .adapter=${mesh.adapter}></sferum-link>`);
    await waitUntil(() => shadow(b).querySelector('h2'));
    expect(textOf(b)).not.to.contain('Яндекс.Браузер');
  });

  it('a local check before sending: letters in a phone, a wrong code length', async () => {
    const { link, backend } = await start('vkid-variant-3');
    let s = await step(link, 'sferum-step-login');
    const before = backend.requests.length;
    await fill(s, 'login', 'не телефон');
    await waitUntil(() => errorOf(s, 'login'), 'no local message');
    expect(backend.requests.length).to.equal(before);
    field(s, 'login').select();
    await fill(s, 'login', MOCK_CREDENTIALS.phone);
    s = await step(link, 'sferum-step-code');
    await fill(s, 'code', '12');
    await waitUntil(() => errorOf(s, 'code').includes('6 цифр'), 'no length message');
  });
});

describe('<sferum-link> a flow the backend no longer knows', () => {
  it('flow-expired: says so and «Попробовать снова» starts a fresh flow', async () => {
    const { link, backend } = await start('vkid-variant-1');
    const s = await step(link, 'sferum-step-login');
    backend.reset('vkid-variant-1');
    await fill(s, 'login', MOCK_CREDENTIALS.phone);
    await waitUntil(() => alertOf(s).includes('Время на привязку истекло'), `no message: ${alertOf(s)}`);
    await expect(link).to.be.accessible();
    expect(sessionStorage.length, 'the dead flow id is forgotten').to.equal(0);
    const wizardRoot = shadow(link).querySelector('sferum-link-flow')!.shadowRoot!;
    await click(byText(wizardRoot as unknown as Element, 'button', 'Попробовать снова'));
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    await step(link, 'sferum-step-password');
  });
});

describe('<sferum-link> code entry and countdowns', () => {
  it('pasting «Код: 12 34 56» gives the digits; the paste is not blocked', async () => {
    const { link } = await start('vkid-variant-3');
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    const s = await step(link, 'sferum-step-code');
    const input = field(s, 'code');
    input.focus();
    const data = new DataTransfer();
    data.setData('text/plain', 'Код: 12 34 56');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
    input.dispatchEvent(event);
    await waitUntil(() => input.value === '123456', `got ${input.value}`);
    await press('Enter');
    await step(link, 'sferum-step-about-you');
  });

  it('SMS: «Отправить SMS через 1:53» counts down live and enables resend at zero', async () => {
    const clock = new ManualClock();
    const { link, backend } = await start('vkid-variant-3', 'bars', { clock });
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    let s = await step(link, 'sferum-step-code');
    expect(textOf(s)).to.contain('Отправить SMS через 1:53');
    expect(shadow(s).querySelector('[role="timer"]')).to.exist;
    clock.advance(60_000);
    await waitUntil(() => textOf(s).includes('Отправить SMS через 0:53'), textOf(s));
    clock.advance(53_000);
    await waitUntil(() => textOf(s).includes('Отправить SMS повторно'), textOf(s));
    await expect(link).to.be.accessible();
    await click(byText(s, 'button', 'Отправить SMS повторно'));
    await waitUntil(() => backend.requests.some((r) => r.endsWith('/resend')), 'no resend request');
    s = await step(link, 'sferum-step-code');
    await waitUntil(() => textOf(s).includes('Отправить SMS через 1:53'), 'the countdown did not restart');
  });

  it('call-reset: last 4 digits, «Звонок поступит в течение 0:56»', async () => {
    const clock = new ManualClock();
    const { link } = await start('vkid-variant-3', 'mesh', { clock });
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    let s = await step(link, 'sferum-step-code');
    await click(byText(s, 'button', 'Подтвердить другим способом'));
    await waitUntil(async () => textOf(await step(link, 'sferum-step-code')).includes('звонок-сброс'), 'no call-reset');
    s = await step(link, 'sferum-step-code');
    expect(textOf(s)).to.contain('Вам поступит звонок-сброс с уникального номера. Введите последние 4 цифры этого номера.');
    expect(textOf(s)).to.contain('Звонок поступит в течение 0:56');
    expect(shadow(s).querySelector('label')!.textContent).to.contain('Введите 4 цифры');
    clock.advance(56_000);
    await waitUntil(() => textOf(s).includes('Позвонить повторно'), textOf(s));
    await fill(s, 'code', MOCK_CREDENTIALS.callCode);
    await step(link, 'sferum-step-about-you');
  });

  it('«Изменить номер телефона» goes back to the login', async () => {
    const { link } = await start('vkid-variant-3');
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    await click(byText(await step(link, 'sferum-step-code'), 'button', 'Изменить номер телефона'));
    await step(link, 'sferum-step-login');
  });
});

describe('<sferum-link> faults in the middle of a flow', () => {
  const faults: [string, () => Response, string][] = [
    ['network error', () => HttpResponse.error() as unknown as Response, 'Нет соединения с сервером'],
    ['500', () => new HttpResponse('x', { status: 500 }) as unknown as Response, 'Сервис временно недоступен'],
    ['429 with Retry-After', () => new HttpResponse('{}', { status: 429, headers: { 'Retry-After': '30' } }) as unknown as Response, 'Слишком много запросов. Повторите через 0:30'],
    // No Retry-After and no retryAfter in the body: the kit's own 30 s, never «через 0:00».
    ['429 without Retry-After', () => HttpResponse.json({ error: { kind: 'rate-limited' } }, { status: 429 }) as unknown as Response, 'Слишком много запросов. Повторите через 0:30'],
  ];
  for (const [name, reply, message] of faults) {
    it(`${name}: a clear message, the input kept, and sending again recovers`, async () => {
      const { link, worker } = await start('vkid-variant-1');
      await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
      const s = await step(link, 'sferum-step-password');
      worker.use(http.post('*/api/sferum/link/flows/:flow/steps/:step', reply, { once: true }));
      await fill(s, 'password', MOCK_CREDENTIALS.password);
      await waitUntil(() => alertOf(s).includes(message), `no «${message}»: ${alertOf(s)}`);
      expect(field(s, 'password').value).to.equal(MOCK_CREDENTIALS.password);
      await expect(link).to.be.accessible();
      if (name.startsWith('429')) return;
      field(s, 'password').focus();
      await press('Enter');
      await step(link, 'sferum-step-code');
    });
  }

  it('timeout: a clear message, the input kept, and sending again recovers', async () => {
    sessionStorage.clear();
    const mock = await scenario('vkid-variant-1', { timeoutMs: 300 });
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'));
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    const s = await step(link, 'sferum-step-password');
    mock.worker.use(http.post('*/api/sferum/link/flows/:flow/steps/:step', () => delay('infinite') as never, { once: true }));
    await fill(s, 'password', MOCK_CREDENTIALS.password);
    await waitUntil(() => alertOf(s).includes('Сервер долго не отвечает'), `no timeout message: ${alertOf(s)}`);
    expect(field(s, 'password').value).to.equal(MOCK_CREDENTIALS.password);
    await expect(link).to.be.accessible();
    field(s, 'password').focus();
    await press('Enter');
    await step(link, 'sferum-step-code');
  });

  it('429 with Retry-After: the wait counts down, then sending again works', async () => {
    const clock = new ManualClock();
    const { link, worker } = await start('vkid-variant-1', 'bars', { clock });
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    const s = await step(link, 'sferum-step-password');
    worker.use(http.post('*/api/sferum/link/flows/:flow/steps/:step', () => new HttpResponse('{}', { status: 429, headers: { 'Retry-After': '30' } }), { once: true }));
    await fill(s, 'password', MOCK_CREDENTIALS.password);
    await waitUntil(() => alertOf(s).includes('Повторите через 0:30'), alertOf(s));
    clock.advance(10_000);
    await waitUntil(() => alertOf(s).includes('Повторите через 0:20'), `not counting: ${alertOf(s)}`);
    clock.advance(20_000);
    await waitUntil(() => alertOf(s) === '', 'the wait did not end');
    field(s, 'password').focus();
    await press('Enter');
    await step(link, 'sferum-step-code');
  });

  it('an answer that arrives after the user moved on is ignored', async () => {
    sessionStorage.clear();
    const mock = await scenario('max-confirmed');
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'));
    await click(byText(link, 'button', 'Привязать через MAX'));
    const s = await step(link, 'sferum-step-max-phone');
    mock.worker.use(
      http.post('*/api/sferum/link/flows/:flow/steps/:step', async () => {
        await delay(500);
        return undefined as never;
      }),
    );
    await fill(s, 'phone', '+7 952 123-45-67');
    await waitUntil(() => s.hasAttribute('busy'));
    await click(byText(s, 'button', 'Отменить привязку'));
    await waitUntil(() => !shadow(link).querySelector('sferum-link-flow'), 'still in the flow');
    await delay(800);
    expect(shadow(link).querySelector('sferum-link-flow'), 'the late answer changed nothing').to.equal(null);
    expect(shadow(link).querySelector('h2')!.textContent).to.equal('Авторизация в Сферум');
  });

  it('401: fires sferum-auth-required, keeps the input, and retry() goes on after re-authentication', async () => {
    const { link, worker } = await start('vkid-variant-1');
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    const s = await step(link, 'sferum-step-password');
    worker.use(http.post('*/api/sferum/link/flows/:flow/steps/:step', () => HttpResponse.json({ error: { kind: 'unauthorized' } }, { status: 401 }), { once: true }));
    let authRequired = 0;
    link.addEventListener('sferum-auth-required', () => authRequired++);
    await fill(s, 'password', MOCK_CREDENTIALS.password);
    await waitUntil(() => authRequired === 1, 'no sferum-auth-required');
    expect(alertOf(s)).to.contain('Сеанс работы в журнале завершён');
    expect(field(s, 'password').value).to.equal(MOCK_CREDENTIALS.password);
    link.retry();
    await step(link, 'sferum-step-code');
    await linkedCardSoon(link);
  });
});

async function linkedCardSoon(link: SferumLink) {
  const s = await step(link, 'sferum-step-code');
  await fill(s, 'code', MOCK_CREDENTIALS.smsCode);
  const chooser = await step(link, 'sferum-step-choose-profile');
  await click(shadow(chooser).querySelector<HTMLInputElement>('input[type=radio]')!);
  await click(byText(chooser, 'button', 'Продолжить в учебном профиле'));
  await click(byText(await step(link, 'sferum-step-about-you'), 'button', 'Продолжить'));
  await linkedCard(link);
}

describe('<sferum-link> «Информация о себе» checks', () => {
  it('names of letters, hyphen, apostrophe and space only; a real past date; a plausible age; nothing typed is lost', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T12:00:00+03:00'));
    const { link, backend } = await start('vkid-variant-3', 'bars', { clock });
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);
    const s = await step(link, 'sferum-step-about-you');
    const before = backend.requests.length;
    const cases: [string, string, string, string][] = [
      ['lastName', 'Иванов2', 'Можно использовать только буквы, дефис, апостроф и пробел.', 'birthDate'],
      ['birthDate', '30.02.2010', 'Такой даты нет', 'lastName'],
      ['birthDate', '01.01.2030', 'не может быть в будущем', 'lastName'],
      ['birthDate', '01.01.1850', 'Проверьте год рождения', 'lastName'],
      ['birthDate', '01.01.2024', 'Проверьте год рождения', 'lastName'],
    ];
    await type(field(s, 'firstName'), 'Анна');
    for (const [name, value, message] of cases) {
      field(s, name).select();
      await type(field(s, name), value);
      await press('Enter');
      await waitUntil(() => errorOf(s, name).includes(message), `no «${message}» for ${value}: ${errorOf(s, name)}`);
      expect(field(s, name).value, 'kept').to.equal(value);
      expect(field(s, 'firstName').value, 'other fields kept').to.equal('Анна');
    }
    await expect(link).to.be.accessible();
    expect(backend.requests.length, 'nothing was sent').to.equal(before);
    field(s, 'lastName').select();
    await type(field(s, 'lastName'), "Д'Артаньян-Иванова");
    field(s, 'birthDate').select();
    await type(field(s, 'birthDate'), '29.02.2012');
    await click(shadow(s).querySelector<HTMLInputElement>('input[value="female"]')!);
    await press('Enter');
    await step(link, 'sferum-step-create-profile');
  });

  it('reports errors to the host by kind only', async () => {
    const { link } = await start('vkid-variant-1');
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    const s = await step(link, 'sferum-step-password');
    const seen: unknown[] = [];
    link.addEventListener('sferum-error', (e) => seen.push((e as CustomEvent).detail));
    await fill(s, 'password', 'Secret-Wrong-1');
    await waitUntil(() => seen.length === 1, 'no sferum-error');
    expect(seen[0]).to.deep.equal({ kind: 'wrong-password', operation: 'submitStep' });
    expect(JSON.stringify(seen)).not.to.contain('Secret');
  });
});
