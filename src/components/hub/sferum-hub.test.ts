import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { click } from '../../../test/flow-helpers.js';
import { scenario } from '../../../test/mocks.js';
import '../../define/sferum-hub.js';
import type { SferumHub } from './sferum-hub.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');
const tab = (el: Element, label: string) => [...root(el).querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent!.includes(label))!;
const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

async function hub(name: Parameters<typeof scenario>[0], vendor = 'bars') {
  sessionStorage.clear();
  const mock = await scenario(name, { vendor });
  const el = await fixture<SferumHub>(html`<sferum-hub vendor=${vendor} .adapter=${mock.adapter}></sferum-hub>`);
  await waitUntil(() => root(el).querySelector('[part="phone"]'), 'no status', { timeout: 6000 });
  return { ...mock, el };
}

describe('<sferum-hub>', () => {
  it('linked: the phone, the tabs «Чаты» / «Видеоконференции» with the lists; axe clean', async () => {
    const { el } = await hub('linked');
    expect(root(el).querySelector('[part="phone"]')!.textContent).to.equal('+7 (952) 123-45-67');
    expect(text(el)).to.contain('Телефон, привязанный к Сферум');
    await waitUntil(() => root(el).querySelector('[role="tablist"]'));
    expect(tab(el, 'Чаты').getAttribute('aria-selected')).to.equal('true');
    const chats = root(el).querySelector('sferum-chats')!;
    await waitUntil(() => chats.shadowRoot?.querySelector('[role="table"]'), 'no chats', { timeout: 6000 });
    await expect(el).to.be.accessible();
  });

  it('tabs follow the ARIA pattern: arrows, Home and End move and select', async () => {
    const { el } = await hub('linked');
    await waitUntil(() => root(el).querySelector('[role="tablist"]'));
    tab(el, 'Чаты').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => tab(el, 'Видеоконференции').getAttribute('aria-selected') === 'true');
    expect(deepActive()).to.equal(tab(el, 'Видеоконференции'));
    expect(tab(el, 'Чаты').getAttribute('tabindex')).to.equal('-1');
    expect(root(el).querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal('tab-vcs');
    await waitUntil(() => root(el).querySelector('sferum-vcs'));
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => tab(el, 'Чаты').getAttribute('aria-selected') === 'true', 'did not wrap');
    await sendKeys({ press: 'End' });
    await waitUntil(() => tab(el, 'Видеоконференции').getAttribute('aria-selected') === 'true');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => tab(el, 'Чаты').getAttribute('aria-selected') === 'true');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => tab(el, 'Видеоконференции').getAttribute('aria-selected') === 'true');
    await click(tab(el, 'Чаты'));
    expect(tab(el, 'Чаты').getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows the notices: new school year (the seed\u2019s exact text) and restored', async () => {
    const { el } = await hub('linked-notices');
    await waitUntil(() => root(el).querySelectorAll('[part="notice"]').length === 2, 'no notices');
    expect(text(el)).to.contain('Вы были переведены на новый учебный год! Ниже будут отображены чаты, в которых вы являетесь участником.');
    expect(text(el)).to.contain('«Выпускники и отчисленные»');
    await expect(el).to.be.accessible();
  });

  it('Perm shows its security warning', async () => {
    const { el } = await hub('linked', 'perm');
    await waitUntil(() => root(el).querySelector('[part="notice"]'));
    expect(text(el)).to.contain('Никому не передавайте свои регистрационные данные');
  });

  it('unlinked: the entry to linking instead of empty lists, and an empty phone field', async () => {
    const { el } = await hub('unlinked');
    expect(root(el).querySelector('[part="phone"]')!.textContent).to.equal('');
    expect(root(el).querySelector('[role="tablist"]')).to.equal(null);
    expect(root(el).querySelector('sferum-chats')).to.equal(null);
    const link = root(el).querySelector('sferum-link')!;
    expect(link.shadowRoot!.querySelector('h2')!.textContent).to.equal('Авторизация в Сферум');
    await expect(el).to.be.accessible();
  });

  it('linking inside the hub shows the lists without a reload', async () => {
    const { el, backend } = await hub('unlinked');
    backend.reset('linked');
    const link = root(el).querySelector('sferum-link')!;
    link.retry();
    await waitUntil(() => root(el).querySelector('[role="tablist"]'), 'the tabs did not appear');
  });
});
