// Hosted VK ID on the server: the authorize URL per VK ID's API (PKCE S256, one-time state,
// redirect_uri), the result handed over by the widget, the code exchange with the verifier and
// device_id, user info, and every way it can go wrong. VK ID is the stateful mock of
// mocks/vkid-api (msw/node), which refuses a code unless the verifier matches its challenge.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createMemoryStore, type FlowStore } from '../../src/server/store.js';
import type { VkidTokens } from '../../src/server/options.js';
import { createVkidHandlers } from '../../mocks/vkid-api/handlers.js';
import { MockVkid, type VkidScenario } from '../../mocks/vkid-api/state.js';
import { ORIGIN, REDIRECT_URI, VKID_CLIENT_ID, clientFor, createHarness, type Client, type Json } from '../server/harness.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

/** A store that remembers every value ever written to it. */
function spyStore(now?: () => number): FlowStore & { written: string[] } {
  const inner = createMemoryStore(now ? { now } : {});
  const written: string[] = [];
  return {
    written,
    get: (key) => inner.get(key),
    put: (key, value, ttl, expect) => {
      written.push(value);
      return inner.put(key, value, ttl, expect);
    },
    delete: (key) => inner.delete(key),
    hit: (key, windowMs) => inner.hit(key, windowMs),
  };
}

function setup(scenario: VkidScenario = 'consent', overrides: Parameters<typeof createHarness>[0] = {}) {
  const vkid = new MockVkid({ clientId: VKID_CLIENT_ID, redirectUris: [REDIRECT_URI], scenario });
  server.resetHandlers(...createVkidHandlers(vkid));
  const store = spyStore(overrides.now);
  const h = createHarness({ store, ...overrides });
  return { h, vkid, store };
}

/** The browser in the popup: follows the authorize URL to VK ID, which redirects to the callback page. */
async function visitVkid(url: string): Promise<Record<string, string>> {
  const response = await fetch(url, { redirect: 'manual' });
  assert.equal(response.status, 302, await response.text());
  const back = new URL(response.headers.get('Location')!);
  assert.equal(`${back.origin}${back.pathname}`, REDIRECT_URI);
  return Object.fromEntries(back.searchParams);
}

async function startVkid(client: Client): Promise<Json> {
  const started = await client.post('/link/flows', { method: 'vkid', returnUrl: `${ORIGIN}/sferum?tab=link` });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  return started.body;
}

