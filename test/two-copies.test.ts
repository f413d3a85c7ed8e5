// Two copies of the package on one page (the journal's bundle and a plugin's), each bundled on its own
// from the current source by the test runner (web-test-runner.config.mjs, `separateCopies`): copy B
// registers the tags, copy A is what the journal's adapter was built against. An error or a validated
// adapter of copy A keeps its meaning in copy B's elements: recognised by a `Symbol.for` brand, not `instanceof`.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import { scenario } from './mocks.js';

type Package = typeof import('../src/index.js');
let a: Package;
let b: Package;

before(async () => {
  // Copy B first: its tags are the page's.
  b = (await import(/* @vite-ignore */ '/__sferum-test__/copy-b.js' as string)) as Package;
  a = (await import(/* @vite-ignore */ '/__sferum-test__/copy-a.js' as string)) as Package;
});

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ');

/** Mounts copy B's element with `adapter`, and collects what it fires. */
async function mount(tag: 'sferum-link' | 'sferum-chats', adapter: SferumAdapter) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const events: string[] = [];
  wrapper.addEventListener('sferum-error', (e) => events.push(`sferum-error:${e.detail.kind}:${e.detail.operation}`));
  wrapper.addEventListener('sferum-auth-required', () => events.push('sferum-auth-required'));
  const el = document.createElement(tag) as HTMLElement & { adapter?: SferumAdapter };
  el.adapter = adapter;
  wrapper.append(el);
  return { el, events };
}

const failing = (error: unknown) =>
  ({
    getLinkStatus: () => Promise.reject(error),
    listChats: () => Promise.reject(error),
  }) as unknown as SferumAdapter;

describe('two copies of the package on one page', () => {
  it('are really two: separate classes, and the tags belong to copy B', () => {
    expect(a.SferumError).not.to.equal(b.SferumError);
    expect(a.SferumLink).not.to.equal(b.SferumLink);
    expect(customElements.get('sferum-link')).to.equal(b.SferumLink);
    expect(Object.getPrototypeOf(new a.SferumError('server'))).not.to.equal(b.SferumError.prototype);
  });

  it('each copy recognises the other\u2019s SferumError: isSferumError and instanceof', () => {
    const fromA = new a.SferumError('rate-limited', 'slow down', { retryAfter: 120 });
    expect(b.isSferumError(fromA)).to.equal(true);
    expect(fromA instanceof b.SferumError).to.equal(true);
    expect(new b.SferumError('server') instanceof a.SferumError).to.equal(true);
    for (const value of [new Error('x'), new TypeError('x'), 'x', undefined, null, { kind: 'server' }]) {
      expect(b.isSferumError(value), String(value)).to.equal(false);
      expect(value instanceof b.SferumError, String(value)).to.equal(false);
    }
    // A subclass keeps ordinary instanceof.
    class JournalError extends b.SferumError {}
    expect(new b.SferumError('server') instanceof JournalError).to.equal(false);
    expect(new JournalError('server') instanceof JournalError).to.equal(true);
  });

  it('copy A\u2019s `unauthorized` thrown into copy B\u2019s <sferum-link>: the 401 text, sferum-error {unauthorized} and sferum-auth-required', async () => {
    const { el, events } = await mount('sferum-link', failing(new a.SferumError('unauthorized')));
    await waitUntil(() => events.includes('sferum-auth-required'), `no sferum-auth-required; fired: ${events.join(', ')}`, { timeout: 3000 });
    expect(events).to.deep.equal(['sferum-error:unauthorized:getLinkStatus', 'sferum-auth-required']);
    expect(text(el)).to.contain('Сеанс работы в журнале завершён');
  });

  it('copy A\u2019s `rate-limited` keeps its retryAfter in copy B', async () => {
    const { el, events } = await mount('sferum-chats', failing(new a.SferumError('rate-limited', 'slow', { retryAfter: 120 })));
    await waitUntil(() => events.length > 0, 'nothing fired', { timeout: 3000 });
    expect(events).to.deep.equal(['sferum-error:rate-limited:listChats']);
    await waitUntil(() => text(el).includes('Повторите через 2:00'), `shows: ${text(el)}`);
  });

  it('copy A\u2019s createHttpAdapter in copy B\u2019s element: a 401 fires sferum-auth-required', async () => {
    await scenario('fault-401');
    const adapter = a.createHttpAdapter({ baseUrl: '/api/sferum', retry: { baseDelayMs: 5, maxDelayMs: 20 } });
    const { events } = await mount('sferum-link', adapter);
    await waitUntil(() => events.includes('sferum-auth-required'), `no sferum-auth-required; fired: ${events.join(', ')}`, { timeout: 5000 });
    expect(events[0]).to.equal('sferum-error:unauthorized:getLinkStatus');
  });

  it('copy A\u2019s validated adapter keeps its allowedHosts in copy B\u2019s element', async () => {
    const raw = {
      listChats: async () => ({
        chats: [{ id: 'c1', name: 'Школьный чат', type: 'class', members: 3, admin: 'Иванова М. П.', subject: null, url: 'https://chat.school.example/c1' }],
      }),
    } as unknown as SferumAdapter;
    const adapter = a.validateAdapter(raw, a.urlPolicy(['chat.school.example'])) as unknown as SferumAdapter;
    const { el } = await mount('sferum-chats', adapter);
    await waitUntil(() => shadow(el).querySelector('[part="row"]'), 'no rows', { timeout: 3000 });
    expect(shadow(el).querySelector<HTMLAnchorElement>('[part="row"] a')?.href).to.equal('https://chat.school.example/c1');
  });
});
