import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { scenario } from '../../../test/mocks.js';
import type { SferumAdapter } from '../../adapter/adapter.js';
import { NO_ADAPTER_GRACE_MS } from '../base/sferum-element.js';
import '../../define/sferum-link.js';
import '../../define/sferum-provider.js';
import type { SferumLinkStatusChangeEvent } from '../../events/sferum-link-status-change.js';
import type { SferumLink } from './sferum-link.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ').trim();
const loaded = (el: SferumLink) =>
  waitUntil(() => !shadow(el).querySelector('.status[role="status"]') && shadow(el).querySelector('h2, .error[role="alert"]'), 'still loading', { timeout: 5000 });
const button = (el: Element, label: string) =>
  [...shadow(el).querySelectorAll<HTMLElement>('button, a')].find((b) => b.textContent!.includes(label));

describe('<sferum-link> status', () => {
  it('shows loading, then the preset entry texts when unlinked', async () => {
    const { adapter } = await scenario('unlinked');
    const el = await fixture<SferumLink>(html`<sferum-link vendor="mesh" .adapter=${adapter}></sferum-link>`);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('Загрузка');
    await expect(el).to.be.accessible();
    await loaded(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Мессенджер не подключён');
    expect(text(el)).to.contain('Для работы мессенджера необходимо связать вашу учётную запись МЭШ с учебным профилем Сферум');
    expect(text(el)).to.contain('Для работы рекомендуем использовать Google Chrome и Яндекс.Браузер.');
    await expect(el).to.be.accessible();
  });

  it('shows each vendor\u2019s entry title', async () => {
    const { adapter } = await scenario('unlinked');
    for (const [vendor, title] of [['bars', 'Авторизация в Сферум'], ['perm', 'Личные сообщения'], ['generic', 'Авторизация в Сферум']]) {
      const el = await fixture<SferumLink>(html`<sferum-link vendor=${vendor} .adapter=${adapter}></sferum-link>`);
      await loaded(el);
      expect(shadow(el).querySelector('h2')!.textContent, vendor).to.equal(title);
    }
  });

  it('start() opens linking from the journal\'s own button, and only while unlinked', async () => {
    const { adapter, backend } = await scenario('unlinked');
    const el = await fixture<SferumLink>(html`<sferum-link vendor="bars" .adapter=${adapter}></sferum-link>`);
    await loaded(el);
    el.start('max');
    const flow = await waitUntil(() => shadow(el).querySelector('sferum-link-flow'), 'no wizard', { timeout: 5000 }).then(() => shadow(el).querySelector('sferum-link-flow')!);
    await waitUntil(() => flow.shadowRoot?.querySelector('sferum-step-max-phone'), 'not the MAX phone step', { timeout: 5000 });
    expect(backend.requests.filter((r) => r === 'POST /api/sferum/link/flows').length).to.equal(1);
    // A second call while a flow is open does nothing.
    el.start('vkid');
    await el.updateComplete;
    expect(backend.requests.filter((r) => r === 'POST /api/sferum/link/flows').length).to.equal(1);

    const linked = await scenario('linked');
    const card = await fixture<SferumLink>(html`<sferum-link vendor="bars" .adapter=${linked.adapter}></sferum-link>`);
    await loaded(card);
    card.start();
    await card.updateComplete;
    expect(linked.backend.requests.some((r) => r === 'POST /api/sferum/link/flows')).to.equal(false);
  });

  it('resumes a pending MAX link in the wizard, and «Проверить статус» asks at once', async () => {
    const { adapter, backend } = await scenario('pending');
    const el = await fixture<SferumLink>(html`<sferum-link .adapter=${adapter}></sferum-link>`);
    const flow = await waitUntil(() => shadow(el).querySelector('sferum-link-flow'), 'no wizard', { timeout: 5000 }).then(() => shadow(el).querySelector('sferum-link-flow')!);
    const step = await waitUntil(() => flow.shadowRoot?.querySelector('sferum-step-max-pending')).then(() => flow.shadowRoot!.querySelector('sferum-step-max-pending')!);
    await waitUntil(() => step.shadowRoot?.querySelector('h2'));
    expect(step.shadowRoot!.querySelector('h2')!.textContent).to.equal('Подтвердите привязку в MAX');
    await expect(el).to.be.accessible();
    const check = [...step.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Проверить статус'))!;
    check.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => backend.requests.some((r) => r.endsWith('/status')), 'no status check');
    expect(backend.requests.filter((r) => r.endsWith('/status')).length).to.equal(1);
  });

  it('shows the linked card with the formatted phone and a safe link to Sferum', async () => {
    const { adapter } = await scenario('linked');
    const el = await fixture<SferumLink>(html`<sferum-link vendor="bars" .adapter=${adapter}></sferum-link>`);
    await loaded(el);
    expect(shadow(el).querySelector('[part="phone"]')!.textContent).to.equal('+7 (952) 123-45-67');
    expect(text(el)).to.contain('Телефон, привязанный к Сферум');
    const link = button(el, 'Перейти в Сферум') as HTMLAnchorElement;
    expect(link.href).to.equal('https://sferum.ru/?p=messages');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();
  });

  it('Perm sends the user to VK Messenger', async () => {
    const { adapter } = await scenario('linked');
    const el = await fixture<SferumLink>(html`<sferum-link vendor="perm" .adapter=${adapter}></sferum-link>`);
    await loaded(el);
    expect(button(el, 'Перейти в VK Мессенджер')).to.exist;
  });

  it('never renders an unsafe Sferum URL as a link', async () => {
    const { http, HttpResponse } = await import('msw');
    const { adapter, worker } = await scenario('linked');
    worker.use(
      http.get('*/api/sferum/link', () =>
        HttpResponse.json({ state: 'linked', method: 'vkid', phone: '+79521234567', sferumUrl: 'javascript:alert(document.domain)' }),
      ),
    );
    const el = await fixture<SferumLink>(html`<sferum-link .adapter=${adapter}></sferum-link>`);
    await loaded(el);
    expect(shadow(el).querySelector('a')).to.equal(null);
    expect(text(el)).to.contain('Ссылка недоступна');
    await expect(el).to.be.accessible();
  });

  const faults = [
    ['fault-network', 'Нет соединения с сервером'],
    ['fault-timeout', 'Сервер долго не отвечает'],
    ['fault-401', 'Сеанс работы в журнале завершён'],
    ['fault-429', 'Повторите через 0:30'],
    ['fault-500', 'Сервис временно недоступен'],
    ['fault-malformed', 'Сервер вернул непонятный ответ'],
  ] as const;
  for (const [name, message] of faults) {
    it(`${name}: shows a clear error, and «Повторить» recovers once the fault is gone`, async () => {
      const mock = await scenario(name, { timeoutMs: 200 });
      const el = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
      await loaded(el);
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(message);
      await expect(el).to.be.accessible();
      mock.backend.reset('linked');
      button(el, 'Повторить')!.click();
      await waitUntil(() => shadow(el).querySelector('[part="phone"]'), 'did not recover', { timeout: 5000 });
    });
  }

  it('fires sferum-auth-required on a 401, and retry() continues after re-authentication', async () => {
    const { adapter, backend } = await scenario('fault-401');
    const wrapper = await fixture(html`<div></div>`);
    const fired = oneEvent(wrapper, 'sferum-auth-required');
    const el = document.createElement('sferum-link');
    el.adapter = adapter;
    wrapper.append(el);
    const event = await fired;
    expect(event.bubbles && event.composed).to.equal(true);
    backend.reset('unlinked');
    el.retry();
    await waitUntil(() => shadow(el).querySelector('h2'), 'no entry after retry');
  });

  it('reports status changes without personal data', async () => {
    const { adapter } = await scenario('linked');
    const wrapper = await fixture(html`<div></div>`);
    const seen = oneEvent(wrapper, 'sferum-link-status-change');
    const el = document.createElement('sferum-link');
    el.adapter = adapter;
    wrapper.append(el);
    const event = (await seen) as SferumLinkStatusChangeEvent;
    expect(event.detail).to.deep.equal({ state: 'linked', method: 'vkid' });
    expect(JSON.stringify(event.detail)).not.to.match(/\d{4}/);
  });

  it('says clearly when no adapter was given (after the grace for a late adapter)', async () => {
    const el = await fixture<SferumLink>(html`<sferum-link></sferum-link>`);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('Загрузка');
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'no alert', { timeout: NO_ADAPTER_GRACE_MS + 2000 });
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('не задан адаптер');
    await expect(el).to.be.accessible();
  });

  it('switching the scenario changes what it shows', async () => {
    const mock = await scenario('unlinked');
    const el = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
    await loaded(el);
    expect(shadow(el).querySelector('[part="phone"]')).to.equal(null);
    mock.backend.reset('linked');
    el.retry();
    await waitUntil(() => shadow(el).querySelector('[part="phone"]'), 'linked state not shown');
  });

  it('renders in English from the nearest lang, and follows a lang change', async () => {
    const { adapter } = await scenario('unlinked');
    const wrapper = await fixture(html`<div lang="en-GB"><sferum-link .adapter=${adapter}></sferum-link></div>`);
    const el = wrapper.querySelector('sferum-link')!;
    await loaded(el);
    expect(shadow(el).querySelector('h2')!.textContent).to.equal('Sign in to Sferum');
    expect(shadow(el).querySelector('.root')!.getAttribute('lang')).to.equal('en');
    wrapper.setAttribute('lang', 'ru');
    await waitUntil(() => shadow(el).querySelector('h2')!.textContent === 'Авторизация в Сферум', 'did not switch');
  });

  it('resists the host page\u2019s inherited styles', async () => {
    const { adapter } = await scenario('unlinked');
    const wrapper = await fixture(html`<div style="font-size: 40px; color: rgb(255, 0, 0); text-transform: uppercase; letter-spacing: 9px; text-align: right; line-height: 3">
      <sferum-link .adapter=${adapter}></sferum-link>
    </div>`);
    const el = wrapper.querySelector('sferum-link')!;
    await loaded(el);
    const h2 = getComputedStyle(shadow(el).querySelector('h2')!);
    const p = getComputedStyle(shadow(el).querySelector('p')!);
    expect(h2.fontSize).to.equal('18px');
    expect(p.fontSize).to.equal('14px');
    expect(p.textTransform).to.equal('none');
    expect(p.letterSpacing).to.equal('normal');
    expect(p.color).not.to.equal('rgb(255, 0, 0)');
    expect(p.textAlign).to.equal('start');
  });

  it('aborts its request when removed', async () => {
    let aborted = false;
    const adapter = {
      getLinkStatus: (signal: AbortSignal) =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('aborted', 'AbortError'));
          }),
        ),
    } as unknown as SferumAdapter;
    const el = await fixture<SferumLink>(html`<sferum-link .adapter=${adapter}></sferum-link>`);
    el.remove();
    await waitUntil(() => aborted, 'request was not aborted');
  });
});