describe('server: hosted VK ID', () => {
  it('builds the authorize URL of VK ID\'s API, and keeps the verifier to itself', async () => {
    const { h } = setup();
    const flow = await startVkid(clientFor(h.handler, 'u1'));
    const step = flow.step;
    assert.equal(step.kind, 'external');
    assert.equal(step.expectedOrigin, ORIGIN);
    const url = new URL(step.url);
    assert.equal(`${url.origin}${url.pathname}`, 'https://id.vk.com/authorize');
    const q = Object.fromEntries(url.searchParams);
    assert.equal(q['response_type'], 'code');
    assert.equal(q['client_id'], VKID_CLIENT_ID);
    assert.equal(q['redirect_uri'], REDIRECT_URI);
    assert.equal(q['state'], step.state);
    assert.match(step.state, /^[\w-]{32}$/);
    assert.match(q['code_challenge']!, /^[\w-]{43}$/);
    assert.equal(q['code_challenge_method'], 'S256');
    assert.equal(q['scope'], 'vkid.personal_info phone');
    assert.equal('code_verifier' in q, false);
    assert.doesNotMatch(JSON.stringify(flow), /verifier/i);
    // Each flow its own state and challenge.
    const other = await startVkid(clientFor(h.handler, 'u2'));
    assert.notEqual(other.step.state, step.state);
    assert.notEqual(new URL(other.step.url).searchParams.get('code_challenge'), q['code_challenge']);
  });

  it('consent → the code is exchanged with the verifier and device_id → linked; no token is ever stored', async () => {
    const { h, vkid, store } = setup();
    const client = clientFor(h.handler, 'pupil-1');
    const flow = await startVkid(client);
    const params = await visitVkid(flow.step.url);
    assert.equal(params['state'], flow.step.state);
    const done = await client.post(`/link/flows/${flow.flowId}/external`, { params });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.deepEqual(done.body.step.status, {
      state: 'linked',
      method: 'vkid',
      phone: '+79521111111',
      sferumUrl: 'https://sferum.ru/?p=messages',
      profileName: 'Семён Власенков',
      autoChats: false,
      notices: [],
    });
    assert.deepEqual(vkid.exchanges, ['ok']);
    assert.deepEqual(h.journal.recordedLinks, [
      { method: 'vkid', phone: '+79521111111', profileName: 'Семён Власенков', vkid: { userId: '1234567890', firstName: 'Семён', lastName: 'Власенков', avatarUrl: 'https://sun1-00.userapi.com/s/v1/mock/avatar.jpg' }, flowId: flow.flowId },
    ]);
    assert.equal((await client.get('/link')).body.state, 'linked');
    const everything = store.written.join('\n');
    assert.doesNotMatch(everything, /vk2\.[ar]\./, 'no access or refresh token reached the store');
    assert.doesNotMatch(everything, new RegExp(params['code']!.replace(/\./g, '\\.')), 'nor the code');
    const final = store.written.at(-1)!;
    assert.doesNotMatch(final, /verifier/, 'the finished flow keeps no verifier');
    assert.equal(final.includes(flow.step.state), false, 'nor the state');
  });

  it('hands the tokens to onTokens when the journal asks for them', async () => {
    const received: VkidTokens[] = [];
    const { h } = setup('consent', { vkid: { clientId: VKID_CLIENT_ID, redirectUri: REDIRECT_URI, onTokens: async (_user, tokens) => void received.push(tokens) } });
    const client = clientFor(h.handler, 'pupil-2');
    const flow = await startVkid(client);
    const params = await visitVkid(flow.step.url);
    await client.post(`/link/flows/${flow.flowId}/external`, { params });
    assert.equal(received.length, 1);
    assert.match(received[0]!.accessToken, /^vk2\.a\./);
    assert.equal(received[0]!.deviceId, params['device_id']);
    assert.equal(received[0]!.userId, '1234567890');
  });

  it('access_denied → 409 declined; the step stays, and the person may try again', async () => {
    const { h, vkid } = setup('access_denied');
    const client = clientFor(h.handler, 'pupil-3');
    const flow = await startVkid(client);
    const params = await visitVkid(flow.step.url);
    assert.equal(params['error'], 'access_denied');
    const refused = await client.post(`/link/flows/${flow.flowId}/external`, { params });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.kind, 'declined');
    assert.deepEqual((await client.get(`/link/flows/${flow.flowId}`)).body.step, flow.step);
    vkid.scenario = 'consent';
    const again = await client.post(`/link/flows/${flow.flowId}/external`, { params: await visitVkid(flow.step.url) });
    assert.equal(again.body.step.kind, 'done');
  });

  it('a state that is not the flow\'s → 409 declined, and nothing is exchanged', async () => {
    const { h, vkid } = setup('wrong-state');
    const client = clientFor(h.handler, 'pupil-4');
    const flow = await startVkid(client);
    const refused = await client.post(`/link/flows/${flow.flowId}/external`, { params: await visitVkid(flow.step.url) });
    assert.equal(refused.body.error.kind, 'declined');
    assert.deepEqual(vkid.exchanges, []);
    assert.ok(h.logs.some((e) => e.event === 'vkid-state-mismatch'));
  });

  it('an expired code → 404 flow-expired; the flow is over', async () => {
    const { h, vkid } = setup('expired-code');
    const client = clientFor(h.handler, 'pupil-5');
    const flow = await startVkid(client);
    const refused = await client.post(`/link/flows/${flow.flowId}/external`, { params: await visitVkid(flow.step.url) });
    assert.equal(refused.status, 404);
    assert.equal(refused.body.error.kind, 'flow-expired');
    assert.deepEqual(vkid.exchanges, ['invalid_grant']);
    assert.equal((await client.get(`/link/flows/${flow.flowId}`)).status, 404);
    assert.equal(h.journal.recorded.size, 0);
  });

  it('a code from another flow is refused by PKCE (code injection), and a replayed result by the spent state', async () => {
    const { h, vkid } = setup();
    const client = clientFor(h.handler, 'pupil-6');
    const victim = await startVkid(clientFor(h.handler, 'victim'));
    const stolen = await visitVkid(victim.step.url);
    const flow = await startVkid(client);
    const injected = await client.post(`/link/flows/${flow.flowId}/external`, { params: { ...stolen, state: flow.step.state } });
    assert.equal(injected.status, 404);
    assert.deepEqual(vkid.exchanges, ['invalid_request'], 'VK ID refused: the verifier is not the challenge\'s');

    const mine = await startVkid(client);
    const params = await visitVkid(mine.step.url);
    assert.equal((await client.post(`/link/flows/${mine.flowId}/external`, { params })).status, 200);
    const replay = await client.post(`/link/flows/${mine.flowId}/external`, { params });
    assert.equal(replay.body.error.kind, 'flow-expired');
    assert.deepEqual(vkid.exchanges, ['invalid_request', 'ok']);
  });

  it('no phone from VK ID (no phone scope) → 502 server, said in the log', async () => {
    const { h } = setup('no-phone');
    const client = clientFor(h.handler, 'pupil-7');
    const flow = await startVkid(client);
    const failed = await client.post(`/link/flows/${flow.flowId}/external`, { params: await visitVkid(flow.step.url) });
    assert.equal(failed.status, 502);
    assert.ok(h.logs.some((e) => e.event === 'vkid-no-phone'));
  });

  it('MESH: a consent step «Добавление профиля «Сферум»» before the link is recorded', async () => {
    const { h } = setup('consent', { vkid: { clientId: VKID_CLIENT_ID, redirectUri: REDIRECT_URI, consentStep: true } });
    const client = clientFor(h.handler, 'mesh-teacher');
    const flow = await startVkid(client);
    const consent = await client.post(`/link/flows/${flow.flowId}/external`, { params: await visitVkid(flow.step.url) });
    assert.equal(consent.body.step.kind, 'consent');
    assert.equal(h.journal.recorded.size, 0);
    const done = await client.post(`/link/flows/${flow.flowId}/steps/${consent.body.step.id}`, { action: 'continue' });
    assert.equal(done.body.step.status.state, 'linked');
    assert.equal(h.journal.recorded.get(flow.flowId), 1);
  });

  it('the phone linked to another journal account → 409 phone-linked-elsewhere', async () => {
    const { h } = setup();
    h.journal.elsewhere.add('+79521111111');
    const client = clientFor(h.handler, 'pupil-8');
    const flow = await startVkid(client);
    const refused = await client.post(`/link/flows/${flow.flowId}/external`, { params: await visitVkid(flow.step.url) });
    assert.equal(refused.body.error.kind, 'phone-linked-elsewhere');
  });

  it('an expired flow → 404 flow-expired', async () => {
    let now = Date.now();
    const { h } = setup('consent', { now: () => now });
    const client = clientFor(h.handler, 'pupil-9');
    const flow = await startVkid(client);
    const params = await visitVkid(flow.step.url);
    now += 15 * 60_000 + 1;
    const late = await client.post(`/link/flows/${flow.flowId}/external`, { params });
    assert.equal(late.status, 404);
    assert.equal(late.body.error.kind, 'flow-expired');
  });
});

