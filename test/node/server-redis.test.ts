// The Redis store against a real redis-server on loopback (started by `npm test`, or here when
// this file runs alone): its compare-and-set and TTLs, two handler instances on one store
// finishing each other's flows, and a node killed mid-flow — before MAX answered, and while it was
// recording the link — with another node finishing the flow and recording it exactly once.
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { setupServer } from 'msw/node';
import { createRedisStore, type RedisFlowStore } from '../../src/server/redis.js';
import type { SferumHandler } from '../../src/server/handler.js';
import { createMaxHandlers } from '../../mocks/max-api/handlers.js';
import { createVkidHandlers } from '../../mocks/vkid-api/handlers.js';
import { MockVkid } from '../../mocks/vkid-api/state.js';
import { startRedis } from '../../scripts/redis.mjs';
import { ORIGIN, REDIRECT_URI, VKID_CLIENT_ID, clientFor, createHarness, sleep, startMax } from '../server/harness.js';

const SEMYON = { user: 5001, phone: '+79521234567' };
let url = process.env['SFERUM_REDIS_URL'];
let ownRedis: { stop(): Promise<void> } | undefined;
const stores: RedisFlowStore[] = [];
const msw = setupServer();
const prefix = `sferum-test-${process.pid}-${Date.now()}:`;

function store(): RedisFlowStore {
  const created = createRedisStore({ url: url!, prefix });
  stores.push(created);
  return created;
}

before(async () => {
  if (!url) {
    const redis = await startRedis();
    ownRedis = redis;
    url = redis.url;
  }
  msw.listen({ onUnhandledRequest: 'bypass' });
});

after(async () => {
  msw.close();
  await Promise.all(stores.map((s) => s.close()));
  await ownRedis?.stop();
});

