// Server rendering, in the browser: HTML that @lit-labs/ssr rendered in Node (no DOM shim) hydrates
// without a flash of an error and without a console warning, waits quietly for its adapter, and
// reaches the linked state once the adapter is set.
import { errors, warnings } from './fixtures/hydrate-first.js';
import { expect, waitUntil } from '@open-wc/testing';
import '../src/define/all.js';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import { scenario } from './mocks.js';

const shadow = (el: Element) => el.shadowRoot!;

describe('server-rendered HTML in the browser', () => {
  it('hydrates every element in its loading state, then loads the linked state once the adapter is set', async function () {
    this.timeout(30_000);
    const markup = await (await fetch('/__sferum-test__/ssr.html')).text();
    expect(/<template [^>]*shadowrootmode="open"/.test(markup), 'no declarative shadow roots in the server HTML').to.equal(true);
    expect(/адаптер/.test(markup), 'the server HTML shows a missing adapter').to.equal(false);

    const host = document.createElement('div');
    document.body.append(host);
    let flashed = false;
    const observer = new MutationObserver(() => {
      for (const el of host.querySelectorAll('*')) {
        const root = el.shadowRoot;
        if (root && (root.querySelector('[part="error"], .error') || /адаптер/.test(root.textContent ?? ''))) flashed = true;
      }
    });
    observer.observe(host, { childList: true, subtree: true, characterData: true, attributes: true });
    try {
      // Parsed as HTML, declarative shadow roots included; the tags are defined, so they upgrade and hydrate.
      host.setHTMLUnsafe(markup);
      const provider = host.querySelector('sferum-provider') as HTMLElement & { adapter?: SferumAdapter };
      const link = host.querySelector('sferum-provider > sferum-link')!;
      const standalone = host.querySelector('#standalone') as HTMLElement & { adapter?: SferumAdapter };
      const elements = [...host.querySelectorAll('sferum-link, sferum-chats, sferum-vcs, sferum-join, sferum-hub')];
      await Promise.all(elements.map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      // Hydrated, not re-created: the server's nodes are still there, and each shows loading.
      for (const el of elements) {
        expect((el as unknown as { hasUpdated: boolean }).hasUpdated, el.localName).to.equal(true);
        const status = el.localName === 'sferum-hub' ? shadow(shadow(el).querySelector('sferum-link')!) : shadow(el);
        expect(status.querySelector('[role="status"]')?.textContent, el.localName).to.contain('Загрузка');
      }
      // The provider's vendor reaches the hydrated element: its preset (loaded on demand) sets the tokens through CSSOM.
      const accent = (el: Element) => shadow(el).querySelector<HTMLElement>('[part="base"]')!.style.getPropertyValue('--sferum-preset-color-accent');
      await waitUntil(() => accent(link) === '#1e6bb8', `the BARS accent did not arrive (${accent(link)})`);

      const { adapter } = await scenario('linked');
      provider.adapter = adapter;
      standalone.adapter = adapter;
      await waitUntil(() => shadow(link).querySelector('[part="phone"]'), 'the provider\u2019s link did not reach the linked state', { timeout: 8000 });
      await waitUntil(() => shadow(standalone).querySelector('[part="phone"]'), 'the standalone link did not reach the linked state', { timeout: 8000 });
      const hub = host.querySelector('sferum-hub')!;
      await waitUntil(() => shadow(hub).querySelector('[role="tablist"]'), 'the hub did not reach the linked state', { timeout: 8000 });
      const chats = host.querySelector('sferum-chats')!;
      await waitUntil(() => shadow(chats).querySelector('[part="row"]'), 'the chats did not load', { timeout: 8000 });
      // The standalone element's vendor (MESH) reached its tokens after hydration.
      expect(accent(standalone)).to.equal('#0b5ed7');
      expect(flashed, 'an error flashed during hydration').to.equal(false);
      expect(warnings, warnings.join('\n')).to.deep.equal([]);
      expect(errors, errors.join('\n')).to.deep.equal([]);
    } finally {
      observer.disconnect();
      host.remove();
    }
  });

  it('a page in English: the server rendered Russian (it sees no lang), the hydrated element corrects its lang and texts', async function () {
    this.timeout(30_000);
    const markup = await (await fetch('/__sferum-test__/ssr.html')).text();
    const host = document.createElement('div');
    host.lang = 'en';
    document.body.append(host);
    try {
      host.setHTMLUnsafe(markup);
      const standalone = host.querySelector('#standalone') as HTMLElement & { adapter?: SferumAdapter };
      const root = () => shadow(standalone).querySelector<HTMLElement>('[part="base"]')!;
      await waitUntil(() => root().lang === 'en', `the hydrated root kept lang="${root().lang}"`);
      standalone.adapter = (await scenario('linked')).adapter;
      await waitUntil(() => shadow(standalone).querySelector('[part="phone"]'), 'not linked', { timeout: 8000 });
      expect(root().lang).to.equal('en');
      expect(shadow(standalone).querySelector('h2')!.textContent).not.to.match(/[а-я]/i);
      expect(warnings, warnings.join('\n')).to.deep.equal([]);
      expect(errors, errors.join('\n')).to.deep.equal([]);
    } finally {
      host.remove();
    }
  });
});
