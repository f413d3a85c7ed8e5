import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse, http } from 'msw';
import { click } from '../../../test/flow-helpers.js';
import { scenario } from '../../../test/mocks.js';
import '../../define/sferum-hub.js';
import type { SferumHub } from './sferum-hub.js';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => root(el).textContent!.replace(/\s+/g, ' ');
const linkOf = (el: SferumHub) => root(el).querySelector('sferum-link')!;
/** The text a person sees: the hub's shadow tree with the link's and the lists' inside it. */
function composedText(node: Node): string {
  if (node instanceof Element && node.shadowRoot) return composedText(node.shadowRoot);
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof HTMLStyleElement) return '';
  return [...node.childNodes].map(composedText).join(' ');
}
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
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
  await waitUntil(() => linkOf(el).shadowRoot?.querySelector('#title'), 'no status', { timeout: 6000 });
  return { ...mock, el };
}

const LINKED = { state: 'linked', method: 'vkid', phone: '+79521234567', sferumUrl: 'https://sferum.ru/?p=messages' };

describe('<sferum-hub>', function () {
  this.timeout(30_000);
  it('linked: the phone once (in the link\u2019s card), the tabs «Чаты» / «Видеоконференции» with the lists; axe clean', async () => {
    const { el } = await hub('linked');
    expect(linkOf(el).shadowRoot!.querySelector('[part="phone"]')!.textContent).to.equal('+7 (952) 123-45-67');
    await waitUntil(() => root(el).querySelector('[role="tablist"]'));
    const seen = composedText(el);
    expect(count(seen, '+7 (952) 123-45-67'), 'the phone is shown once').to.equal(1);
    expect(count(seen, 'Телефон, привязанный к Сферум'), 'one phone label at most').to.be.at.most(1);
    expect(root(el).querySelector('[part="phone"], output'), 'no field of the hub\u2019s own').to.equal(null);
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

  it('unlinked: the entry to linking comes first, no empty phone field, no empty lists', async () => {
    const { el } = await hub('unlinked');
    const link = linkOf(el);
    expect(link.shadowRoot!.querySelector('h2')!.textContent).to.equal('Авторизация в Сферум');
    // The first thing in the section is the entry card: nothing of the hub's own before it, and no phone anywhere.
    expect(root(el).querySelector('[part="base"]')!.firstElementChild).to.equal(link);
    expect(composedText(el)).not.to.contain('Телефон, привязанный к Сферум');
    expect(root(el).querySelector('[part="phone"], output, .readonly')).to.equal(null);
    expect(link.shadowRoot!.querySelector('[part="phone"]')).to.equal(null);
    expect(root(el).querySelector('[role="tablist"]')).to.equal(null);
    expect(root(el).querySelector('sferum-chats')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('linking inside the hub shows the lists without a reload', async () => {
    const { el, backend } = await hub('unlinked');
    backend.reset('linked');
    const link = root(el).querySelector('sferum-link')!;
    link.retry();
    await waitUntil(() => root(el).querySelector('[role="tablist"]'), 'the tabs did not appear');
  });

  it('retry(): after sferum-auth-required, re-sends the list that failed; what loaded stays', async () => {
    sessionStorage.clear();
    const { backend, worker, adapter } = await scenario('linked', { vendor: 'bars' });
    // The session ends between the link status and the chats.
    worker.use(http.get('*/api/sferum/chats', () => HttpResponse.json({ error: { kind: 'unauthorized' } }, { status: 401 })));
    const authRequired: string[] = [];
    const el = await fixture<SferumHub>(html`<sferum-hub vendor="bars" .adapter=${adapter} @sferum-auth-required=${(e: Event) => authRequired.push((e.target as Element).localName)}></sferum-hub>`);
    await waitUntil(() => authRequired.length > 0, 'no sferum-auth-required', { timeout: 6000 });
    expect(authRequired).to.deep.equal(['sferum-hub']);
    const chats = root(el).querySelector('sferum-chats')!;
    await waitUntil(() => chats.shadowRoot?.querySelector('[part="error"]'), 'the chats showed no error', { timeout: 6000 });
    const statusLoads = () => backend.requests.filter((r) => r === 'GET /api/sferum/link').length;
    const before = statusLoads();
    worker.resetHandlers();
    el.retry();
    await waitUntil(() => chats.shadowRoot?.querySelector('[role="table"]'), 'the chats were not loaded again', { timeout: 6000 });
    expect(statusLoads(), 'the link status that loaded is not loaded again').to.equal(before);
    expect(linkOf(el).shadowRoot!.querySelector('[part="phone"]')).to.not.equal(null);
    // Nothing failed since: another retry() sends nothing.
    const requests = backend.requests.length;
    el.retry();
    await new Promise((r) => setTimeout(r, 300));
    expect(backend.requests.length).to.equal(requests);
  });

  it('retry(): re-sends the link status that failed, then the lists load', async () => {
    sessionStorage.clear();
    const mock = await scenario('linked', { vendor: 'bars' });
    mock.backend.forcedFault = '401';
    const el = await fixture<SferumHub>(html`<sferum-hub vendor="bars" .adapter=${mock.adapter}></sferum-hub>`);
    await oneEvent(el, 'sferum-auth-required');
    await waitUntil(() => linkOf(el).shadowRoot?.querySelector('[part="error"]'), 'no error shown', { timeout: 6000 });
    expect(root(el).querySelector('[role="tablist"]')).to.equal(null);
    mock.backend.forcedFault = undefined;
    el.retry();
    await waitUntil(() => root(el).querySelector('[role="tablist"]'), 'the tabs did not appear', { timeout: 6000 });
    await waitUntil(() => root(el).querySelector('sferum-chats')?.shadowRoot?.querySelector('[role="table"]'), 'no chats', { timeout: 6000 });
  });

  it('a notice of a kind it does not know is dropped; the status and the known notices show', async () => {
    sessionStorage.clear();
    const mock = await scenario('linked', { vendor: 'bars' });
    mock.worker.use(
      http.get('*/api/sferum/link', () =>
        HttpResponse.json({ ...LINKED, notices: [{ kind: 'summer-holidays', id: 'n0' }, { kind: 'new-school-year', id: 'n1' }] }),
      ),
    );
    const errors: string[] = [];
    const el = await fixture<SferumHub>(html`<sferum-hub vendor="bars" .adapter=${mock.adapter} @sferum-error=${(e: CustomEvent) => errors.push(e.detail.kind)}></sferum-hub>`);
    await waitUntil(() => root(el).querySelector('[role="tablist"]'), 'the status failed', { timeout: 6000 });
    const notices = [...root(el).querySelectorAll('[part="notice"]')].map((n) => n.textContent!.trim());
    expect(notices).to.have.length(1);
    expect(notices[0]).to.contain('Вы были переведены на новый учебный год!');
    expect(errors).to.deep.equal([]);
    mock.worker.resetHandlers();
  });

  it('a notice that is not even a notice still fails the status (structure is checked)', async () => {
    sessionStorage.clear();
    const mock = await scenario('linked', { vendor: 'bars' });
    mock.worker.use(http.get('*/api/sferum/link', () => HttpResponse.json({ ...LINKED, notices: [{ kind: 42 }] })));
    const el = await fixture<SferumHub>(html`<sferum-hub vendor="bars" .adapter=${mock.adapter}></sferum-hub>`);
    const error = await oneEvent(el, 'sferum-error');
    expect(error.detail.kind).to.equal('invalid-response');
    mock.worker.resetHandlers();
  });

  it('exports the link\u2019s parts: a host drops the card\u2019s frame where the hub sits in a frame of its own', async () => {
    const { el } = await hub('linked');
    const style = document.createElement('style');
    style.textContent = 'sferum-hub.frameless::part(link-card) { border-color: transparent; padding: 0; }';
    document.head.append(style);
    try {
      el.classList.add('frameless');
      const card = linkOf(el).shadowRoot!.querySelector<HTMLElement>('[part="card"]')!;
      expect(getComputedStyle(card).borderTopColor).to.equal('rgba(0, 0, 0, 0)');
      expect(getComputedStyle(card).paddingTop).to.equal('0px');
    } finally {
      style.remove();
    }
  });
});
