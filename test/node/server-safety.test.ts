// Abuse and safety of the server: CSRF (Origin / Sec-Fetch-Site), the body size limit, rate limits
// with 429 and Retry-After per user and per client address, and logs that never carry a phone,
// code, token, state, verifier, password or MAX payload — every log line of full flows (the
// handler's own logger and the console) is captured and scanned for each secret seen on the way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import type { ServerLogEntry } from '../../src/server/log.js';
import { createMemoryStore, type FlowStore } from '../../src/server/store.js';
import { createMaxHandlers } from '../../mocks/max-api/handlers.js';
import { createVkidHandlers } from '../../mocks/vkid-api/handlers.js';
import { MockVkid } from '../../mocks/vkid-api/state.js';
import { BASE, ORIGIN, REDIRECT_URI, VKID_CLIENT_ID, WEBHOOK_SECRET, clientFor, createHarness, startMax } from '../server/harness.js';

const msw = setupServer();
before(() => msw.listen({ onUnhandledRequest: 'error' }));
after(() => msw.close());

describe('server: CSRF', () => {
  const { handler } = createHarness();
  const post = (headers: Record<string, string>) =>
    handler(new Request(`${BASE}/link/flows`, { method: 'POST', headers: { Cookie: 'session=csrf', 'Content-Type': 'application/json', ...headers }, body: '{"method":"max"}' }));

  it('accepts the journal\'s own origin, or Sec-Fetch-Site: same-origin without an Origin', async () => {
    assert.equal((await post({ Origin: ORIGIN })).status, 200);
    assert.equal((await post({ 'Sec-Fetch-Site': 'same-origin' })).status, 200);
  });

  it('refuses another origin, a missing one, and any cross-site request', async () => {
    const refused: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Origin: 'null' }, {}, { 'Sec-Fetch-Site': 'same-site' }, { Origin: ORIGIN, 'Sec-Fetch-Site': 'cross-site' }];
    for (const headers of refused) {
      const response = await post(headers);
      assert.equal(response.status, 403, JSON.stringify(headers));
      assert.equal(((await response.json()) as { error: { kind: string } }).error.kind, 'server');
    }
    const read = await handler(new Request(`${BASE}/link`, { headers: { Cookie: 'session=csrf', 'Sec-Fetch-Site': 'cross-site' } }));
    assert.equal(read.status, 403, 'a cross-site read is refused too');
    const cancel = await handler(new Request(`${BASE}/link`, { method: 'DELETE', headers: { Cookie: 'session=csrf', Origin: 'https://evil.example' } }));
    assert.equal(cancel.status, 403);
  });

  it('defaults to the request URL\'s own origin when no origins are configured', async () => {
    const { handler: open } = createHarness({ origins: undefined });
    const request = (origin: string) =>
      open(new Request(`${BASE}/link/flows`, { method: 'POST', headers: { Cookie: 'session=x', Origin: origin, 'Content-Type': 'application/json' }, body: '{"method":"max"}' }));
    assert.equal((await request(ORIGIN)).status, 200);
    assert.equal((await request('https://journal.test.evil.example')).status, 403);
  });
});

describe('server: request bodies', () => {
  it('refuses a body over the limit, declared or streamed', async () => {
    const { handler } = createHarness({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ method: 'max', returnUrl: `${ORIGIN}/${'a'.repeat(2000)}` });
    const declared = await handler(new Request(`${BASE}/link/flows`, { method: 'POST', headers: { Cookie: 'session=b', Origin: ORIGIN, 'Content-Type': 'application/json', 'Content-Length': String(big.length) }, body: big }));
    assert.equal(declared.status, 413);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 512;
        controller.enqueue(new TextEncoder().encode(' '.repeat(512)));
        if (sent > 1_000_000) controller.close();
      },
    });
    const streamed = await handler(
      new Request(`${BASE}/link/flows`, { method: 'POST', headers: { Cookie: 'session=b', Origin: ORIGIN, 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit),
    );
    assert.equal(streamed.status, 413);
    assert.ok(sent < 8 * 1024, `stopped reading after ${sent} bytes`);
  });
});

