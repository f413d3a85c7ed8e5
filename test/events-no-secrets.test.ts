// Issue 10, item 5: no event carries what the user typed. The shadow roots are open, so a
// script on the host page can listen at the document or at any shadow root, and can wrap
// `dispatchEvent` to see even non-composed events. Each flow is driven by keys and clicks while
// every event is heard, and each event object is searched deeply for the typed secrets.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/sferum-link.js';
import { EventSpy } from './event-spy.js';
import { byText, click, field, fill, linkedCard, press, shadow, step, textOf, type } from './flow-helpers.js';
import { scenario } from './mocks.js';

const VKID_PHONE = [MOCK_CREDENTIALS.phone, MOCK_CREDENTIALS.phoneE164, '9521111111', '111-11-11'];
const MAX_TYPED = '8 (952) 123-45-67';
const MAX_PHONE = [MAX_TYPED, '+79521234567', '9521234567', '123-45-67'];
const WRONG_PASSWORD = 'Neverno-77!';
const WRONG_CODE = '999999';
const SECRETS = [
  ...VKID_PHONE,
  ...MAX_PHONE,
  MOCK_CREDENTIALS.password,
  WRONG_PASSWORD,
  MOCK_CREDENTIALS.smsCode,
  WRONG_CODE,
  MOCK_CREDENTIALS.emailCode,
  MOCK_CREDENTIALS.newPassword,
];

let spy: EventSpy | undefined;
afterEach(() => spy?.stop());

async function start(name: Parameters<typeof scenario>[0], vendor: string) {
  sessionStorage.clear();
  const mock = await scenario(name, { vendor });
  spy = new EventSpy().start();
  const link = await fixture<SferumLink>(html`<sferum-link vendor=${vendor} .adapter=${mock.adapter}></sferum-link>`);
  await waitUntil(() => shadow(link).querySelector('h2'), 'entry not shown', { timeout: 5000 });
  return { ...mock, link };
}

function expectNoSecretHeard(): void {
  const heard = spy!.typesHeard;
  // The spy works: it heard the person's keys and the kit's own public event.
  expect(heard).to.include.members(['keydown', 'input', 'sferum-link-status-change']);
  expect(spy!.carrying(SECRETS)).to.deep.equal([]);
}

describe('No secret in any event (issue 10, item 5)', function () {
  // Whole flows driven by keys and clicks: slower than one assertion on a shared machine.
  this.timeout(30_000);
  it('VK ID embedded: login, «←» back, a wrong password, a wrong code, profile, about you', async () => {
    const { link } = await start('vkid-variant-1', 'bars');
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    let s = await step(link, 'sferum-step-password');
    await click(shadow(s).querySelector<HTMLElement>('button.back')!);
    // VK ID shows the number it knows: the step data carries the phone, no event may.
    s = await step(link, 'sferum-step-login');
    expect(field(s, 'login').value).to.equal(MOCK_CREDENTIALS.phone);
    await click(byText(s, 'button', 'Продолжить'));
    s = await step(link, 'sferum-step-password');
    await fill(s, 'password', WRONG_PASSWORD);
    await waitUntil(() => textOf(s).includes('Неверный пароль'), 'no wrong-password message', { timeout: 5000 });
    await fill(s, 'password', MOCK_CREDENTIALS.password);
    s = await step(link, 'sferum-step-code');
    await fill(s, 'code', WRONG_CODE);
    await waitUntil(() => textOf(s).includes('Неверный код'), 'no wrong-code message', { timeout: 5000 });
    await fill(s, 'code', MOCK_CREDENTIALS.smsCode);
    s = await step(link, 'sferum-step-choose-profile');
    shadow(s).querySelector<HTMLInputElement>('input[type=radio]')!.focus();
    await press('Space');
    await click(byText(s, 'button', 'Продолжить в учебном профиле'));
    await click(byText(await step(link, 'sferum-step-about-you'), 'button', 'Продолжить'));
    await linkedCard(link);
    expectNoSecretHeard();
  });

  it('VK ID password recovery on MESH, to the consent dialog and the linked card', async () => {
    const { link } = await start('vkid-recovery', 'mesh');
    await click(byText(link, 'button', 'Перейти к подключению'));
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    await click(byText(await step(link, 'sferum-step-password'), 'button', 'Забыли или не установили пароль?'));
    await fill(await step(link, 'sferum-step-recovery-phone'), 'phone', MOCK_CREDENTIALS.phone);
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);
    await click(byText(await step(link, 'sferum-step-recovery-account'), 'button', 'Продолжить'));
    const method = await step(link, 'sferum-step-recovery-method');
    await click(byText(method, 'label', 'С помощью электронной почты'));
    await click(byText(method, 'button', 'Продолжить'));
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.emailCode);
    let s = await step(link, 'sferum-step-new-password');
    await type(field(s, 'password'), MOCK_CREDENTIALS.newPassword);
    await type(field(s, 'repeat'), MOCK_CREDENTIALS.newPassword);
    await press('Enter');
    s = await step(link, 'sferum-step-login');
    await click(byText(s, 'button', 'Продолжить'));
    await fill(await step(link, 'sferum-step-password'), 'password', MOCK_CREDENTIALS.password);
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);
    s = await step(link, 'sferum-step-choose-profile');
    shadow(s).querySelector<HTMLInputElement>('input[type=radio]')!.focus();
    await press('Space');
    await click(byText(s, 'button', 'Продолжить в учебном профиле'));
    s = await step(link, 'sferum-step-about-you');
    await type(field(s, 'lastName'), 'Власенков');
    await type(field(s, 'firstName'), 'Семён');
    await type(field(s, 'birthDate'), '12.12.1978');
    await click(shadow(s).querySelector<HTMLInputElement>('input[value="male"]')!);
    await click(byText(s, 'button', 'Продолжить'));
    s = await step(link, 'sferum-step-consent');
    await waitUntil(() => shadow(s).querySelector('dialog')!.open, 'the consent dialog did not open', { timeout: 5000 });
    await press('Enter');
    await linkedCard(link);
    expectNoSecretHeard();
  });

  it('MAX: an invalid phone, the phone, pending, «Проверить статус», linked', async () => {
    const { link, backend } = await start('max-confirmed', 'bars');
    await click(byText(link, 'button', 'Привязать через MAX'));
    let s = await step(link, 'sferum-step-max-phone');
    await fill(s, 'phone', '8 495 123-45-67');
    await waitUntil(() => textOf(s).includes('Это городской номер'), 'no landline message', { timeout: 5000 });
    field(s, 'phone').select();
    await fill(s, 'phone', MAX_TYPED);
    s = await step(link, 'sferum-step-max-pending');
    backend.decideMax('confirmed');
    await click(byText(s, 'button', 'Проверить статус'));
    await linkedCard(link);
    expect(shadow(link).querySelector('[part="phone"]')!.textContent).to.equal('+7 (952) 123-45-67');
    expectNoSecretHeard();
  });
});
