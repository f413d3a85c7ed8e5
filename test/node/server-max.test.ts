// The server's MAX flow over the in-memory store: phone → pending → the bot's message in MAX →
// «Подключить» / «Не подключать» through the webhook → linked, declined or expired. MAX itself
// is the mock platform of mocks/max-api (msw/node answers the bot's calls; its webhook
// deliveries go to the handler). Every answer is checked against the kit's schemas.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createHttpAdapter } from '../../src/adapter/http-adapter.js';
import { SferumError } from '../../src/adapter/errors.js';
import { createMaxHandlers } from '../../mocks/max-api/handlers.js';
import type { MockMax } from '../../mocks/max-api/state.js';
import { BASE, ORIGIN, WEBHOOK_SECRET, clientFor, createHarness, startMax, type Harness } from '../server/harness.js';

// One msw server; each test points it at its own MockMax.
let currentMax: MockMax | undefined;
const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

function harness(...args: Parameters<typeof createHarness>): Harness {
  const h = createHarness(...args);
  currentMax = h.max;
  server.resetHandlers(...createMaxHandlers(h.max));
  return h;
}

const SEMYON = { user: 5001, phone: '+79521234567' };
const ANNA = { user: 5002, phone: '+79527654321' };

describe('server: MAX through the bot', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  it('answers 401 without a journal session', async () => {
    const response = await h.handler(new Request(`${BASE}/link`));
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { error: { kind: 'unauthorized', message: 'No journal session' } });
  });

  it('links after «Подключить» and the shared contact; the link is recorded once', async () => {
    const client = clientFor(h.handler, 'pupil-1');
    assert.deepEqual((await client.get('/link')).body, { state: 'unlinked', notices: [] });
    const { flowId, pending } = await startMax(client, SEMYON.phone);
    assert.match(pending.deepLink, /^https:\/\/max\.ru\/sferum_mock_bot\?start=[\w-]{22}$/);
    assert.equal(pending.pollIntervalMs, 2000);
    assert.ok(Date.parse(pending.expiresAt) > Date.now());
    assert.deepEqual((await client.get('/link')).body, { state: 'pending', flowId, method: 'max', notices: [] });

    // The user is known by phone: the bot has written with the two buttons of the seed.
    const message = h.max.lastMessage(SEMYON.user)!;
    assert.match(message.text, /«Электронная школа»/);
    assert.match(message.text, /\+7 \*\*\* \*\*\*-\*\*-67/);
    assert.deepEqual(message.buttons.flat().map((b) => b.text), ['Подключить', 'Не подключать']);
    assert.equal((await client.get(`/link/flows/${flowId}/status`)).body.step.kind, 'max-pending');

    assert.equal(await h.max.press(SEMYON.user, 'Подключить'), 200);
    // The bot asks for the contact to check the number typed in the journal.
    assert.equal(h.max.lastMessage(SEMYON.user)!.buttons.flat()[0]!.type, 'request_contact');
    assert.equal((await client.get(`/link/flows/${flowId}/status`)).body.step.kind, 'max-pending');
    assert.equal(await h.max.press(SEMYON.user, 'Отправить номер телефона'), 200);
    assert.match(h.max.lastMessage(SEMYON.user)!.text, /^Готово/);

    const done = await client.get(`/link/flows/${flowId}/status`);
    assert.equal(done.body.step.kind, 'done');
    assert.deepEqual(done.body.step.status, { state: 'linked', method: 'max', phone: SEMYON.phone, sferumUrl: 'https://sferum.ru/?p=messages', autoChats: false, notices: [] });
    assert.equal((await client.get('/link')).body.state, 'linked');
    assert.deepEqual([...h.journal.recorded], [[flowId, 1]]);
    assert.deepEqual(h.journal.recordedLinks[0], { method: 'max', phone: SEMYON.phone, max: { userId: SEMYON.user }, flowId });
    // A replayed button press changes nothing.
    await h.max.press(SEMYON.user, 'Подключить').catch(() => undefined);
    assert.deepEqual([...h.journal.recorded], [[flowId, 1]]);
  });

  it('a person who never started the bot opens the deep link; the link is one-time', async () => {
    h = harness({}, {}, { findUserByPhone: undefined });
    const client = clientFor(h.handler, 'parent-7');
    const { flowId, pending } = await startMax(client, ANNA.phone);
    assert.equal(h.max.messages.length, 0, 'nobody to write to before the link is opened');
    assert.equal(await h.max.openDeepLink(ANNA.user, pending.deepLink), 200);
    assert.deepEqual(h.max.lastMessage(ANNA.user)!.buttons.flat().map((b) => b.text), ['Подключить', 'Не подключать']);
    // Someone else opening the same link is told it is no longer valid; the flow stays Анна's.
    assert.equal(await h.max.openDeepLink(SEMYON.user, pending.deepLink), 200);
    assert.match(h.max.lastMessage(SEMYON.user)!.text, /больше не действует/);
    await h.max.press(ANNA.user, 'Подключить');
    await h.max.press(ANNA.user, 'Отправить номер телефона');
    const done = await client.get(`/link/flows/${flowId}/status`);
    assert.equal(done.body.step.status.phone, ANNA.phone);
  });

  it('«Не подключать» → 409 declined at the next poll, then the flow is gone', async () => {
    const client = clientFor(h.handler, 'pupil-2');
    const { flowId } = await startMax(client, SEMYON.phone);
    await h.max.press(SEMYON.user, 'Не подключать');
    assert.equal(h.max.answers.at(-1)!.notification, 'Привязка отменена.');
    const poll = await client.get(`/link/flows/${flowId}/status`);
    assert.equal(poll.status, 409);
    assert.equal(poll.body.error.kind, 'declined');
    assert.equal((await client.get(`/link/flows/${flowId}`)).status, 404);
    assert.deepEqual((await client.get('/link')).body, { state: 'unlinked', notices: [] });
    assert.equal(h.journal.recorded.size, 0);
  });

  it('a contact with another number declines the link', async () => {
    const client = clientFor(h.handler, 'pupil-3');
    const { flowId } = await startMax(client, SEMYON.phone);
    await h.max.press(SEMYON.user, 'Подключить');
    await h.max.shareContact(SEMYON.user, '79990001122');
    assert.match(h.max.lastMessage(SEMYON.user)!.text, /не совпадает/);
    assert.equal((await client.get(`/link/flows/${flowId}/status`)).body.error.kind, 'declined');
    assert.equal(h.journal.recorded.size, 0);
  });

  it('with verifyPhone off, «Подключить» links at once', async () => {
    h = harness({}, {}, { verifyPhone: 'off' });
    const client = clientFor(h.handler, 'pupil-4');
    const { flowId } = await startMax(client, SEMYON.phone);
    await h.max.press(SEMYON.user, 'Подключить');
    assert.equal(h.max.answers.at(-1)!.notification?.startsWith('Готово'), true);
    assert.equal((await client.get(`/link/flows/${flowId}/status`)).body.step.kind, 'done');
  });

  it('an unanswered request expires: 409 expired; a late «Подключить» is stale', async () => {
    let now = Date.now();
    h = harness({ now: () => now });
    const client = clientFor(h.handler, 'pupil-5');
    const { flowId } = await startMax(client, SEMYON.phone);
    now += 10 * 60_000 + 1;
    const poll = await client.get(`/link/flows/${flowId}/status`);
    assert.equal(poll.status, 409);
    assert.equal(poll.body.error.kind, 'expired');
    await h.max.press(SEMYON.user, 'Подключить');
    assert.match(h.max.answers.at(-1)!.notification!, /больше не действует/);
    assert.equal(h.journal.recorded.size, 0);
    assert.equal((await client.get('/link')).body.state, 'unlinked');
  });

  it('a polling client that is too fast is told to slow down, then refused with Retry-After', async () => {
    // A still clock: every poll lands in the same half-interval however slow the machine is.
    const now = Date.now();
    h = harness({ now: () => now });
    const client = clientFor(h.handler, 'pupil-6');
    const { flowId } = await startMax(client, SEMYON.phone);
    const first = await client.get(`/link/flows/${flowId}/status`);
    assert.equal(first.body.step.slowDown, false);
    const second = await client.get(`/link/flows/${flowId}/status`);
    assert.equal(second.body.step.slowDown, true);
    assert.equal(second.body.step.pollIntervalMs, 4000);
    let last = second;
    for (let i = 0; i < 10; i++) last = await client.get(`/link/flows/${flowId}/status`);
    assert.equal(last.status, 429);
    assert.equal(last.body.error.kind, 'rate-limited');
    assert.ok(Number(last.headers.get('Retry-After')) >= 1);
  });

  it('step ids are one-time: a replayed answer is 409 flow-expired', async () => {
    const client = clientFor(h.handler, 'pupil-7');
    const started = await client.post('/link/flows', { method: 'max' });
    const path = `/link/flows/${started.body.flowId}/steps/${started.body.step.id}`;
    assert.equal((await client.post(path, { action: 'continue', values: { phone: SEMYON.phone } })).status, 200);
    const replay = await client.post(path, { action: 'continue', values: { phone: ANNA.phone } });
    assert.equal(replay.status, 409);
    assert.equal(replay.body.error.kind, 'flow-expired');
    const forged = await client.post(`/link/flows/${started.body.flowId}/steps/not-a-step`, { action: 'continue' });
    assert.equal(forged.body.error.kind, 'flow-expired');
  });

  it('refuses a bad phone (422 with the field) and a phone linked elsewhere (409)', async () => {
    h.journal.elsewhere.add(ANNA.phone);
    const client = clientFor(h.handler, 'pupil-8');
    const started = await client.post('/link/flows', { method: 'max' });
    const path = `/link/flows/${started.body.flowId}/steps/${started.body.step.id}`;
    const landline = await client.post(path, { action: 'continue', values: { phone: '+74951234567' } });
    assert.equal(landline.status, 422);
    assert.deepEqual(landline.body, { error: { kind: 'invalid-phone', field: 'phone' } });
    const elsewhere = await client.post(path, { action: 'continue', values: { phone: ANNA.phone } });
    assert.equal(elsewhere.status, 409);
    assert.equal(elsewhere.body.error.kind, 'phone-linked-elsewhere');
    // The step is still current after a refusal: the person corrects the number.
    assert.equal((await client.post(path, { action: 'continue', values: { phone: SEMYON.phone } })).status, 200);
  });

  it('a cancelled flow cannot be confirmed afterwards', async () => {
    const client = clientFor(h.handler, 'pupil-9');
    const { flowId } = await startMax(client, SEMYON.phone);
    assert.equal((await client.delete(`/link/flows/${flowId}`)).status, 204);
    assert.equal((await client.get(`/link/flows/${flowId}/status`)).status, 404);
    await h.max.press(SEMYON.user, 'Подключить');
    assert.match(h.max.answers.at(-1)!.notification!, /больше не действует/);
    assert.equal(h.journal.recorded.size, 0);
    assert.equal((await client.get('/link')).body.state, 'unlinked');
  });

  it("another user's flow is not found; the webhook wants the secret", async () => {
    const owner = clientFor(h.handler, 'pupil-10');
    const { flowId } = await startMax(owner, SEMYON.phone);
    const stranger = clientFor(h.handler, 'intruder');
    assert.equal((await stranger.get(`/link/flows/${flowId}`)).status, 404);
    assert.equal((await stranger.get(`/link/flows/${flowId}/status`)).body.error.kind, 'flow-expired');
    await stranger.delete(`/link/flows/${flowId}`);
    assert.equal((await owner.get(`/link/flows/${flowId}/status`)).status, 200, 'a stranger cannot cancel it either');
    const forged = await h.handler(
      new Request(`${BASE}/max/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Max-Bot-Api-Secret': `${WEBHOOK_SECRET}x` },
        body: JSON.stringify({ update_type: 'message_callback', callback: { callback_id: 'x', payload: `sferum:c:${flowId}:x`, user: { user_id: SEMYON.user } } }),
      }),
    );
    assert.equal(forged.status, 401);
  });

  it('starts one flow per user: a new start withdraws the pending one', async () => {
    const client = clientFor(h.handler, 'pupil-11');
    const first = await startMax(client, SEMYON.phone);
    const second = await client.post('/link/flows', { method: 'max' });
    assert.equal(second.status, 200);
    assert.equal((await client.get(`/link/flows/${first.flowId}/status`)).status, 404);
    assert.deepEqual((await client.get('/link')).body, { state: 'unlinked', notices: [] });
  });

  it('a linked user cannot start again (409) and unlinks by the policy', async () => {
    const client = clientFor(h.handler, 'pupil-12');
    h.journal.links.set('pupil-12', { method: 'max', phone: SEMYON.phone });
    assert.equal((await client.post('/link/flows', { method: 'max' })).body.error.kind, 'phone-linked-elsewhere');
    h.journal.policy = 'support';
    const refused = await client.delete('/link');
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.kind, 'unlink-forbidden');
    h.journal.policy = 'self';
    assert.deepEqual((await client.delete('/link')).body, { state: 'unlinked', notices: [] });
    assert.equal(h.journal.links.has('pupil-12'), false);
  });

  it('runs the whole flow through the kit\'s own HTTP adapter', async () => {
    const cookieFetch: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      request.headers.set('Cookie', 'session=adapter-user');
      request.headers.set('Origin', ORIGIN);
      return h.handler(request, { clientAddress: '203.0.113.9' });
    };
    const adapter = createHttpAdapter({ baseUrl: BASE, fetch: cookieFetch, allowedHosts: [ORIGIN] });
    const signal = new AbortController().signal;
    const flow = await adapter.startLink({ method: 'max' }, signal);
    assert.equal(flow.step.kind, 'max-phone');
    const pending = await adapter.submitStep(flow.flowId, flow.step.id, { action: 'continue', values: { phone: SEMYON.phone } }, signal);
    assert.equal(pending.step.kind, 'max-pending');
    assert.equal((await adapter.getLinkStatus(signal)).state, 'pending');
    await h.max.press(SEMYON.user, 'Не подключать');
    await assert.rejects(adapter.pollLink(flow.flowId, signal), (e: unknown) => e instanceof SferumError && e.kind === 'declined');
  });

  it('the persona of the mock answers by itself (confirm)', async () => {
    h = harness({}, { persona: 'confirm' });
    const client = clientFor(h.handler, 'pupil-13');
    const { flowId } = await startMax(client, SEMYON.phone);
    await h.max.settled();
    await currentMax!.settled();
    assert.equal((await client.get(`/link/flows/${flowId}/status`)).body.step.kind, 'done');
  });
});
