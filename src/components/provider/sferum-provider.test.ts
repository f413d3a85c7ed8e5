import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { scenario } from '../../../test/mocks.js';
import { createContext, ContextProvider } from '@lit/context';
import type { SferumConfig } from '../../controllers/config.js';
import '../../define/sferum-link.js';
import '../../define/sferum-provider.js';
import type { SferumLink } from '../link/sferum-link.js';

const h2 = (el: Element) => el.shadowRoot!.querySelector('h2')?.textContent;
const ready = (el: Element) => waitUntil(() => el.shadowRoot!.querySelector('h2, .error[role="alert"]'), 'not loaded', { timeout: 5000 });

describe('<sferum-provider>', () => {
  it('gives its descendants the adapter, vendor and locale, and renders only its children', async () => {
    const { adapter } = await scenario('unlinked');
    const provider = await fixture(html`<sferum-provider vendor="mesh" locale="en" .adapter=${adapter}>
      <p>journal text</p>
      <sferum-link></sferum-link>
    </sferum-provider>`);
    const link = provider.querySelector('sferum-link')!;
    await ready(link);
    expect(h2(link)).to.equal('The messenger is not connected');
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.shadowRoot!.querySelectorAll('*').length).to.equal(1);
    await expect(provider).to.be.accessible();
  });

  it('lets an element\u2019s own properties win over the provider', async () => {
    const { adapter } = await scenario('unlinked');
    const provider = await fixture(html`<sferum-provider vendor="mesh" .adapter=${adapter}>
      <sferum-link vendor="bars"></sferum-link>
    </sferum-provider>`);
    const link = provider.querySelector('sferum-link')!;
    await ready(link);
    expect(h2(link)).to.equal('Авторизация в Сферум');
  });

  it('keeps sibling providers independent, and nested providers inherit what they do not set', async () => {
    const { adapter } = await scenario('unlinked');
    const page = await fixture(html`<div>
      <sferum-provider id="a" vendor="mesh" .adapter=${adapter}>
        <sferum-link id="a1"></sferum-link>
        <sferum-provider id="inner" locale="en"><sferum-link id="a2"></sferum-link></sferum-provider>
      </sferum-provider>
      <sferum-provider id="b" vendor="perm" .adapter=${adapter}><sferum-link id="b1"></sferum-link></sferum-provider>
    </div>`);
    const [a1, a2, b1] = ['#a1', '#a2', '#b1'].map((s) => page.querySelector<SferumLink>(s)!);
    await Promise.all([ready(a1!), ready(a2!), ready(b1!)]);
    expect(h2(a1!)).to.equal('Мессенджер не подключён');
    expect(h2(a2!)).to.equal('The messenger is not connected');
    expect(h2(b1!)).to.equal('Личные сообщения');
    page.querySelector<HTMLElement & { vendor?: string }>('#b')!.vendor = 'bars';
    await waitUntil(() => h2(b1!) === 'Авторизация в Сферум', 'provider change did not reach the element');
    expect(h2(a1!)).to.equal('Мессенджер не подключён');
  });

  it('meets elements of another bundle copy through the Symbol.for key', async () => {
    const { adapter } = await scenario('unlinked');
    // A second copy of the bundle creates its own context object with the same global key.
    const otherCopyContext = createContext<SferumConfig>(Symbol.for('sferum/config@1'));
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const provider = new ContextProvider(host, { context: otherCopyContext, initialValue: { adapter, vendor: 'perm' } });
    provider.hostConnected();
    const link = document.createElement('sferum-link');
    host.append(link);
    await ready(link);
    expect(h2(link)).to.equal('Личные сообщения');
  });

  it('lets the host override texts per key', async () => {
    const { adapter } = await scenario('unlinked');
    const provider = await fixture(html`<sferum-provider .adapter=${adapter} .messages=${{ ru: { entryTitle: 'Чаты школы' } }}>
      <sferum-link></sferum-link>
    </sferum-provider>`);
    const link = provider.querySelector('sferum-link')!;
    await ready(link);
    expect(h2(link)).to.equal('Чаты школы');
  });
});
