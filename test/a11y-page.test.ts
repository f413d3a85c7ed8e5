// Issue 10, item 9 (three of its parts): several widgets on one page, checked by axe over the
// whole page; the `heading-level` attribute; and every step's errors announced the same way.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MockBackend } from '../mocks/backend.js';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import { localAdapter } from '../mocks/local-adapter.js';
import type { SferumHub } from '../src/components/hub/sferum-hub.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/sferum-hub.js';
import '../src/define/sferum-link.js';
import { ManualClock, setClock } from '../src/controllers/clock.js';
import { byText, click, field, fill, press, shadow, step } from './flow-helpers.js';
import { scenario } from './mocks.js';

const backendOf = (name: ConstructorParameters<typeof MockBackend>[0], vendor = 'bars') => new MockBackend(name, { vendor, origin: location.origin });

/** Every heading in an element's shadow tree (nested elements included), as `h3 Text`. */
function headings(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (/^h[1-6]$/.test(el.localName)) out.push(`${el.localName} ${el.textContent!.trim()}`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root.shadowRoot!);
  return out;
}

/** The one live region of a step that reads its errors out, and what it holds. */
function announced(stepEl: Element): string {
  const regions = [...shadow(stepEl).querySelectorAll('[role="alert"], [aria-live]')];
  expect(regions, 'one live region per step').to.have.length(1);
  return regions[0]!.textContent!.trim();
}

describe('Two of each widget on one page (issue 10, item 9)', function () {
  // Whole flows driven by keys and clicks: slower than one assertion on a shared machine.
  this.timeout(30_000);
  it('entry cards, flows at the login step, linked cards and hubs, twice each: axe finds nothing over the whole page', async () => {
    sessionStorage.clear();
    const unlinked = localAdapter(backendOf('vkid-variant-1'));
    const linked = localAdapter(backendOf('linked'));
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Электронный журнал</h1>
      <sferum-link id="entry-1" vendor="bars" .adapter=${unlinked}></sferum-link>
      <sferum-link id="entry-2" vendor="bars" .adapter=${unlinked}></sferum-link>
      <sferum-link id="flow-1" vendor="bars" .adapter=${unlinked}></sferum-link>
      <sferum-link id="flow-2" vendor="mesh" .adapter=${unlinked}></sferum-link>
      <sferum-link id="linked-1" vendor="bars" .adapter=${linked}></sferum-link>
      <sferum-link id="linked-2" vendor="perm" .adapter=${linked}></sferum-link>
      <sferum-hub id="hub-1" vendor="bars" .adapter=${linked}></sferum-hub>
      <sferum-hub id="hub-2" vendor="perm" .adapter=${linked}></sferum-hub>
    </main>`);
    const links = [...page.querySelectorAll<SferumLink>('sferum-link')];
    await waitUntil(() => links.every((l) => shadow(l).querySelector('#title')), 'not every link loaded', { timeout: 8000 });
    for (const id of ['flow-1', 'flow-2']) {
      const link = page.querySelector<SferumLink>(`#${id}`)!;
      await click(byText(link, 'button', id === 'flow-1' ? 'Привязать учётную запись к Сферум' : 'Перейти к подключению'));
      await step(link, 'sferum-step-login');
    }
    const hubs = [...page.querySelectorAll<SferumHub>('sferum-hub')];
    await waitUntil(
      () => hubs.every((h) => h.shadowRoot!.querySelector('sferum-chats')?.shadowRoot?.querySelector('[role="table"]')),
      'the hubs\u2019 chats did not load',
      { timeout: 8000 },
    );
    await expect(page).to.be.accessible();
  });
});

describe('heading-level (issue 10, item 9)', function () {
  // Whole flows driven by keys and clicks: slower than one assertion on a shared machine.
  this.timeout(30_000);
  it('defaults to 2; sets the top heading of the card, the dialog one below', async () => {
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${localAdapter(backendOf('linked'))}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('#title'));
    expect(headings(link)).to.deep.equal(['h2 Учётная запись привязана к Сферум', 'h3 Отвязать учётную запись?']);
    link.headingLevel = 4;
    await link.updateComplete;
    expect(headings(link)).to.deep.equal(['h4 Учётная запись привязана к Сферум', 'h5 Отвязать учётную запись?']);
    expect(shadow(link).querySelector('h4')!.getAttribute('part')).to.equal('title');
  });

  it('as an attribute, on a page outline: the link\u2019s steps and the hub\u2019s link follow it; axe\u2019s heading order holds', async () => {
    sessionStorage.clear();
    const page = await fixture<HTMLElement>(html`<div>
      <h1>Дневник</h1>
      <h2>Сообщения</h2>
      <sferum-link heading-level="3" vendor="mesh" .adapter=${localAdapter(backendOf('vkid-variant-3', 'mesh'))}></sferum-link>
      <sferum-hub heading-level="3" .adapter=${localAdapter(backendOf('linked'))}></sferum-hub>
    </div>`);
    const link = page.querySelector<SferumLink>('sferum-link')!;
    const hub = page.querySelector<SferumHub>('sferum-hub')!;
    await waitUntil(() => shadow(link).querySelector('#title') && headings(hub).length > 0, 'not loaded', { timeout: 8000 });
    expect(headings(link)).to.deep.equal(['h3 Мессенджер не подключён']);
    expect(headings(hub)[0]).to.equal('h3 Учётная запись привязана к Сферум');
    await click(byText(link, 'button', 'Перейти к подключению'));
    // The step's heading is at the link's level, and takes focus when the step appears.
    await waitUntil(() => headings(link).includes('h3 Вход в VK ID'), 'the step heading is not h3', { timeout: 5000 });
    await expect(page).to.be.accessible();
    const stepEl = shadow(link).querySelector('sferum-link-flow')!.shadowRoot!.querySelector('sferum-step-login')!;
    expect(shadow(stepEl).activeElement?.localName).to.equal('h3');
  });
});

