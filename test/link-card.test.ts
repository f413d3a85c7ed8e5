import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/sferum-link.js';
import { byText, click, fill, liveRegionLog, press, shadow, step, textOf, unlinkDialog } from './flow-helpers.js';
import { scenario } from './mocks.js';

async function linked(vendor: string, role = 'student', name: Parameters<typeof scenario>[0] = 'linked') {
  const mock = await scenario(name, { vendor });
  const link = await fixture<SferumLink>(html`<sferum-link vendor=${vendor} user-role=${role} .adapter=${mock.adapter}></sferum-link>`);
  await waitUntil(() => shadow(link).querySelector('[part="phone"]'), 'no linked card', { timeout: 5000 });
  return { ...mock, link };
}

const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

describe('<sferum-link> linked card and unlinking', () => {
  it('self (BARS): «Отвязать учётную запись» opens a real modal; focus inside, Tab wraps, Escape cancels and returns focus', async () => {
    const { link, backend } = await linked('bars');
    const open = byText(link, 'button', 'Отвязать учётную запись');
    open.focus();
    await press('Enter');
    await waitUntil(() => unlinkDialog(link)?.open, 'no dialog');
    const dialog = unlinkDialog(link)!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(deepActive()?.textContent).to.contain('Отмена');
    await expect(link).to.be.accessible();
    await press('Tab');
    expect(deepActive()?.textContent).to.contain('Да');
    await press('Tab');
    expect(deepActive()?.textContent, 'Tab wraps to the first button').to.contain('Отмена');
    await sendKeys({ down: 'Shift' });
    await press('Tab');
    await sendKeys({ up: 'Shift' });
    expect(deepActive()?.textContent, 'Shift+Tab wraps to the last').to.contain('Да');
    await press('Escape');
    await waitUntil(() => !dialog.open, 'Escape did not close');
    expect(deepActive()).to.equal(open);
    expect(backend.requests.some((r) => r.startsWith('DELETE'))).to.equal(false);
  });

  it('self: the confirmation states the consequence, and its «Да» is destructive, not the main colour', async () => {
    const { link } = await linked('bars');
    await click(byText(link, 'button', 'Отвязать учётную запись'));
    await waitUntil(() => unlinkDialog(link)?.open, 'no dialog');
    const dialog = unlinkDialog(link)!;
    const described = dialog.getRootNode() as ShadowRoot;
    expect(described.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Учётная запись журнала будет отвязана от учебного профиля Сферум. Чаты и видеоконференции перестанут отображаться в журнале.',
    );
    const yes = byText(described, 'button', 'Да');
    const cancel = byText(described, 'button', 'Отмена');
    // #b42318: the kit's danger colour; the accent of BARS is #1e6bb8.
    expect(getComputedStyle(yes).backgroundColor).to.equal('rgb(180, 35, 24)');
    expect(getComputedStyle(cancel).backgroundColor, '«Отмена» is outlined').to.equal('rgba(0, 0, 0, 0)');
    await press('Escape');
  });

  it('self: «Да» unlinks, reports it, shows the entry with a visible message read out once, and the element keeps its height meanwhile', async () => {
    const { link, backend } = await linked('perm', 'teacher');
    await click(byText(link, 'button', 'Отвязать учётную запись'));
    await waitUntil(() => unlinkDialog(link)?.open, 'no dialog');
    const region = shadow(link).querySelector<HTMLElement>('[part="message"]')!;
    const heard = liveRegionLog(region);
    const before = link.getBoundingClientRect().height;
    const unlinked = oneEvent(link, 'sferum-link-status-change');
    await click(byText(unlinkDialog(link)!.getRootNode() as ShadowRoot, 'button', 'Да'));
    expect((await unlinked).detail).to.deep.equal({ state: 'unlinked' });
    expect(backend.requests).to.include('DELETE /api/sferum/link');
    await waitUntil(() => shadow(link).querySelector('h2')?.textContent === 'Личные сообщения', 'no entry');
    await link.updateComplete;
    // Visible, not only screen-reader text: above the card, and the same live region as before.
    expect(shadow(link).querySelector('[part="message"]')).to.equal(region);
    expect(region.textContent!.trim()).to.equal('Учётная запись отвязана.');
    expect(region.getBoundingClientRect().height).to.be.greaterThan(30);
    expect(region.getBoundingClientRect().bottom).to.be.at.most(shadow(link).querySelector('.card')!.getBoundingClientRect().top);
    expect(link.getBoundingClientRect().height, 'the element did not shrink').to.be.at.least(before - 1);
    expect(shadow(link).activeElement?.id).to.equal('title');
    await expect(link).to.be.accessible();
    // It stays a few seconds: still there after 2 s, gone once its time is over.
    await delay(2000);
    expect(region.textContent!.trim()).to.equal('Учётная запись отвязана.');
    for (const animation of region.getAnimations()) animation.finish();
    await waitUntil(() => region.textContent!.trim() === '', 'the message did not go');
    expect(heard, 'read out once').to.deep.equal(['Учётная запись отвязана.']);
  });

  it('self: a failed unlink keeps the dialog open with the reason, and «Да» again succeeds', async () => {
    const { link, worker } = await linked('bars');
    worker.use(http.delete('*/api/sferum/link', () => HttpResponse.error(), { once: true }));
    await click(byText(link, 'button', 'Отвязать учётную запись'));
    await waitUntil(() => unlinkDialog(link)?.open, 'no dialog');
    const root = unlinkDialog(link)!.getRootNode() as ShadowRoot;
    await click(byText(root, 'button', 'Да'));
    await waitUntil(() => root.textContent!.includes('Нет соединения с сервером'), 'no message');
    expect(unlinkDialog(link)!.open).to.equal(true);
    await expect(link).to.be.accessible();
    await click(byText(root, 'button', 'Да'));
    await waitUntil(() => !shadow(link).querySelector('[part="phone"]'), 'not unlinked');
  });

  it('self: a backend that forbids unlinking says so in the dialog', async () => {
    const { link, worker } = await linked('bars');
    worker.use(http.delete('*/api/sferum/link', () => HttpResponse.json({ error: { kind: 'unlink-forbidden' } }, { status: 409 })));
    await click(byText(link, 'button', 'Отвязать учётную запись'));
    await waitUntil(() => unlinkDialog(link)?.open, 'no dialog');
    const root = unlinkDialog(link)!.getRootNode() as ShadowRoot;
    await click(byText(root, 'button', 'Да'));
    await waitUntil(() => root.textContent!.includes('Отвязать учётную запись здесь нельзя'), 'no message');
    expect(shadow(link).querySelector('[part="phone"]'), 'still linked').to.exist;
  });

  it('support (MESH teacher): explains that only technical support can unlink, and how to reach it', async () => {
    const { link } = await linked('mesh', 'teacher');
    expect(() => byText(link, 'button', 'Отвязать учётную запись')).to.throw();
    expect(textOf(link)).to.contain('Отвязать учебный профиль от вашей учётной записи в журнале возможно только через службу технической поддержки.');
    expect(shadow(link).querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.href).to.equal('mailto:info@sferum.ru');
    await expect(link).to.be.accessible();
  });

  it('external (MESH parent): a link the host supplies to «Мой паспорт»', async () => {
    const { link } = await linked('mesh', 'parent');
    expect(textOf(link)).to.contain('«Мой паспорт»');
    const a = byText<HTMLAnchorElement>(link, 'a', 'Открыть «Мой паспорт»');
    expect(a.href).to.equal('https://passport.mos.ru/security');
    expect(a.rel).to.equal('noopener noreferrer');
    await expect(link).to.be.accessible();
  });

  it('Perm: VK Messenger, and the note on the chats created automatically', async () => {
    const { link } = await linked('perm');
    expect(textOf(link)).to.contain('«Учительская», чат с родителями и чат с учениками вашего класса');
    expect(byText<HTMLAnchorElement>(link, 'a', 'Перейти в VK Мессенджер').href).to.equal('https://sferum.ru/?p=messages');
  });
});

