// SMS codes filled in by the phone itself (WebOTP, issue 14): the browser's credential API is
// stubbed (a headless browser receives no SMS); everything else is the real flow.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/sferum-link.js';
import { byText, click, field, fill, press, shadow, step, textOf, type } from './flow-helpers.js';
import { scenario } from './mocks.js';

interface OtpCall {
  options: CredentialRequestOptions & { otp?: { transport: string[] } };
  resolve: (code: string) => void;
  reject: (error: unknown) => void;
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** Stands in for the phone: each `navigator.credentials.get` call waits until the test answers it. */
function stubWebOtp(options: { supported?: boolean } = {}): OtpCall[] {
  const calls: OtpCall[] = [];
  const win = window as unknown as Record<string, unknown>;
  const hadOtp = Object.getOwnPropertyDescriptor(window, 'OTPCredential');
  if (options.supported === false) delete win['OTPCredential'];
  else if (!('OTPCredential' in window)) win['OTPCredential'] = class OTPCredential {};
  Object.defineProperty(navigator.credentials, 'get', {
    configurable: true,
    value: (requestOptions: OtpCall['options']) =>
      new Promise((resolve, reject) => {
        const call: OtpCall = { options: requestOptions, resolve: (code) => resolve({ type: 'otp', id: '', code }), reject };
        calls.push(call);
        requestOptions.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      }),
  });
  restore = () => {
    delete (navigator.credentials as unknown as Record<string, unknown>)['get'];
    if (hadOtp) Object.defineProperty(window, 'OTPCredential', hadOtp);
    else delete win['OTPCredential'];
  };
  return calls;
}

async function toCodeStep(name: Parameters<typeof scenario>[0] = 'vkid-variant-1') {
  sessionStorage.clear();
  const mock = await scenario(name, { vendor: 'bars' });
  const link = await fixture<SferumLink>(html`<sferum-link vendor="bars" .adapter=${mock.adapter}></sferum-link>`);
  await waitUntil(() => shadow(link).querySelector('h2'), 'entry not shown', { timeout: 5000 });
  await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
  await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
  await fill(await step(link, 'sferum-step-password'), 'password', MOCK_CREDENTIALS.password);
  const code = await step(link, 'sferum-step-code');
  return { ...mock, link, code };
}

describe('WebOTP on an SMS code step', () => {
  it('asks the browser for the SMS code, fills the field and submits it; nothing logs the code', async () => {
    const calls = stubWebOtp();
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m) => (console[m] = (...args: unknown[]) => logged.push(args.map(String).join(' '))));
    try {
      const { link, code } = await toCodeStep();
      await waitUntil(() => calls.length === 1, 'no WebOTP request');
      expect(calls[0]!.options.otp).to.deep.equal({ transport: ['sms'] });
      expect(calls[0]!.options.signal).to.be.instanceOf(AbortSignal);
      expect(calls[0]!.options.signal!.aborted).to.equal(false);
      expect(field(code, 'code').value, 'nothing until the SMS comes').to.equal('');
      calls[0]!.resolve(MOCK_CREDENTIALS.smsCode);
      const next = await step(link, 'sferum-step-choose-profile');
      expect(textOf(next)).to.contain('Выберите профиль для связки');
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]!));
    }
    expect(logged.filter((line) => line.includes(MOCK_CREDENTIALS.smsCode))).to.deep.equal([]);
  });

  it('the user types: the request is aborted and a late answer changes nothing', async () => {
    const calls = stubWebOtp();
    const { code, backend } = await toCodeStep();
    await waitUntil(() => calls.length === 1);
    const signal = calls[0]!.options.signal!;
    await type(field(code, 'code'), '12');
    expect(signal.aborted).to.equal(true);
    const sent = backend.requests.length;
    calls[0]!.resolve(MOCK_CREDENTIALS.smsCode);
    await new Promise((r) => setTimeout(r, 50));
    expect(field(code, 'code').value).to.equal('12');
    expect(backend.requests.length, 'nothing submitted').to.equal(sent);
    // The typed code still goes the usual way.
    await type(field(code, 'code'), '3456');
    await press('Enter');
    await waitUntil(() => backend.requests.length > sent, 'the typed code was not sent');
  });

  it('the step changes (another method, the call): the request is aborted, and a call step asks for none', async () => {
    const calls = stubWebOtp();
    const { link, code } = await toCodeStep();
    await waitUntil(() => calls.length === 1);
    await click(byText(code, 'button', 'Подтвердить другим способом'));
    await waitUntil(() => calls[0]!.options.signal!.aborted, 'not aborted when the step changed');
    const call = await step(link, 'sferum-step-code');
    await waitUntil(() => textOf(call).includes('звонок'), 'not the call step');
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.length, 'no WebOTP for a call-reset code').to.equal(1);
  });

  it('the element is removed: the request is aborted', async () => {
    const calls = stubWebOtp();
    const { link } = await toCodeStep();
    await waitUntil(() => calls.length === 1);
    link.remove();
    expect(calls[0]!.options.signal!.aborted).to.equal(true);
  });

  it('a browser without WebOTP is not asked; the code is typed as always', async () => {
    const calls = stubWebOtp({ supported: false });
    const { link, code } = await toCodeStep();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).to.have.length(0);
    await fill(code, 'code', MOCK_CREDENTIALS.smsCode);
    await step(link, 'sferum-step-choose-profile');
  });

  it('an SMS that is not a code of the step\u2019s length is not submitted', async () => {
    const calls = stubWebOtp();
    const { code, backend } = await toCodeStep();
    await waitUntil(() => calls.length === 1);
    const sent = backend.requests.length;
    calls[0]!.resolve('12');
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.requests.length).to.equal(sent);
    expect(field(code, 'code').value).to.equal('');
  });
});
