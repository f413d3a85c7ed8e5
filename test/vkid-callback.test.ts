// The callback page at a journal's VK ID redirect URI (`sferum-widgets/vkid-callback`): how it reads
// VK ID's answer and where it sends it. The whole trip with the widget is in test/link-hosted.test.ts
// (popup) and test/vkid-redirect.test.ts (redirect).
import { expect } from '@open-wc/testing';
import { EXTERNAL_RESULT_FRAGMENT, EXTERNAL_RESULT_TYPE, EXTERNAL_RETURN_KEY } from '../src/components/link/steps/external.js';
import {
  VKID_RESULT_FRAGMENT,
  VKID_RESULT_TYPE,
  VKID_RETURN_KEY,
  completeVkidCallback,
  readVkidResult,
  type CallbackWindow,
} from '../src/vkid-callback/callback.js';
import { until } from './remote-page.js';

const PAGE = 'https://journal.example/sferum/vkid-callback.html';

/** A window around the page at `href`: records what the page does, in order. */
function fakeWindow(href: string, options: { opener?: 'open' | 'closed' | null; stored?: unknown } = {}) {
  const events: string[] = [];
  const posted: { message: unknown; target: string }[] = [];
  let url = new URL(href);
  const store = new Map<string, string>();
  if (options.stored !== undefined) store.set(VKID_RETURN_KEY, typeof options.stored === 'string' ? options.stored : JSON.stringify(options.stored));
  const opener = options.opener
    ? {
        closed: options.opener === 'closed',
        postMessage: (message: unknown, target: string) => {
          events.push('post');
          posted.push({ message, target });
        },
      }
    : null;
  const win = {
    get location() {
      return {
        get href() {
          return url.href;
        },
        get origin() {
          return url.origin;
        },
        get pathname() {
          return url.pathname;
        },
        get search() {
          return url.search;
        },
        get hash() {
          return url.hash;
        },
        replace: (to: string) => {
          events.push(`navigate ${to}`);
        },
      };
    },
    history: {
      replaceState: (_state: unknown, _title: string, to: string) => {
        events.push(`replaceState ${to}`);
        url = new URL(to, url);
      },
    },
    opener,
    close: () => events.push('close'),
    sessionStorage: {
      getItem: (key: string) => store.get(key) ?? null,
      removeItem: (key: string) => void store.delete(key),
    },
  } as unknown as CallbackWindow;
  return { win, events, posted, store, href: () => url.href };
}

const later = () => Date.now() + 60_000;

describe('vkid-callback: reading VK ID\u2019s answer', () => {
  it('takes code, state and device_id, or error (with error_description) and state; nothing else', () => {
    expect(readVkidResult('?code=c1&state=s1&device_id=d1&type=code_v2&expires_in=600')).to.deep.equal({ code: 'c1', state: 's1', device_id: 'd1' });
    expect(readVkidResult('#code=c1&state=s1&device_id=d1')).to.deep.equal({ code: 'c1', state: 's1', device_id: 'd1' });
    expect(readVkidResult('?error=access_denied&error_description=User+denied+access&state=s1')).to.deep.equal({
      error: 'access_denied',
      error_description: 'User denied access',
      state: 's1',
    });
    expect(readVkidResult('?error=access_denied&state=s1&code=c1')).to.deep.equal({ error: 'access_denied', state: 's1' });
    for (const incomplete of ['', '?code=c1&device_id=d1', '?code=c1&state=s1', '?state=s1&device_id=d1', '?error=&state=s1', `?code=${'x'.repeat(2049)}&state=s1&device_id=d1`]) {
      expect(readVkidResult(incomplete), incomplete.slice(0, 40)).to.equal(undefined);
    }
  });

  it('speaks the same names as the widget', () => {
    expect([VKID_RESULT_TYPE, VKID_RETURN_KEY, VKID_RESULT_FRAGMENT]).to.deep.equal([EXTERNAL_RESULT_TYPE, EXTERNAL_RETURN_KEY, EXTERNAL_RESULT_FRAGMENT]);
  });
});