describe('<sferum-link> reliability', () => {
  it('a double click and Enter + click send one request', async () => {
    sessionStorage.clear();
    const mock = await scenario('vkid-variant-1');
    mock.worker.use(
      http.post('*/api/sferum/link/flows/:flow/steps/:step', async () => {
        await delay(300);
        return undefined as never;
      }),
    );
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'));
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    const s = await step(link, 'sferum-step-login');
    await fill(s, 'login', MOCK_CREDENTIALS.phone);
    const submit = byText(s, 'button', 'Продолжить');
    await click(submit);
    await click(submit);
    await step(link, 'sferum-step-password');
    expect(mock.backend.requests.filter((r) => r.includes('/steps/')).length).to.equal(1);
  });

  it('an element removed mid-request makes no further requests, and its answer changes nothing', async () => {
    sessionStorage.clear();
    const mock = await scenario('max-confirmed');
    // Watch the signal the element hands to its adapter: it is what reaches fetch.
    const signals: AbortSignal[] = [];
    const watched: SferumAdapter = {
      ...mock.adapter.raw,
      submitStep: (flowId, stepId, answer, signal) => {
        signals.push(signal);
        return mock.adapter.raw.submitStep(flowId, stepId, answer, signal);
      },
    };
    const link = await fixture<SferumLink>(html`<sferum-link .adapter=${watched}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'));
    await click(byText(link, 'button', 'Привязать через MAX'));
    const s = await step(link, 'sferum-step-max-phone');
    let started = 0;
    mock.worker.use(
      http.all('*/api/sferum/*', () => {
        started++;
        return undefined as never;
      }),
      http.post('*/api/sferum/link/flows/:flow/steps/:step', async () => {
        await delay(400);
        return undefined as never;
      }),
    );
    await fill(s, 'phone', '+7 952 123-45-67');
    await waitUntil(() => s.hasAttribute('busy') && started === 1, 'no request in flight');
    link.remove();
    const count = started;
    await delay(2500);
    expect(signals.length).to.equal(1);
    expect(signals[0]!.aborted, 'the request was aborted').to.equal(true);
    expect(sessionStorage.getItem('sferum-widgets:flow:sferum-link-0') ?? '').not.to.match(/952/);
    expect(started, 'nothing more was sent').to.equal(count);
  });

  it('two <sferum-link> on one page are independent', async () => {
    sessionStorage.clear();
    const a = await scenario('vkid-variant-1');
    const wrapper = await fixture(html`<div>
      <sferum-link id="one" .adapter=${a.adapter}></sferum-link>
      <sferum-link id="two" vendor="perm" .adapter=${a.adapter}></sferum-link>
    </div>`);
    const [one, two] = [...wrapper.querySelectorAll('sferum-link')] as SferumLink[];
    await waitUntil(() => shadow(one!).querySelector('h2') && shadow(two!).querySelector('h2'));
    await click(byText(one!, 'button', 'Привязать учётную запись к Сферум'));
    await fill(await step(one!, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    await step(one!, 'sferum-step-password');
    expect(shadow(two!).querySelector('sferum-link-flow')).to.equal(null);
    expect(shadow(two!).querySelector('h2')!.textContent).to.equal('Личные сообщения');
    expect(sessionStorage.getItem('sferum-widgets:flow:one')).to.match(/flowId/);
    expect(sessionStorage.getItem('sferum-widgets:flow:two')).to.equal(null);
  });

  it('a flow resumes after a reload (a re-created element) at the same step', async () => {
    sessionStorage.clear();
    const mock = await scenario('vkid-variant-1');
    const link = await fixture<SferumLink>(html`<sferum-link id="resumable" .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'));
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    await step(link, 'sferum-step-password');
    const kept = sessionStorage.getItem('sferum-widgets:flow:resumable')!;
    expect(Object.keys(JSON.parse(kept)).sort()).to.deep.equal(['expires', 'flowId', 'method']);
    link.remove();
    const again = await fixture<SferumLink>(html`<sferum-link id="resumable" .adapter=${mock.adapter}></sferum-link>`);
    await step(again, 'sferum-step-password');
  });
});
