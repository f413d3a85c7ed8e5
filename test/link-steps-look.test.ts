// Issue 11 items 4, 5, 8 and the leftovers: the steps as a parent sees them on a phone — the eye
// toggle inside the password field, phones in the kit's format on one line, the VK ID panel folded
// to one line below 560 px, choices as cards over native radios, our own avatar and wordmarks, a
// flow that ends unlinked, the date hint as a text, and a wait that is read out once.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { sendMouse } from '@web/test-runner-commands';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/sferum-link.js';
import { byText, click, field, fill, heading, liveRegionLog, press, shadow, step, textOf, type, wizardOf } from './flow-helpers.js';
import { scenario } from './mocks.js';

const START = { ru: 'Привязать учётную запись к Сферум', en: 'Link your journal account to Sferum' };

async function flow(name: Parameters<typeof scenario>[0], options: { width?: number; lang?: 'ru' | 'en'; vendor?: string; messages?: object } = {}) {
  sessionStorage.clear();
  const vendor = options.vendor ?? 'bars';
  const mock = await scenario(name, { vendor });
  const wrapper = await fixture<HTMLElement>(html`<div lang=${options.lang ?? 'ru'}>
    <sferum-link vendor=${vendor} .messages=${options.messages} .adapter=${mock.adapter}></sferum-link>
  </div>`);
  wrapper.style.width = `${options.width ?? 720}px`;
  const link = wrapper.querySelector<SferumLink>('sferum-link')!;
  await waitUntil(() => shadow(link).querySelector('h2'), 'no entry', { timeout: 5000 });
  await click(byText(link, 'button', START[options.lang ?? 'ru']));
  return { ...mock, link };
}

async function toPassword(link: SferumLink) {
  await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
  return step(link, 'sferum-step-password');
}

const lineHeight = (el: Element) => el.getBoundingClientRect().height;

describe('the password step at 360 px', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`${lang}: the eye toggle sits inside a wide field, keeps its size, is a labelled toggle; the phone is on one line`, async () => {
      const { link } = await flow('vkid-variant-1', { width: 360, lang });
      const s = await toPassword(link);
      const input = field(s, 'password');
      const toggle = shadow(s).querySelector<HTMLButtonElement>('button[aria-pressed]')!;
      const label = lang === 'ru' ? 'Показать пароль' : 'Show password';
      expect(toggle.getAttribute('aria-label')).to.equal(label);
      const box = input.getBoundingClientRect();
      const before = toggle.getBoundingClientRect();
      expect(box.width, 'the field keeps the width of the card').to.be.at.least(250);
      expect(before.left >= box.left && before.right <= box.right && before.top >= box.top && before.bottom <= box.bottom, 'inside the field').to.equal(true);
      await type(input, 'secret');
      await press('Tab');
      expect(shadow(s).activeElement, 'the next stop after the field').to.equal(toggle);
      await press('Space');
      await waitUntil(() => toggle.getAttribute('aria-pressed') === 'true', 'not pressed');
      expect(input.type).to.equal('text');
      expect(toggle.getAttribute('aria-label'), 'the name of a toggle stays').to.equal(label);
      const after = toggle.getBoundingClientRect();
      expect([after.width, after.height]).to.deep.equal([before.width, before.height]);
      expect(input.getBoundingClientRect().width).to.equal(box.width);
      await click(toggle);
      await waitUntil(() => toggle.getAttribute('aria-pressed') === 'false', 'not released');
      expect(input.type).to.equal('password');
      expect(input.value, 'what was typed stays').to.equal('secret');
      const phone = byText(s, '.nowrap', '+7 (952) 111-11-11');
      expect(lineHeight(phone), 'one line').to.be.at.most(22);
      await expect(link).to.be.accessible();
    });
  }

  it('the SMS code step: a masked phone stays on one line too', async () => {
    const { link } = await flow('vkid-variant-1', { width: 320 });
    await fill(await toPassword(link), 'password', MOCK_CREDENTIALS.password);
    const s = await step(link, 'sferum-step-code');
    const phone = byText(s, '.nowrap', '+7 *** ***-**-11');
    expect(getComputedStyle(phone).whiteSpace).to.equal('nowrap');
    expect(lineHeight(phone)).to.be.at.most(22);
  });
});