describe('server: the Redis store', () => {
  it('creates, compares-and-sets, expires and counts like the in-memory store', async () => {
    const s = store();
    assert.equal(await s.put('cas', 'one', 10_000, null), 1);
    assert.equal(await s.put('cas', 'again', 10_000, null), undefined);
    assert.equal(await s.put('cas', 'two', 10_000, 7), undefined);
    assert.equal(await s.put('cas', 'two', 10_000, 1), 2);
    assert.deepEqual(await s.get('cas'), { value: 'two', version: 2 });
    assert.equal(await s.put('cas', 'three', 10_000, 'any'), 3);
    await s.delete('cas');
    assert.equal(await s.get('cas'), undefined);

    assert.equal(await s.put('short', 'gone soon', 120, null), 1);
    assert.ok(await s.get('short'));
    await sleep(250);
    assert.equal(await s.get('short'), undefined, 'expired by Redis itself');

    assert.equal((await s.hit('h', 60_000)).count, 1);
    const second = await s.hit('h', 60_000);
    assert.equal(second.count, 2);
    assert.ok(second.resetInMs > 0 && second.resetInMs <= 60_000);
    await s.hit('short-window', 150);
    await sleep(300);
    assert.equal((await s.hit('short-window', 150)).count, 1, 'a new window');
  });

  it('only one of many concurrent writers of one version wins', async () => {
    const s = store();
    await s.put('race', '0', 10_000, null);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => s.put('race', String(i), 10_000, 1)));
    assert.equal(results.filter((r) => r === 2).length, 1);
    assert.equal(results.filter((r) => r === undefined).length, 19);
  });

  it('flows leave Redis by their TTL: an expired request, then the kept outcome', async () => {
    const s = store();
    const h = createHarness({ store: s, retainEndedMs: 300 }, {}, { ttlMs: 300, findUserByPhone: undefined });
    msw.resetHandlers(...createMaxHandlers(h.max));
    const client = clientFor(h.handler, 'ttl-user');
    const { flowId } = await startMax(client, SEMYON.phone);
    assert.ok(await s.client.exists(`${prefix}flow:${flowId}`));
    await sleep(350);
    const poll = await client.get(`/link/flows/${flowId}/status`);
    assert.equal(poll.body.error.kind, 'expired');
    await sleep(450);
    assert.equal(await s.client.exists(`${prefix}flow:${flowId}`), 0, 'the ended flow is gone after retainEndedMs');
    assert.equal((await client.get(`/link/flows/${flowId}/status`)).body.error.kind, 'flow-expired');
  });

  it('two handler instances on one store finish each other\'s flows', async () => {
    const shared = store();
    const a = createHarness({ store: shared });
    const b = createHarness({ store: createRedisStore({ client: shared.client, prefix }) });
    // MAX delivers its webhook to node B; the person's browser talks to node A, then B.
    const toB = b.max;
    msw.resetHandlers(...createMaxHandlers(toB), ...createVkidHandlers(new MockVkid({ clientId: VKID_CLIENT_ID, redirectUris: [REDIRECT_URI] })));
    a.options.max!.findUserByPhone = async (phone) => toB.findByPhone(phone)?.userId ?? null;
    const onA = clientFor(a.handler, 'shared-1');
    const onB = clientFor(b.handler, 'shared-1');
    const { flowId } = await startMax(onA, SEMYON.phone);
    assert.deepEqual((await onB.get('/link')).body, { state: 'pending', flowId, method: 'max', notices: [] });
    await toB.press(SEMYON.user, 'Подключить');
    await toB.press(SEMYON.user, 'Отправить номер телефона');
    assert.equal((await onA.get(`/link/flows/${flowId}/status`)).body.step.kind, 'done');
    assert.equal(b.journal.recorded.get(flowId), 1);
    assert.equal(a.journal.recorded.size, 0);

    // Hosted VK ID: started on B, the result handed over on A.
    const vk = await clientFor(b.handler, 'shared-2').post('/link/flows', { method: 'vkid' });
    const redirect = await fetch(vk.body.step.url, { redirect: 'manual' });
    const params = Object.fromEntries(new URL(redirect.headers.get('Location')!).searchParams);
    const done = await clientFor(a.handler, 'shared-2').post(`/link/flows/${vk.body.flowId}/external`, { params });
    assert.equal(done.body.step.kind, 'done');
    assert.equal(a.journal.recorded.get(vk.body.flowId), 1);
  });

  it('with storeSecret, what Redis holds shows no phone, state, verifier or deep-link payload', async () => {
    // A prefix of its own: the other tests' unsealed records must not be in the dump.
    const sealedPrefix = `${prefix}sealed:`;
    const s = createRedisStore({ url: url!, prefix: sealedPrefix });
    stores.push(s);
    const storeSecret = 'a-long-secret-shared-by-every-node-0123456789';
    const h = createHarness({ store: s, storeSecret });
    const vkid = new MockVkid({ clientId: VKID_CLIENT_ID, redirectUris: [REDIRECT_URI] });
    msw.resetHandlers(...createMaxHandlers(h.max), ...createVkidHandlers(vkid));
    const client = clientFor(h.handler, 'sealed-user');
    const { flowId, pending } = await startMax(client, SEMYON.phone);
    const vk = await clientFor(h.handler, 'sealed-user-2').post('/link/flows', { method: 'vkid' });
    const dump: string[] = [];
    for (const key of await s.client.keys(`${sealedPrefix}*`)) {
      if ((await s.client.type(key)) === 'hash') dump.push(key, ...Object.values(await s.client.hgetall(key)));
      else dump.push(key, String(await s.client.get(key)));
    }
    const everything = dump.join('\n');
    assert.ok(everything.includes(`flow:${flowId}`));
    for (const secret of ['9521234567', vk.body.step.state, new URL(pending['deepLink']).searchParams.get('start')!, new URL(vk.body.step.url).searchParams.get('code_challenge')!]) {
      assert.equal(everything.includes(secret), false, `Redis holds «${secret.slice(0, 6)}…»`);
    }
    // The flow works as before; a node with another secret cannot read it.
    await h.max.press(SEMYON.user, 'Подключить');
    await h.max.press(SEMYON.user, 'Отправить номер телефона');
    assert.equal((await client.get(`/link/flows/${flowId}/status`)).body.step.kind, 'done');
    const stranger = createHarness({ store: createRedisStore({ client: s.client, prefix: sealedPrefix }), storeSecret: 'another-secret-another-secret-0123456789' });
    assert.equal((await clientFor(stranger.handler, 'sealed-user').get(`/link/flows/${flowId}`)).status, 404);
  });

  describe('a node killed mid-flow', () => {
    let bundle: string;
    let dir: string;
    const children: ChildProcess[] = [];
    before(async () => {
      dir = mkdtempSync(join(process.cwd(), 'node_modules/.cache/sferum-instance-'));
      bundle = join(dir, 'instance.mjs');
      await build({
        entryPoints: [join(process.cwd(), 'test/server/instance.ts')],
        outfile: bundle,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'error',
      });
    });
    after(() => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });

    async function node(env: Record<string, string> = {}): Promise<{ child: ChildProcess; handler: SferumHandler; next: (key: string) => Promise<Record<string, unknown>> }> {
      const child = fork(bundle, { env: { ...process.env, SFERUM_REDIS_URL: url!, SFERUM_REDIS_PREFIX: prefix, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      const inbox: Record<string, unknown>[] = [];
      const waiting: (() => void)[] = [];
      child.on('message', (message: Record<string, unknown>) => {
        inbox.push(message);
        waiting.splice(0).forEach((wake) => wake());
      });
      const next = async (key: string) => {
        for (;;) {
          const found = inbox.findIndex((m) => key in m);
          if (found >= 0) return inbox.splice(found, 1)[0]!;
          await new Promise<void>((resolve) => waiting.push(resolve));
        }
      };
      const { port } = (await next('port')) as { port: number };
      const handler: SferumHandler = async (request) => {
        const target = request.url.replace(ORIGIN, `http://127.0.0.1:${port}`);
        return fetch(target, { method: request.method, headers: request.headers, ...(request.method === 'GET' || request.method === 'DELETE' ? {} : { body: await request.text() }) });
      };
      return { child, handler, next };
    }

    it('before MAX answered: another node finishes the flow', async () => {
      const first = await node();
      const client = clientFor(first.handler, 'killed-1');
      const { flowId, pending } = await startMax(client, '+79527654321');
      first.child.kill('SIGKILL');

      const survivor = createHarness({ store: store() }, {}, { findUserByPhone: undefined, verifyPhone: 'off' });
      msw.resetHandlers(...createMaxHandlers(survivor.max));
      const onSurvivor = clientFor(survivor.handler, 'killed-1');
      assert.deepEqual((await onSurvivor.get('/link')).body, { state: 'pending', flowId, method: 'max', notices: [] });
      await survivor.max.openDeepLink(5002, pending['deepLink']);
      await survivor.max.press(5002, 'Подключить');
      assert.equal((await onSurvivor.get(`/link/flows/${flowId}/status`)).body.step.kind, 'done');
      assert.equal(survivor.journal.recorded.get(flowId), 1);
    });

    it('while recording the link: another node takes over after takeoverAfterMs (15 s) and records it once', async () => {
      const first = await node({ SFERUM_HANG_RECORD: '1' });
      const client = clientFor(first.handler, 'killed-2');
      const { flowId } = await startMax(client, SEMYON.phone);
      first.child.send({ press: { user: SEMYON.user, text: 'Подключить' } });
      await first.next('recording');
      first.child.kill('SIGKILL');

      // The survivor's clock is moved past the takeover time (15 s) instead of waiting for it.
      let skew = 0;
      const survivor = createHarness({ store: store(), now: () => Date.now() + skew });
      const onSurvivor = clientFor(survivor.handler, 'killed-2');
      // Still within the first node's claim: the flow looks pending, nothing is recorded twice.
      assert.equal((await onSurvivor.get(`/link/flows/${flowId}/status`)).body.step.kind, 'max-pending');
      assert.equal(survivor.journal.recorded.size, 0);
      skew = 16_000;
      const done = await onSurvivor.get(`/link/flows/${flowId}/status`);
      assert.equal(done.body.step.kind, 'done');
      assert.equal(done.body.step.status.phone, SEMYON.phone);
      assert.deepEqual([...survivor.journal.recorded], [[flowId, 1]]);
      assert.ok(survivor.logs.some((e) => e.event === 'flow-link-resumed'));
      // Later polls read the outcome; nobody records again.
      await onSurvivor.get(`/link/flows/${flowId}/status`);
      assert.deepEqual([...survivor.journal.recorded], [[flowId, 1]]);
    });
  });
});
