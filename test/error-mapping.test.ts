// What an adapter throws becomes the kind docs/http-contract.md («Errors thrown by an adapter») says,
// and an element shows and reports exactly that: one case per kind of throw.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SferumAdapter } from '../src/adapter/adapter.js';
import { SferumError, isAbortError, toSferumError, type SferumErrorKind } from '../src/adapter/errors.js';
import '../src/define/sferum-chats.js';

interface Case {
  name: string;
  thrown: () => unknown;
  kind: SferumErrorKind;
  text: string;
}

const CASES: Case[] = [
  { name: 'a SferumError', thrown: () => new SferumError('unauthorized'), kind: 'unauthorized', text: 'Сеанс работы в журнале завершён' },
  { name: 'a TypeError (fetch\u2019s network failure)', thrown: () => new TypeError('Failed to fetch'), kind: 'network', text: 'Нет соединения с сервером' },
  { name: 'a TimeoutError (AbortSignal.timeout)', thrown: () => new DOMException('signal timed out', 'TimeoutError'), kind: 'timeout', text: 'Сервер долго не отвечает' },
  { name: 'an AbortError from inside the adapter', thrown: () => new DOMException('The user aborted a request.', 'AbortError'), kind: 'aborted', text: 'Что-то пошло не так' },
  { name: 'an Error', thrown: () => new Error('boom'), kind: 'server', text: 'Сервис временно недоступен' },
  { name: 'a RangeError', thrown: () => new RangeError('boom'), kind: 'server', text: 'Сервис временно недоступен' },
  { name: 'a string', thrown: () => 'boom', kind: 'server', text: 'Сервис временно недоступен' },
  { name: 'undefined', thrown: () => undefined, kind: 'server', text: 'Сервис временно недоступен' },
  { name: 'a plain object', thrown: () => ({ kind: 'unauthorized' }), kind: 'server', text: 'Сервис временно недоступен' },
];

describe('what an adapter throws', () => {
  describe('toSferumError', () => {
    for (const { name, thrown, kind } of CASES) {
      it(`${name} → ${kind}`, () => {
        const error = toSferumError(thrown());
        expect(error).to.be.instanceOf(SferumError);
        expect(error.kind).to.equal(kind);
      });
    }

    it('keeps a SferumError as it is', () => {
      const error = new SferumError('rate-limited', 'slow', { retryAfter: 7 });
      expect(toSferumError(error)).to.equal(error);
    });

    it('an abort from any source is an abort', () => {
      expect(isAbortError(new DOMException('x', 'AbortError'))).to.equal(true);
      expect(isAbortError(Object.assign(new Error('x'), { name: 'AbortError' }))).to.equal(true);
      expect(isAbortError(new SferumError('aborted'))).to.equal(true);
      expect(isAbortError(new DOMException('x', 'TimeoutError'))).to.equal(false);
      expect(isAbortError(undefined)).to.equal(false);
    });
  });

  describe('in an element', () => {
    for (const { name, thrown, kind, text } of CASES) {
      it(`${name}: shows «${text}» with «Повторить» and fires sferum-error {kind: ${kind}}`, async () => {
        const adapter = { listChats: () => Promise.reject(thrown()) } as unknown as SferumAdapter;
        const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
        const events: string[] = [];
        wrapper.addEventListener('sferum-error', (e) => events.push(`${e.detail.kind}:${e.detail.operation}`));
        wrapper.addEventListener('sferum-auth-required', () => events.push('auth-required'));
        const el = document.createElement('sferum-chats');
        el.adapter = adapter;
        wrapper.append(el);
        await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'no error shown', { timeout: 3000 });
        expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain(text);
        expect([...el.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent!.includes('Повторить'))).to.equal(true);
        expect(events).to.deep.equal(kind === 'unauthorized' ? ['unauthorized:listChats', 'auth-required'] : [`${kind}:listChats`]);
        await expect(el).to.be.accessible();
      });
    }

    it('an abort the element caused itself (removed while loading) shows nothing and fires nothing', async () => {
      const events: Event[] = [];
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      wrapper.addEventListener('sferum-error', (e) => events.push(e));
      let aborted = false;
      const adapter = {
        listChats: (signal: AbortSignal) =>
          new Promise((_, reject) =>
            signal.addEventListener('abort', () => {
              aborted = true;
              reject(new DOMException('aborted', 'AbortError'));
            }),
          ),
      } as unknown as SferumAdapter;
      const el = document.createElement('sferum-chats');
      el.adapter = adapter;
      wrapper.append(el);
      await el.updateComplete;
      el.remove();
      await waitUntil(() => aborted, 'the request was not aborted');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    });
  });

  describe('docs/http-contract.md says the same', () => {
    it('each row of «Errors thrown by an adapter» is what the code does', async () => {
      const doc = await (await fetch('/docs/http-contract.md')).text();
      const section = doc.split('### Errors thrown by an adapter')[1]!.split('\n## ')[0]!;
      const rows = section.split('\n').filter((line) => /^\| (a|an|any|anything)\b/.test(line));
      const samples: Record<string, unknown[]> = {
        SferumError: [new SferumError('wrong-code')],
        TypeError: [new TypeError('Failed to fetch')],
        TimeoutError: [new DOMException('x', 'TimeoutError')],
        AbortError: [new DOMException('x', 'AbortError'), Object.assign(new Error('x'), { name: 'AbortError' })],
        Error: [new Error('x'), new SyntaxError('x')],
        'anything else': ['x', undefined, { kind: 'unauthorized' }, 42],
      };
      expect(rows.length).to.equal(Object.keys(samples).length);
      for (const row of rows) {
        const [, thrownCell, kindCell] = row.split('|').map((cell) => cell.trim());
        const key = Object.keys(samples).find((k) => thrownCell!.includes(k === 'anything else' ? k : `\`${k}\``))!;
        expect(key, row).to.be.a('string');
        for (const sample of samples[key]!) {
          const expected = kindCell === 'its own `kind`' ? (sample as SferumError).kind : /`([a-z-]+)`/.exec(kindCell!)![1];
          expect(toSferumError(sample).kind, `${row} — ${String(sample)}`).to.equal(expected);
        }
        delete samples[key];
      }
    });
  });
});