describe('the VK ID side panel', () => {
  it('below 560 px of the element: one line that opens, and the field is on the first screen of a phone', async () => {
    const { link } = await flow('vkid-variant-1', { width: 360 });
    const s = await step(link, 'sferum-step-login');
    const wizard = wizardOf(link)!;
    const folded = shadow(wizard).querySelector<HTMLDetailsElement>('details.panel')!;
    expect(getComputedStyle(shadow(wizard).querySelector('div.panel')!).display).to.equal('none');
    expect(getComputedStyle(folded).display).not.to.equal('none');
    const summary = folded.querySelector('summary')!;
    expect(lineHeight(summary), 'one line').to.be.at.most(30);
    expect(summary.querySelector('svg.wordmark'), 'our VK ID wordmark').to.exist;
    const fieldTop = field(s, 'login').getBoundingClientRect().bottom - link.getBoundingClientRect().top;
    expect(fieldTop, 'the field is near the top').to.be.at.most(300);
    summary.focus();
    await press('Enter');
    await waitUntil(() => folded.open, 'did not open');
    expect(textOf(wizard)).to.contain('Общение в защищённом от посторонних лиц пространстве');
    await expect(link).to.be.accessible();
  });

  it('wide: the full panel beside the step, with the wordmark; the fold is not there', async () => {
    const { link } = await flow('vkid-variant-1', { width: 800 });
    await step(link, 'sferum-step-login');
    const wizard = wizardOf(link)!;
    const panel = shadow(wizard).querySelector<HTMLElement>('div.panel')!;
    expect(getComputedStyle(panel).display).not.to.equal('none');
    expect(getComputedStyle(shadow(wizard).querySelector('details.panel')!).display).to.equal('none');
    expect(panel.querySelector('svg.wordmark[aria-hidden="true"]')).to.exist;
  });
});