describe('server: rate limits', () => {
  it('limits phone submissions per user (too-many-attempts, Retry-After)', async () => {
    const h = createHarness();
    msw.resetHandlers(...createMaxHandlers(h.max));
    const client = clientFor(h.handler, 'limited-user');
    const started = await client.post('/link/flows', { method: 'max' });
    const path = `/link/flows/${started.body.flowId}/steps/${started.body.step.id}`;
    for (let i = 0; i < 5; i++) assert.equal((await client.post(path, { action: 'continue', values: { phone: '+74950000000' } })).status, 422);
    const sixth = await client.post(path, { action: 'continue', values: { phone: '+79521234567' } });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.body.error.kind, 'too-many-attempts');
    const wait = Number(sixth.headers.get('Retry-After'));
    assert.ok(wait > 500 && wait <= 600, `Retry-After ${wait}`);
    assert.equal(sixth.body.error.retryAfter, wait);
  });

  it('limits per client address across users, and starts per user', async () => {
    const h = createHarness({ limits: { phone: { address: { max: 3, windowMs: 60_000 } }, start: { user: { max: 2, windowMs: 60_000 } } } });
    msw.resetHandlers(...createMaxHandlers(h.max));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const client = clientFor(h.handler, `neighbour-${i}`, '192.0.2.1');
      const started = await client.post('/link/flows', { method: 'max' });
      statuses.push((await client.post(`/link/flows/${started.body.flowId}/steps/${started.body.step.id}`, { action: 'continue', values: { phone: '+79521234567' } })).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const elsewhere = clientFor(h.handler, 'neighbour-9', '192.0.2.2');
    const started = await elsewhere.post('/link/flows', { method: 'max' });
    assert.equal((await elsewhere.post(`/link/flows/${started.body.flowId}/steps/${started.body.step.id}`, { action: 'continue', values: { phone: '+79521234567' } })).status, 200, 'another address is not limited');

    const eager = clientFor(h.handler, 'eager', '192.0.2.3');
    assert.equal((await eager.post('/link/flows', { method: 'max' })).status, 200);
    assert.equal((await eager.post('/link/flows', { method: 'max' })).status, 200);
    const third = await eager.post('/link/flows', { method: 'max' });
    assert.equal(third.status, 429);
    assert.equal(third.body.error.kind, 'rate-limited');
    assert.ok(Number(third.headers.get('Retry-After')) >= 1);
  });

  it('limits hosted VK ID results (code attempts) and resends', async () => {
    const h = createHarness({ limits: { code: { user: { max: 3, windowMs: 60_000 } }, resend: { user: { max: 1, windowMs: 60_000 } } } });
    msw.resetHandlers(...createVkidHandlers(new MockVkid({ clientId: VKID_CLIENT_ID, redirectUris: [REDIRECT_URI] })));
    const client = clientFor(h.handler, 'guesser');
    const flow = await client.post('/link/flows', { method: 'vkid' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.post(`/link/flows/${flow.body.flowId}/external`, { params: { code: `guess-${i}`, state: `wrong-state-${i}-xxxxxxxx`, device_id: 'd' } })).status);
    assert.deepEqual(statuses, [409, 409, 409, 429]);
    const resend = `/link/flows/${flow.body.flowId}/steps/${flow.body.step.id}/resend`;
    assert.equal((await client.post(resend)).status, 409);
    assert.equal((await client.post(resend)).body.error.kind, 'too-many-attempts');
  });

  it('limits polls per client address', async () => {
    const h = createHarness({ limits: { poll: { address: { max: 3, windowMs: 60_000 } } } });
    msw.resetHandlers(...createMaxHandlers(h.max));
    const client = clientFor(h.handler, 'poller', '192.0.2.9');
    const { flowId } = await startMax(client, '+79521234567');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.get(`/link/flows/${flowId}/status`)).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  });
});

/** Every value written to the store, parsed, so that the test knows the verifiers and states. */
function spy(): FlowStore & { records: Record<string, unknown>[] } {
  const inner = createMemoryStore();
  const records: Record<string, unknown>[] = [];
  return {
    records,
    get: (key) => inner.get(key),
    put: (key, value, ttl, expect) => {
      if (value.startsWith('{')) records.push(JSON.parse(value) as Record<string, unknown>);
      return inner.put(key, value, ttl, expect);
    },
    delete: (key) => inner.delete(key),
    hit: (key, windowMs) => inner.hit(key, windowMs),
  };
}

