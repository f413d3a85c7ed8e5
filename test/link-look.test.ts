// Issue 11 items 3, 8 and issue 10 item 9: the linked card and its success message, the loading
// skeleton, the vendor's accent in dark, field borders of 3:1, and what forced colours keep.
// Colours are read from the browser's computed styles, as the person's browser paints them.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import { ManualClock, setClock } from '../src/controllers/clock.js';
import '../src/define/sferum-link.js';
import { byText, click, contrast, fill, liveRegionLog, linkedCard, press, shadow, step, textOf } from './flow-helpers.js';
import { scenario } from './mocks.js';

async function card(vendor: string, options: { theme?: string; lang?: string; width?: number; scenarioName?: Parameters<typeof scenario>[0] } = {}) {
  sessionStorage.clear();
  const mock = await scenario(options.scenarioName ?? 'linked', { vendor });
  const wrapper = await fixture<HTMLElement>(html`<div lang=${options.lang ?? 'ru'}>
    <sferum-link vendor=${vendor} theme=${options.theme ?? 'light'} .adapter=${mock.adapter}></sferum-link>
  </div>`);
  if (options.width) wrapper.style.width = `${options.width}px`;
  const link = wrapper.querySelector<SferumLink>('sferum-link')!;
  await waitUntil(() => shadow(link).querySelector('[part="phone"], h2, [part="error"]'), 'nothing shown', { timeout: 5000 });
  return { ...mock, link };
}

