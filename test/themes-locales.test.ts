import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumChats } from '../src/components/chats/sferum-chats.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/all.js';
import { byText, click, fill, heading, shadow, step, textOf } from './flow-helpers.js';
import { scenario } from './mocks.js';

describe('English and dark mode', () => {
  it('the wizard speaks English on an English page (English texts load on demand)', async () => {
    sessionStorage.clear();
    const mock = await scenario('vkid-variant-1', { vendor: 'mesh' });
    const wrapper = await fixture(html`<div lang="en"><sferum-link vendor="mesh" .adapter=${mock.adapter}></sferum-link></div>`);
    const link = wrapper.querySelector<SferumLink>('sferum-link')!;
    await waitUntil(() => shadow(link).querySelector('h2')?.textContent === 'The messenger is not connected', 'entry not in English');
    await click(byText(link, 'button', 'Go to connection'));
    let s = await step(link, 'sferum-step-login');
    expect(heading(s)).to.equal('Sign in to VK ID');
    expect(textOf(shadow(link).querySelector('sferum-link-flow')!)).to.contain('You can link your educational profile with “MESH.VCS”');
    await fill(s, 'login', MOCK_CREDENTIALS.phone);
    s = await step(link, 'sferum-step-password');
    expect(heading(s)).to.equal('Enter your password');
    await fill(s, 'password', 'wrong');
    await waitUntil(() => textOf(s).includes('Wrong password'), 'error not in English');
    await expect(link).to.be.accessible();
  });

  it('dark mode passes axe (contrast included) for the link card, a step and the chats table', async () => {
    sessionStorage.clear();
    const linked = await scenario('linked');
    const card = await fixture<SferumLink>(html`<sferum-link theme="dark" vendor="perm" .adapter=${linked.adapter}></sferum-link>`);
    await waitUntil(() => shadow(card).querySelector('[part="phone"]'));
    await expect(card).to.be.accessible();
    const chats = await fixture<SferumChats>(html`<sferum-chats theme="dark" .adapter=${linked.adapter}></sferum-chats>`);
    await waitUntil(() => shadow(chats).querySelector('[role="table"]'));
    await expect(chats).to.be.accessible();
    const flow = await scenario('vkid-variant-1');
    const link = await fixture<SferumLink>(html`<sferum-link theme="dark" .adapter=${flow.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'));
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    const s = await step(link, 'sferum-step-login');
    await fill(s, 'login', 'не телефон');
    await waitUntil(() => textOf(s).includes('Проверьте телефон или почту'));
    await expect(link).to.be.accessible();
  });
});