describe('choices, avatars and wordmarks', () => {
  it('profiles are cards over native radios: a click or the arrows choose, the chosen card is marked', async () => {
    const { link } = await flow('vkid-variant-1');
    await fill(await toPassword(link), 'password', MOCK_CREDENTIALS.password);
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);
    const s = await step(link, 'sferum-step-choose-profile');
    const cards = [...shadow(s).querySelectorAll<HTMLLabelElement>('label.pick')];
    expect(cards.length).to.equal(2);
    const idle = getComputedStyle(cards[1]!).borderTopColor;
    await click(cards[0]!);
    const radios = cards.map((c) => c.querySelector('input[type="radio"]') as HTMLInputElement);
    expect(radios[0]!.checked).to.equal(true);
    expect(getComputedStyle(cards[0]!).borderTopColor, 'the chosen card in the accent').to.equal('rgb(30, 107, 184)');
    expect(getComputedStyle(cards[0]!).backgroundColor).not.to.equal(getComputedStyle(cards[1]!).backgroundColor);
    await press('ArrowDown');
    expect(radios[1]!.checked, 'the arrows move the choice').to.equal(true);
    // The pointer leaves the first card (its hover edge is the accent too).
    await sendMouse({ type: 'move', position: [0, 0] });
    expect(getComputedStyle(cards[0]!).borderTopColor).to.equal(idle);
    expect(getComputedStyle(cards[1]!).borderTopColor).to.equal('rgb(30, 107, 184)');
    await expect(link).to.be.accessible();
  });

  it('«Создайте учебный профиль»: our own avatar, no emoji', async () => {
    const { link } = await flow('vkid-variant-2');
    await fill(await toPassword(link), 'password', MOCK_CREDENTIALS.password);
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);
    const s = await step(link, 'sferum-step-create-profile');
    expect(shadow(s).querySelector('.avatar svg.avatar-icon')).to.exist;
    expect(textOf(s)).not.to.match(/\p{Extended_Pictographic}/u);
  });

  it('MAX steps carry our MAX wordmark', async () => {
    sessionStorage.clear();
    const mock = await scenario('max-confirmed', { vendor: 'bars' });
    const link = await fixture<SferumLink>(html`<sferum-link vendor="bars" .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'), 'no entry', { timeout: 5000 });
    await click(byText(link, 'button', 'Привязать через MAX'));
    const phone = await step(link, 'sferum-step-max-phone');
    expect(shadow(phone).querySelector('svg.wordmark')).to.exist;
    await fill(phone, 'phone', '8 952 123-45-67');
    expect(shadow(await step(link, 'sferum-step-max-pending')).querySelector('svg.wordmark')).to.exist;
  });
});

describe('leftovers', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`${lang}: the login step's consent line ends in one full stop`, async () => {
      const { link } = await flow('vkid-variant-1', { lang });
      const s = await step(link, 'sferum-step-login');
      const hint = textOf(s);
      expect(hint).to.match(lang === 'ru' ? /политику конфиденциальности\./ : /privacy policy\./);
      expect(hint).not.to.match(/\.\s*\./);
    });
  }

  for (const lang of ['ru', 'en'] as const) {
    it(`${lang}: a flow that ends with the account not linked says so, and offers to start again`, async () => {
      const { link, worker } = await flow('vkid-variant-1', { lang });
      const s = await step(link, 'sferum-step-login');
      worker.use(
        http.post('*/api/sferum/link/flows/:flowId/steps/:stepId', ({ params }) =>
          HttpResponse.json({ flowId: params['flowId'], method: 'vkid', step: { id: 'ended', kind: 'done', status: { state: 'unlinked' } } }),
        ),
      );
      await fill(s, 'login', MOCK_CREDENTIALS.phone);
      const done = await step(link, 'sferum-step-done');
      const t = lang === 'ru' ? { title: 'Учётная запись не привязана', again: 'Попробовать снова' } : { title: 'The journal account is not linked', again: 'Try again' };
      expect(heading(done)).to.equal(t.title);
      expect(textOf(done), 'not the linked title').not.to.contain(lang === 'ru' ? 'Учётная запись привязана' : 'Journal account linked');
      expect(shadow(link).querySelector('[part="phone"]'), 'no linked card').to.equal(null);
      await expect(link).to.be.accessible();
      worker.resetHandlers();
      await click(byText(done, 'button', t.again));
      await step(link, 'sferum-step-login');
    });
  }

  it('the date hint is a text: Russian, English, and a host may change it', async () => {
    for (const [lang, messages, hint] of [
      ['ru', undefined, 'ДД.ММ.ГГГГ'],
      ['en', undefined, 'DD.MM.YYYY'],
      ['ru', { ru: { aboutBirthDateHint: 'например, 01.09.2010' } }, 'например, 01.09.2010'],
    ] as const) {
      const { link } = await flow('vkid-variant-1', { lang, messages });
      await fill(await toPassword(link), 'password', MOCK_CREDENTIALS.password);
      await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);
      const choose = await step(link, 'sferum-step-choose-profile');
      await click(shadow(choose).querySelector<HTMLElement>('label.pick')!);
      await click(shadow(choose).querySelector<HTMLElement>('button[type="submit"]')!);
      const s = await step(link, 'sferum-step-about-you');
      expect(shadow(s).querySelector('#f-birthDate-hint')!.textContent).to.equal(hint);
    }
  });

  it('the code step: «Слишком много попыток» counts down on screen, and is read out once', async () => {
    const { link } = await flow('vkid-variant-1');
    await fill(await toPassword(link), 'password', MOCK_CREDENTIALS.password);
    const s = await step(link, 'sferum-step-code');
    const regions = [...shadow(s).querySelectorAll('[role="alert"], [role="status"], [role="timer"], [aria-live]')];
    const heard = regions.map((r) => liveRegionLog(r));
    for (let i = 0; i < 3; i++) {
      await fill(s, 'code', '999999');
      await waitUntil(() => !s.hasAttribute('busy') && textOf(s).includes(i < 2 ? 'Неверный код' : 'Слишком много попыток'), `no answer ${i + 1}`);
    }
    const box = shadow(s).querySelector('.alert')!;
    const first = box.textContent;
    expect(first).to.match(/Повторите через \d:\d\d/);
    await waitUntil(() => box.textContent !== first, 'the wait does not count down', { timeout: 3000 });
    const second = box.textContent;
    await waitUntil(() => box.textContent !== second, 'the wait stopped', { timeout: 3000 });
    const waits = heard.flat().filter((text) => text.includes('Слишком много попыток'));
    expect(waits, `heard: ${JSON.stringify(heard)}`).to.have.length(1);
    await expect(link).to.be.accessible();
  });
});
