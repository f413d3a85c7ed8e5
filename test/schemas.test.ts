import { expect } from '@open-wc/testing';
import { SferumError } from '../src/adapter/errors.js';
import { schemasFor } from '../src/adapter/all-schemas.js';
import { isIsoDateTime, isRealDate } from '../src/adapter/field-schemas.js';
import type { StepInput } from '../src/adapter/schemas.js';
import { parsedSafeUrl, toSafeUrl, urlPolicy } from '../src/adapter/urls.js';
import { parseResponse, validateAdapter } from '../src/adapter/validate.js';
import type { SferumAdapter } from '../src/adapter/adapter.js';

const s = schemasFor(urlPolicy());

const conference = (over: Record<string, unknown> = {}) => ({
  id: 'vc1',
  title: 'Алгебра',
  type: 'online-lesson',
  start: '2026-11-23T09:00:00+03:00',
  end: '2026-11-23T09:45:00+03:00',
  organizer: 'Смирнова О. В.',
  url: 'https://sferum.ru/call/1',
  ...over,
});

describe('URL policy', () => {
  const cases: [string, boolean][] = [
    ['https://sferum.ru/chat/1', true],
    ['https://web.sferum.ru/x', true],
    ['https://id.vk.com/auth', true],
    ['HTTPS://SFERUM.RU/a', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['http://sferum.ru/chat', false],
    ['https://evil.example/sferum.ru', false],
    ['https://sferum.ru.evil.example/', false],
    ['https://evilsferum.ru/', false],
    ['https://user:pass@sferum.ru/', false],
    ['https://user@sferum.ru/', false],
    ['//sferum.ru/chat', false],
    ['/relative', false],
    ['', false],
  ];
  for (const [url, allowed] of cases) {
    it(`${allowed ? 'allows' : 'refuses'} ${JSON.stringify(url)}`, () => {
      expect(toSafeUrl(url) !== null).to.equal(allowed);
    });
  }

  it('lets the host extend the list with a host or an exact origin', () => {
    expect(toSafeUrl('https://school.example/x')).to.equal(null);
    expect(toSafeUrl('https://school.example/x', urlPolicy(['school.example']))).to.equal('https://school.example/x');
    expect(toSafeUrl('http://localhost:8000/mock', urlPolicy(['http://localhost:8000']))).to.equal('http://localhost:8000/mock');
    expect(toSafeUrl('http://localhost:8001/mock', urlPolicy(['http://localhost:8000']))).to.equal(null);
    // http is honoured only on loopback, even when listed
    expect(toSafeUrl('http://journal.example/x', urlPolicy(['http://journal.example']))).to.equal(null);
  });
  it('answers the same on the fast path as through the URL parser (generated cases)', () => {
    const policy = urlPolicy(['school.example', '*.region.example', 'https://journal.example', 'http://localhost:8000']);
    const hosts = ['sferum.ru', 'web.sferum.ru', 'SFERUM.ru', 'vk.com', 'a.b.vk.com', 'evilsferum.ru', 'sferum.ru.evil.example', 'school.example', 'x.school.example',
      'region.example', 'a.region.example', 'journal.example', 'journal.example:443', 'journal.example:8443', 'sferum.ru:443', 'sferum.ru:8080',
      'xn--80aswg.xn--p1ai', 'xn--zz.sferum.ru', '127.0.0.1', '0x7f.1', '1.2.3.4', 'sferum.ru.', 'sferum.r-', '-a.sferum.ru', 'a-.sferum.ru',
      'user@sferum.ru', 'user:pw@sferum.ru', 'sferum.ru@evil.example', 'localhost:8000', 'sferum%2eru'];
    const paths = ['', '/', '/chat/1', '//x', '/a/../b', '/a/./b', '/a/..', '/.', '/%2e%2E/x', '/%2E', '/%zz', '/%41', "/it's", '/a b', '/a\\b', '/^', '/`', '/{x}',
      '/@evil.example', '/:8080', '/a?x=1', '/a?x=\'1', '/a?%zz', '/a?x=%41', '/a#frag', '?q', '#f', '/ё', '/a\tb', '/a\nb'];
    const schemes = ['https://', 'http://', 'HTTPS://', 'https:', 'https:/', 'https:\\\\', 'javascript://', ' https://'];
    let compared = 0;
    for (const scheme of schemes)
      for (const host of hosts)
        for (const path of paths) {
          const raw = `${scheme}${host}${path}`;
          expect(toSafeUrl(raw, policy), raw).to.equal(parsedSafeUrl(raw, policy));
          compared++;
        }
    expect(compared).to.equal(schemes.length * hosts.length * paths.length);
    // The fast path answers with the caller's own string (no copies of 10,000 links).
    const link = 'https://sferum.ru/chat/1';
    expect(toSafeUrl(link)).to.equal(link);
  });
});

describe('dates', () => {
  it('knows which days exist', () => {
    expect(isRealDate(2024, 2, 29)).to.equal(true);
    expect(isRealDate(2025, 2, 29)).to.equal(false);
    expect(isRealDate(2026, 2, 30)).to.equal(false);
    expect(isRealDate(2026, 4, 31)).to.equal(false);
    expect(isRealDate(2026, 13, 1)).to.equal(false);
  });
  it('accepts ISO 8601 date-times with an offset only', () => {
    expect(isIsoDateTime('2026-11-23T09:00:00+03:00')).to.equal(true);
    expect(isIsoDateTime('2026-11-23T06:00:00Z')).to.equal(true);
    expect(isIsoDateTime('2026-11-23T06:00:00.123Z')).to.equal(true);
    expect(isIsoDateTime('2026-11-23T09:00:00')).to.equal(false);
    expect(isIsoDateTime('2026-02-30T09:00:00+03:00')).to.equal(false);
    expect(isIsoDateTime('2026-11-23T24:00:00+03:00')).to.equal(false);
    expect(isIsoDateTime('23.11.2026 09:00')).to.equal(false);
  });
});

describe('schemas', () => {
  it('parses each link status', () => {
    expect(s.linkStatus.parse({ state: 'unlinked' })).to.deep.equal({ state: 'unlinked', notices: [] });
    expect(s.linkStatus.parse({ state: 'pending', flowId: 'f1', method: 'max' }).state).to.equal('pending');
    const linked = s.linkStatus.parse({ state: 'linked', method: 'vkid', phone: '+79521234567', sferumUrl: 'https://sferum.ru/' });
    expect(linked).to.deep.include({ state: 'linked', autoChats: false, sferumUrl: 'https://sferum.ru/' });
  });

  it('refuses a linked phone that is not a Russian mobile in E.164', () => {
    for (const phone of ['89521234567', '+7 952 123-45-67', '+74951234567', '+375291234567']) {
      expect(s.linkStatus.safeParse({ state: 'linked', method: 'vkid', phone }).success, phone).to.equal(false);
    }
  });

  it('turns an unsafe data URL into null instead of a link', () => {
    const linked = s.linkStatus.parse({ state: 'linked', method: 'max', phone: '+79521234567', sferumUrl: 'javascript:alert(1)' });
    expect(linked.state === 'linked' && linked.sferumUrl).to.equal(null);
    const chat = s.chat.parse({ id: 'c', name: 'n', type: 'class', members: 2, admin: 'a', url: 'https://user:pw@sferum.ru/' });
    expect(chat.url).to.equal(null);
  });

  it('refuses a hosted-login step whose URL is not allowed', () => {
    const step = { id: 's', kind: 'external', url: 'https://evil.example/login', expectedOrigin: 'https://id.vk.com', state: 'x'.repeat(32) };
    expect(s.step.safeParse(step).success).to.equal(false);
    expect(s.step.safeParse({ ...step, url: 'https://id.vk.com/authorize' }).success).to.equal(true);
    expect(s.step.safeParse({ ...step, url: 'https://id.vk.com/authorize', expectedOrigin: 'https://id.vk.com/path' }).success).to.equal(false);
  });

  it('parses every step kind of the flows', () => {
    const steps: StepInput[] = [
      { id: '1', kind: 'login' },
      { id: '2', kind: 'known-account', account: { name: 'Семён' }, hasProfile: true },
      { id: '3', kind: 'password', phoneDisplay: '+7 952 111-11-11' },
      { id: '4', kind: 'code', channel: 'sms', length: 6, resendAfter: 113, alternatives: ['other-method', 'change-phone'] },
      { id: '5', kind: 'code', channel: 'call', length: 4, resendAfter: 56 },
      { id: '6', kind: 'code', channel: 'push', length: 6 },
      { id: '7', kind: 'choose-profile', profiles: [{ id: 'p', name: 'Семён' }] },
      { id: '8', kind: 'create-profile', phoneMasked: '+7 *** ** *' },
      { id: '9', kind: 'about-you', prefill: { lastName: 'Иванов', birthDate: '1978-12-12', gender: 'male' } },
      { id: '10', kind: 'consent' },
      { id: '11', kind: 'external', url: 'https://id.vk.com/a', expectedOrigin: 'https://id.vk.com', state: 'abcdefghijklmnop' },
      { id: '12', kind: 'recovery-phone' },
      { id: '13', kind: 'recovery-account', account: { name: 'Семён', phoneMasked: '+7 *** ***-**-11' } },
      { id: '14', kind: 'recovery-method', methods: [{ method: 'app' }, { method: 'email', hint: 'ka***@mail.ru' }, { method: 'friends' }] },
      { id: '15', kind: 'code', purpose: 'recovery', channel: 'email', length: 6, resendAfter: 291, alternatives: ['no-email-access'] },
      { id: '16', kind: 'new-password' },
      { id: '17', kind: 'max-phone' },
      { id: '18', kind: 'max-pending', pollIntervalMs: 2000 },
      { id: '19', kind: 'done', status: { state: 'linked', method: 'vkid', phone: '+79521234567' } },
    ];
    for (const step of steps) expect(s.step.safeParse(step).success, step.kind).to.equal(true);
    expect(new Set(steps.map((x) => x.kind)).size).to.equal(16);
    expect(s.step.safeParse({ id: 'x', kind: 'teleport' }).success).to.equal(false);
    expect(s.step.safeParse({ id: 'x', kind: 'about-you', prefill: { birthDate: '2020-02-30' } }).success).to.equal(false);
    expect(s.step.safeParse({ id: 'x', kind: 'max-pending', pollIntervalMs: 10 }).success).to.equal(false);
  });

  it('rejects conferences that end before they start and dates that do not exist', () => {
    expect(s.conference.safeParse(conference()).success).to.equal(true);
    expect(s.conference.safeParse(conference({ end: '2026-11-23T08:00:00+03:00' })).success).to.equal(false);
    expect(s.conference.safeParse(conference({ start: '2026-02-30T09:00:00+03:00' })).success).to.equal(false);
    expect(s.conference.safeParse(conference({ type: 'party' })).success).to.equal(false);
  });

  it('keeps hostile text as plain data', () => {
    const chat = s.chat.parse({ id: 'c', name: '<img src=x onerror=alert(1)>', type: 'other', members: 0, admin: 'מנהל', url: null });
    expect(chat.name).to.equal('<img src=x onerror=alert(1)>');
  });
});

describe('validateAdapter', () => {
  const base = {} as SferumAdapter;
  it('turns a malformed answer into invalid-response, naming where', async () => {
    const adapter = validateAdapter({ ...base, getLinkStatus: async () => ({ state: 'linked', method: 'vkid', phone: 'nope' }) } as SferumAdapter);
    const error = await adapter.getLinkStatus(new AbortController().signal).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(SferumError);
    expect((error as SferumError).kind).to.equal('invalid-response');
    expect((error as SferumError).message).to.contain('phone');
  });

  it('wraps anything thrown into a SferumError and recognises aborts', async () => {
    const adapter = validateAdapter({
      ...base,
      listChats: async () => {
        throw new Error('boom');
      },
      unlink: async (signal: AbortSignal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('x', 'AbortError')))),
    } as SferumAdapter);
    expect(((await adapter.listChats(new AbortController().signal).catch((e) => e)) as SferumError).kind).to.equal('server');
    const controller = new AbortController();
    const pending = adapter.unlink(controller.signal).catch((e) => e);
    controller.abort();
    expect(((await pending) as SferumError).kind).to.equal('aborted');
  });

  it('validates once when wrapped twice', () => {
    const raw = { ...base } as SferumAdapter;
    const once = validateAdapter(raw);
    expect(validateAdapter(once)).to.equal(once);
    expect(validateAdapter(raw)).to.equal(once);
  });

  it('parseResponse reports the path of the first problem', () => {
    expect(() => parseResponse(s.chatList, { chats: [{ id: 'c' }] }, 'listChats')).to.throw(/listChats: chats\.0\./);
  });
});