describe('<sferum-link> the linked card', () => {
  for (const theme of ['light', 'dark']) {
    it(`${theme}: the phone is text with a linked mark on one line, and unlinking is a quiet danger action`, async () => {
      const { link } = await card('bars', { theme, width: 320 });
      const phone = shadow(link).querySelector<HTMLElement>('[part="phone"]')!;
      expect(phone.textContent).to.equal('+7 (952) 123-45-67');
      expect(phone.closest('output, input'), 'no read-only field').to.equal(null);
      const style = getComputedStyle(phone);
      expect(style.borderTopWidth, 'no box around the phone').to.equal('0px');
      expect(style.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
      expect(phone.getBoundingClientRect().height, 'one line at 320 px').to.be.at.most(24);
      expect(phone.previousElementSibling?.matches('svg.mark'), 'the linked mark').to.equal(true);
      const go = byText(link, 'a', 'Перейти в Сферум');
      const unlink = byText(link, 'button', 'Отвязать учётную запись');
      expect(getComputedStyle(go).backgroundColor, 'the one main action is filled').not.to.equal('rgba(0, 0, 0, 0)');
      expect(getComputedStyle(unlink).backgroundColor, 'unlinking is not filled').to.equal('rgba(0, 0, 0, 0)');
      expect(getComputedStyle(unlink).borderTopColor, 'nor outlined').to.equal('rgba(0, 0, 0, 0)');
      const danger = theme === 'light' ? 'rgb(180, 35, 24)' : 'rgb(255, 148, 146)';
      expect(getComputedStyle(unlink).color, 'in the danger colour').to.equal(danger);
      expect(contrast(getComputedStyle(unlink).color, getComputedStyle(shadow(link).querySelector('.card')!).backgroundColor)).to.be.at.least(4.5);
      await expect(link).to.be.accessible();
    });
  }

  it('English: the same card in English', async () => {
    const { link } = await card('bars', { lang: 'en' });
    await waitUntil(() => textOf(link).includes('Phone linked to Sferum'), 'not in English');
    expect(byText(link, 'button', 'Unlink the journal account')).to.exist;
    await expect(link).to.be.accessible();
  });

  it('loading is a skeleton of the card to come, about its height, and says «Загрузка…»', async () => {
    sessionStorage.clear();
    const mock = await scenario('unlinked', { vendor: 'bars' });
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const slow: SferumAdapter = { ...mock.adapter, getLinkStatus: async (signal) => (await held, mock.adapter.getLinkStatus(signal)) };
    const wrapper = await fixture<HTMLElement>(html`<div><sferum-link vendor="bars" .adapter=${slow}></sferum-link></div>`);
    wrapper.style.width = '600px';
    const link = wrapper.querySelector<SferumLink>('sferum-link')!;
    await waitUntil(() => shadow(link).querySelector('.skeleton'), 'no skeleton');
    expect(shadow(link).querySelector('[role="status"]')!.textContent).to.equal('Загрузка…');
    expect(shadow(link).querySelector('.spinner'), 'no spinner strip').to.equal(null);
    await expect(link).to.be.accessible();
    const skeleton = link.getBoundingClientRect().height;
    answer();
    await waitUntil(() => shadow(link).querySelector('h2'), 'no entry');
    const entry = link.getBoundingClientRect().height;
    expect(Math.abs(entry - skeleton), `skeleton ${skeleton} px, entry ${entry} px`).to.be.at.most(48);
  });
});

describe('<sferum-link> after linking', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  for (const lang of ['ru', 'en']) {
    it(`${lang}: a visible message, read out once, stays a few seconds; the element does not collapse meanwhile`, async () => {
      sessionStorage.clear();
      const clock = new ManualClock();
      restore = setClock(clock);
      const mock = await scenario('max-confirmed', { vendor: 'bars', pollIntervalMs: 2000 });
      mock.backend.now = () => clock.now();
      const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><sferum-link vendor="bars" .adapter=${mock.adapter}></sferum-link></div>`);
      wrapper.style.width = '720px';
      const link = wrapper.querySelector<SferumLink>('sferum-link')!;
      const t = lang === 'ru' ? { max: 'Привязать через MAX', check: 'Проверить статус', done: 'Готово: учебный профиль Сферум привязан.' } : { max: 'Link through MAX', check: 'Check status', done: 'Done: your Sferum educational profile is linked.' };
      await waitUntil(() => shadow(link).querySelector('h2'), 'no entry', { timeout: 5000 });
      await click(byText(link, 'button', t.max));
      await fill(await step(link, 'sferum-step-max-phone'), 'phone', '8 952 123-45-67');
      const pending = await step(link, 'sferum-step-max-pending');
      const region = shadow(link).querySelector<HTMLElement>('[part="message"]')!;
      const heard = liveRegionLog(region);
      const flowHeight = link.getBoundingClientRect().height;
      await click(byText(pending, 'button', t.check));
      await waitUntil(() => mock.backend.requests.filter((r) => r.endsWith('/status')).length === 1, 'no first check');
      await click(byText(await step(link, 'sferum-step-max-pending'), 'button', t.check));
      await linkedCard(link);
      await link.updateComplete;
      expect(region.textContent!.trim()).to.equal(t.done);
      expect(region.getBoundingClientRect().height, 'visible, not screen-reader text only').to.be.greaterThan(30);
      expect(link.getBoundingClientRect().height, `the card keeps the flow's height (${flowHeight} px)`).to.be.at.least(flowHeight - 1);
      expect(shadow(link).activeElement?.id).to.equal('title');
      await expect(link).to.be.accessible();
      for (const animation of region.getAnimations()) animation.finish();
      await waitUntil(() => region.textContent!.trim() === '', 'the message stayed');
      expect(heard).to.deep.equal([t.done]);
      await waitUntil(() => link.getBoundingClientRect().height < flowHeight - 100, 'the card did not settle to its own height', { timeout: 3000 });
    });
  }
});