describe('vkid-callback: where the answer goes', () => {
  it('removes the answer from the address bar before anything else, then posts it to the opener at this page\u2019s own origin and closes', () => {
    const w = fakeWindow(`${PAGE}?code=c1&state=s1&device_id=d1`, { opener: 'open' });
    expect(completeVkidCallback({}, w.win)).to.equal('posted');
    expect(w.events).to.deep.equal(['replaceState /sferum/vkid-callback.html', 'post', 'close']);
    expect(w.posted).to.deep.equal([
      { message: { type: 'sferum:vkid-result', state: 's1', params: { code: 'c1', state: 's1', device_id: 'd1' } }, target: 'https://journal.example' },
    ]);
  });

  it('reads the fragment too, and posts an error with its description', () => {
    const w = fakeWindow(`${PAGE}#error=access_denied&error_description=denied&state=s1`, { opener: 'open' });
    expect(completeVkidCallback({}, w.win)).to.equal('posted');
    expect(w.href()).to.equal(PAGE);
    expect(w.posted[0]!.message).to.deep.equal({ type: 'sferum:vkid-result', state: 's1', params: { error: 'access_denied', error_description: 'denied', state: 's1' } });
  });

  it('posts to another opener origin only when told it exactly; `*`, `null` and addresses with a path are refused', () => {
    const told = fakeWindow(`${PAGE}?code=c1&state=s1&device_id=d1`, { opener: 'open' });
    expect(completeVkidCallback({ openerOrigin: 'https://school.example' }, told.win)).to.equal('posted');
    expect(told.posted[0]!.target).to.equal('https://school.example');
    for (const openerOrigin of ['*', 'null', '', 'https://school.example/journal', 'school.example', 'javascript:alert(1)', 'https://u:p@school.example']) {
      const w = fakeWindow(`${PAGE}?code=c1&state=s1&device_id=d1`, { opener: 'open' });
      expect(completeVkidCallback({ openerOrigin }, w.win), openerOrigin).to.equal('misconfigured');
      expect(w.posted, openerOrigin).to.deep.equal([]);
      // Even then the code has left the address bar.
      expect(w.href()).to.equal(PAGE);
    }
  });

  it('without an answer, posts nothing and stays open', () => {
    const w = fakeWindow(`${PAGE}?state=s1`, { opener: 'open' });
    expect(completeVkidCallback({}, w.win)).to.equal('no-result');
    expect(w.events).to.deep.equal(['replaceState /sferum/vkid-callback.html']);
  });

  it('after a redirect (the widget left a return address) returns there with the answer in the fragment, even when the tab has an opener', () => {
    const w = fakeWindow(`${PAGE}?code=c1&state=s1&device_id=d1`, {
      opener: 'open',
      stored: { returnUrl: 'https://journal.example/diary?tab=sferum#/settings/sferum', expires: later() },
    });
    expect(completeVkidCallback({}, w.win)).to.equal('returned');
    expect(w.posted).to.deep.equal([]);
    expect(w.store.has(VKID_RETURN_KEY)).to.equal(false);
    expect(w.events).to.deep.equal([
      'replaceState /sferum/vkid-callback.html',
      'navigate https://journal.example/diary?tab=sferum#sferum-vkid-result=&code=c1&state=s1&device_id=d1&hash=%2Fsettings%2Fsferum',
    ]);
  });

  it('without an opener or a return address, uses data-return-url; without it, says the sign-in did not finish', () => {
    const w = fakeWindow(`${PAGE}?error=access_denied&state=s1`);
    expect(completeVkidCallback({ returnUrl: '/diary' }, w.win)).to.equal('returned');
    expect(w.events.at(-1)).to.equal('navigate https://journal.example/diary#sferum-vkid-result=&error=access_denied&state=s1');
    const none = fakeWindow(`${PAGE}?code=c1&state=s1&device_id=d1`);
    expect(completeVkidCallback({}, none.win)).to.equal('no-return');
    expect(none.events).to.deep.equal(['replaceState /sferum/vkid-callback.html']);
    // An opener that is gone counts as none.
    const gone = fakeWindow(`${PAGE}?code=c1&state=s1&device_id=d1`, { opener: 'closed' });
    expect(completeVkidCallback({}, gone.win)).to.equal('no-return');
  });

  it('returns only to this page\u2019s origin or the opener origin, and ignores an expired or broken return address', () => {
    const cases: [unknown, string | undefined, string][] = [
      [{ returnUrl: 'https://evil.example/', expires: later() }, undefined, 'no-return'],
      [{ returnUrl: 'javascript:alert(1)', expires: later() }, undefined, 'no-return'],
      [{ returnUrl: 'https://journal.example/old', expires: Date.now() - 1 }, undefined, 'no-return'],
      ['{not json', undefined, 'no-return'],
      [{ returnUrl: 'https://school.example/diary', expires: later() }, 'https://school.example', 'returned'],
    ];
    // data-return-url is held to the same rule.
    for (const [stored, openerOrigin, outcome] of cases) {
      const w = fakeWindow(`${PAGE}?code=c1&state=s1&device_id=d1`, { stored });
      expect(completeVkidCallback({ openerOrigin, returnUrl: 'https://evil.example/' }, w.win), JSON.stringify(stored)).to.equal(outcome);
      if (outcome === 'no-return') expect(w.events.some((e) => e.startsWith('navigate'))).to.equal(false);
    }
  });
});

describe('vkid-callback: the page itself', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  async function load(src: string): Promise<HTMLIFrameElement> {
    sessionStorage.removeItem(VKID_RETURN_KEY);
    frame = document.createElement('iframe');
    frame.src = src;
    document.body.append(frame);
    await until(() => frame!.contentDocument?.readyState === 'complete' && frame!.contentWindow!.location.href !== 'about:blank', 'the page did not load');
    return frame;
  }

  it('with no one to hand the answer to: the address is clean and the page says so, in Russian', async () => {
    const f = await load('/demo/vkid-callback.html?code=c1&state=s1&device_id=d1');
    const status = () => f.contentDocument!.querySelector('#sferum-vkid-callback')!.textContent;
    await until(() => status()!.includes('не завершён'), 'no message');
    expect(status()).to.equal('Вход через VK ID не завершён. Закройте эту страницу и начните привязку заново.');
    expect(f.contentWindow!.location.href).to.equal(`${location.origin}/demo/vkid-callback.html`);
  });

  it('in English on a page whose lang is en', async () => {
    const f = await load('/test/vkid-callback.html?lang=en&code=c1&state=s1&device_id=d1');
    await until(() => f.contentDocument!.querySelector('#sferum-vkid-callback')!.textContent!.includes('did not finish'), 'no message');
    expect(f.contentDocument!.querySelector('#sferum-vkid-callback')!.textContent).to.equal(
      'Signing in with VK ID did not finish. Close this page and start linking again.',
    );
  });

  it('with data-return-url on its script tag: back to that page, the answer in the fragment', async () => {
    const f = await load(`/test/vkid-callback.html?return-url=${encodeURIComponent('/test/fixtures/blank.html?x=1')}&error=access_denied&state=s1`);
    await until(() => f.contentWindow!.location.pathname === '/test/fixtures/blank.html', 'did not return', { timeout: 4000 });
    expect(f.contentWindow!.location.search).to.equal('?x=1');
    expect(f.contentWindow!.location.hash).to.equal('#sferum-vkid-result=&error=access_denied&state=s1');
  });
});