describe('server: logs', () => {
  it('carry no phone, code, token, state, verifier, password or MAX payload through full flows', async () => {
    const lines: string[] = [];
    const entries: ServerLogEntry[] = [];
    const console_ = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
    for (const name of Object.keys(console_) as (keyof typeof console_)[]) {
      console[name] = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    }
    const secrets = new Set<string>(['Sferum-2024!', WEBHOOK_SECRET, 'mock-max-bot-token']);
    try {
      const store = spy();
      const vkid = new MockVkid({ clientId: VKID_CLIENT_ID, redirectUris: [REDIRECT_URI] });
      // Twice: with a logger of the journal's, and with the default one (the console).
      for (const log of [(entry: ServerLogEntry) => void entries.push(entry), undefined]) {
        const h = createHarness({ store, log }, { persona: 'manual' });
        msw.resetHandlers(...createMaxHandlers(h.max), ...createVkidHandlers(vkid));
        const client = clientFor(h.handler, log ? 'log-user-1' : 'log-user-2');

        // MAX, to the end: deep link, «Подключить», the contact.
        for (const phone of ['+79521234567', '+79527654321', '8 (952) 123-45-67']) secrets.add(phone).add(phone.replace(/\D/g, '').slice(-10));
        const { flowId, pending } = await startMax(client, '+79521234567');
        secrets.add(new URL(pending['deepLink']).searchParams.get('start')!);
        await h.max.openDeepLink(5001, pending['deepLink']);
        await h.max.press(5001, 'Подключить');
        await h.max.press(5001, 'Отправить номер телефона');
        await client.get(`/link/flows/${flowId}/status`);
        await client.delete('/link');
        // MAX: a wrong contact, a wrong phone format, a password where none belongs.
        const second = await startMax(client, '+79527654321');
        await h.max.openDeepLink(5002, second.pending['deepLink']);
        await h.max.press(5002, 'Подключить');
        await h.max.shareContact(5002, '79990001122');
        secrets.add('79990001122');
        await client.get(`/link/flows/${second.flowId}/status`);
        const third = await client.post('/link/flows', { method: 'max' });
        await client.post(`/link/flows/${third.body.flowId}/steps/${third.body.step.id}`, { action: 'continue', values: { phone: '8 (952) 123-45-67x', password: 'Sferum-2024!' } });
        await client.post(`/link/flows/${third.body.flowId}/steps/${third.body.step.id}`, { action: 'hack', values: { phone: '+79521234567' } });

        // Hosted VK ID: a refused one, a foreign state, then to the end.
        const flow = await client.post('/link/flows', { method: 'vkid' });
        secrets.add(flow.body.step.state);
        const visit = async () => Object.fromEntries(new URL((await fetch(flow.body.step.url, { redirect: 'manual' })).headers.get('Location')!).searchParams);
        vkid.scenario = 'access_denied';
        await client.post(`/link/flows/${flow.body.flowId}/external`, { params: await visit() });
        vkid.scenario = 'consent';
        const params = await visit();
        for (const key of ['code', 'device_id', 'state']) secrets.add(params[key]!);
        await client.post(`/link/flows/${flow.body.flowId}/external`, { params: { ...params, state: `${params['state']}-forged` } });
        await client.post(`/link/flows/${flow.body.flowId}/external`, { params });
        await client.post(`/link/flows/${flow.body.flowId}/external`, { params });
        // A webhook with a wrong secret, and one that is not JSON.
        await h.handler(new Request(`${BASE}/max/webhook`, { method: 'POST', headers: { 'X-Max-Bot-Api-Secret': 'guess', 'Content-Type': 'application/json' }, body: '{}' }));
        await h.handler(new Request(`${BASE}/max/webhook`, { method: 'POST', headers: { 'X-Max-Bot-Api-Secret': WEBHOOK_SECRET, 'Content-Type': 'application/json' }, body: '{"update_type":"bot_started","payload":' }));
        await client.delete('/link');
      }
      // Whatever the flows kept for a while (verifiers, states, payloads, nonces).
      for (const record of store.records) {
        const vk = record['vkid'] as { state: string; verifier: string; challenge: string } | undefined;
        if (vk) [vk.state, vk.verifier, vk.challenge].forEach((s) => secrets.add(s));
        const max = record['max'] as { payload: string; nonce: string } | undefined;
        if (max) [max.payload, max.nonce].forEach((s) => secrets.add(s));
      }
    } finally {
      Object.assign(console, console_);
    }
    for (const entry of entries) lines.push(JSON.stringify(entry));
    assert.ok(entries.length > 40, `the flows were logged (${entries.length} entries)`);
    assert.ok(lines.length > entries.length, 'the default logger wrote to the console too');
    assert.ok(entries.some((e) => e.event === 'flow-linked' && e.method === 'max'));
    assert.ok(entries.some((e) => e.event === 'flow-linked' && e.method === 'vkid'));
    const all = lines.join('\n');
    for (const secret of secrets) assert.equal(all.includes(secret), false, `a log line carries «${secret.slice(0, 6)}…»`);
    assert.doesNotMatch(all, /vk2\.[ar]\.|eyJ/, 'no VK ID token');
    // Flow ids are random base64url and may hold a run of digits by chance.
    assert.doesNotMatch(all.replace(/"flowId":"[\w-]+"/g, ''), /\d{7,}/, 'no long digit run (a phone, a code)');
    assert.doesNotMatch(all, /password|verifier/i);
  });
});