describe('the shared look: dark accents, field borders, forced colours', () => {
  it('dark keeps the vendor accent: BARS and MESH differ, each lightened for the dark surface; the host may set its own', async () => {
    const bars = (await card('bars', { theme: 'dark' })).link;
    const barsGo = getComputedStyle(byText(bars, 'a', 'Перейти в Сферум')).backgroundColor;
    const mesh = (await card('mesh', { theme: 'dark' })).link;
    const meshGo = getComputedStyle(byText(mesh, 'a', 'Перейти в Сферум')).backgroundColor;
    expect(barsGo).to.equal('rgb(102, 166, 230)');
    expect(meshGo).to.equal('rgb(85, 151, 246)');
    const surface = getComputedStyle(shadow(bars).querySelector('.card')!).backgroundColor;
    for (const [el, accent] of [[bars, barsGo], [mesh, meshGo]] as const) {
      expect(contrast(accent, surface), 'a link in the accent reads on the surface').to.be.at.least(4.5);
      expect(contrast(accent, getComputedStyle(byText(el, 'a', 'Перейти в Сферум')).color), 'the button text on it').to.be.at.least(4.5);
    }
    bars.style.setProperty('--sferum-color-accent-dark', '#7fb0ff');
    expect(getComputedStyle(byText(bars, 'a', 'Перейти в Сферум')).backgroundColor).to.equal('rgb(127, 176, 255)');
    const light = (await card('bars')).link;
    expect(getComputedStyle(byText(light, 'a', 'Перейти в Сферум')).backgroundColor, 'light is as it was').to.equal('rgb(30, 107, 184)');
  });

  for (const theme of ['light', 'dark']) {
    it(`${theme}: a field's border reaches 3:1 against the surface (WCAG 1.4.11), and --sferum-color-field-border sets it`, async () => {
      const { link } = await card('bars', { theme, scenarioName: 'vkid-variant-1' });
      await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
      const s = await step(link, 'sferum-step-login');
      const input = shadow(s).querySelector<HTMLInputElement>('input[name="login"]')!;
      const { borderTopColor, backgroundColor } = getComputedStyle(input);
      const ratio = contrast(borderTopColor, backgroundColor);
      expect(ratio, `${borderTopColor} on ${backgroundColor}`).to.be.at.least(3);
      link.style.setProperty('--sferum-color-field-border', '#123456');
      expect(getComputedStyle(input).borderTopColor).to.equal('rgb(18, 52, 86)');
    });
  }

  describe('forced colours (a Windows contrast theme)', () => {
    before(() => executeServerCommand('forced-colors', { active: true }));
    after(() => executeServerCommand('forced-colors', { active: false }));

    it('the main action and a secondary one look different; the quiet unlink is underlined', async () => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const { link } = await card('bars', { scenarioName: 'unlinked' });
      const main = getComputedStyle(byText(link, 'button', 'Привязать учётную запись к Сферум'));
      const other = getComputedStyle(byText(link, 'button', 'Привязать через MAX'));
      const canvas = getComputedStyle(shadow(link).querySelector('.card')!).backgroundColor;
      // Without its own rule the system paints every button alike: the main one on the page's Canvas.
      expect(contrast(main.backgroundColor, canvas), `the main action is filled (${main.backgroundColor} on ${canvas})`).to.be.at.least(3);
      expect(other.backgroundColor, 'the secondary one is not').not.to.equal(main.backgroundColor);
      expect(contrast(main.backgroundColor, main.color)).to.be.at.least(4.5);
      const linked = (await card('bars')).link;
      expect(getComputedStyle(byText(linked, 'button', 'Отвязать учётную запись')).textDecorationLine).to.equal('underline');
    });

    it('an error keeps a cue beyond its text: the field its thick edge, the message its «!», the box its border', async () => {
      const { link } = await card('bars', { scenarioName: 'vkid-variant-1' });
      await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
      const s = await step(link, 'sferum-step-login');
      const input = shadow(s).querySelector<HTMLInputElement>('input[name="login"]')!;
      const edge = getComputedStyle(input).borderInlineStartWidth;
      input.focus();
      await press('Enter');
      await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'no error');
      expect(getComputedStyle(input).borderInlineStartWidth, `was ${edge}`).to.equal('6px');
      const message = shadow(s).querySelector('.field-error')!;
      expect(getComputedStyle(message, '::before').content).to.match(/"!"/);
      expect(getComputedStyle(message, '::before').borderTopWidth).not.to.equal('0px');
      const fault = (await card('bars', { scenarioName: 'fault-500' })).link;
      await waitUntil(() => shadow(fault).querySelector('.error'), 'no error box', { timeout: 5000 });
      const box = getComputedStyle(shadow(fault).querySelector('.error')!);
      expect(parseFloat(box.borderInlineStartWidth)).to.be.at.least(4);
      expect(box.borderInlineStartStyle).to.equal('solid');
    });
  });
});