describe('Errors are announced the same way on every step (issue 10, item 9)', function () {
  // Whole flows driven by keys and clicks: slower than one assertion on a shared machine.
  this.timeout(30_000);
  it('MAX phone: the field\u2019s error is read out when it appears', async () => {
    sessionStorage.clear();
    const mock = await scenario('max-confirmed', { vendor: 'bars' });
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('#title'), 'entry', { timeout: 5000 });
    await click(byText(link, 'button', 'Привязать через MAX'));
    const s = await step(link, 'sferum-step-max-phone');
    expect(announced(s)).to.equal('');
    await fill(s, 'phone', '8 495 123-45-67');
    await waitUntil(() => announced(s).includes('Это городской номер'), 'the field error was not announced', { timeout: 5000 });
    expect(shadow(s).querySelector('#f-phone-error')!.closest('[role], [aria-live]'), 'the field message itself is not a second live region').to.equal(null);
    await expect(link).to.be.accessible();
  });

  it('VK ID: the backend\u2019s field error, the same one twice, a step-wide error and a local one', async () => {
    sessionStorage.clear();
    const mock = await scenario('vkid-variant-1', { vendor: 'bars' });
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('#title'), 'entry', { timeout: 5000 });
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    let s = await step(link, 'sferum-step-login');
    // A step-wide error from the backend (a phone linked to another journal account).
    await fill(s, 'login', '+7 952 000-00-01');
    await waitUntil(() => announced(s).includes('уже совершена привязка'), 'the step error was not announced', { timeout: 5000 });
    expect(shadow(s).querySelectorAll('[role="alert"]')).to.have.length(1);
    field(s, 'login').select();
    await fill(s, 'login', MOCK_CREDENTIALS.phone);
    await fill(await step(link, 'sferum-step-password'), 'password', MOCK_CREDENTIALS.password);
    s = await step(link, 'sferum-step-code');
    // A field error the backend ties to the code field, then the same error again.
    await fill(s, 'code', '999999');
    await waitUntil(() => announced(s).startsWith('Неверный код'), 'the wrong code was not announced', { timeout: 5000 });
    const first = shadow(s).querySelector('[role="alert"]')!.textContent;
    await fill(s, 'code', '999998');
    await waitUntil(() => shadow(s).querySelector('[role="alert"]')!.textContent !== first, 'the same error twice was not announced again', { timeout: 5000 });
    expect(announced(s)).to.match(/^Неверный код/);
    // A local check.
    await fill(s, 'code', '12');
    await waitUntil(() => announced(s) === 'В коде должно быть 6 цифр.', 'the local error was not announced', { timeout: 5000 });
    await fill(s, 'code', MOCK_CREDENTIALS.smsCode.slice(2));
    s = await step(link, 'sferum-step-choose-profile');
    await click(byText(s, 'button', 'Продолжить в учебном профиле'));
    await waitUntil(() => announced(s) === 'Выберите профиль.', 'the choice error was not announced', { timeout: 5000 });
  });

  it('a wait counting down is read out once, not every second', async () => {
    sessionStorage.clear();
    const clock = new ManualClock();
    const restore = setClock(clock);
    try {
      const mock = await scenario('vkid-variant-1', { vendor: 'bars' });
      mock.backend.now = () => clock.now();
      const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
      await waitUntil(() => shadow(link).querySelector('#title'), 'entry', { timeout: 5000 });
      await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
      await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
      const s = await step(link, 'sferum-step-password');
      for (const attempt of ['Neverno-1!', 'Neverno-2!']) {
        await fill(s, 'password', attempt);
        await waitUntil(() => announced(s).startsWith('Неверный пароль'), 'no wrong-password announcement', { timeout: 5000 });
      }
      await fill(s, 'password', 'Neverno-3!');
      await waitUntil(() => announced(s).startsWith('Слишком много попыток'), 'the wait was not announced', { timeout: 5000 });
      const first = announced(s);
      const shown = () => shadow(s).querySelector('.field-error, .alert')!.textContent!.trim();
      expect(shown()).to.equal(first);
      clock.advance(3000);
      await waitUntil(() => shown() !== first, 'the visible wait did not count down', { timeout: 5000 });
      expect(announced(s), 'the live region keeps the first sentence').to.equal(first);
    } finally {
      restore();
    }
  });

  it('MESH consent: an error inside the dialog is read out from inside it', async () => {
    sessionStorage.clear();
    const mock = await scenario('vkid-known-session', { vendor: 'mesh' });
    const link = await fixture<SferumLink>(html`<sferum-link vendor="mesh" .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('#title'), 'entry', { timeout: 5000 });
    await click(byText(link, 'button', 'Перейти к подключению'));
    await click(byText(await step(link, 'sferum-step-known-account'), 'button', 'Продолжить'));
    await click(byText(await step(link, 'sferum-step-about-you'), 'button', 'Продолжить'));
    const s = await step(link, 'sferum-step-consent');
    await waitUntil(() => shadow(s).querySelector('dialog')!.open, 'no dialog', { timeout: 5000 });
    mock.backend.forcedFault = '500';
    await press('Enter');
    await waitUntil(() => announced(s).length > 0, 'the error was not announced', { timeout: 5000 });
    expect(shadow(s).querySelector('[role="alert"]')!.closest('dialog'), 'inside the modal dialog').to.not.equal(null);
    await expect(link).to.be.accessible();
  });
});
