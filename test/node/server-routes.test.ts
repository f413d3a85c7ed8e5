// The server's plain routes and its request parsing: chats, conferences and a lesson's conference
// come from the journal's hooks and are checked against the kit's schemas on the way out; bodies
// that are not the contract's are refused before any hook runs. Plus the in-memory store itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../src/server/store.js';
import { SEED_CHATS, conferencesAround } from '../../mocks/data.js';
import { BASE, ORIGIN, clientFor, createHarness } from '../server/harness.js';

describe('server: lists from the journal', () => {
  it('answers empty lists without hooks, on the server clock', async () => {
    const now = Date.parse('2026-11-23T06:00:00Z');
    const { handler } = createHarness({ now: () => now });
    const client = clientFor(handler, 'u1');
    assert.deepEqual((await client.get('/chats')).body, { chats: [] });
    const period = `from=${encodeURIComponent('2026-11-23T00:00:00+03:00')}&to=${encodeURIComponent('2026-11-30T00:00:00+03:00')}`;
    assert.deepEqual((await client.get(`/conferences?${period}`)).body, { serverTime: '2026-11-23T06:00:00.000Z', timeZone: 'UTC', conferences: [] });
    assert.equal((await client.get('/lessons/lesson-1/conference')).status, 404);
  });

  it('passes the hooks\' data through and hands them the user and the period', async () => {
    const seen: unknown[] = [];
    const h = createHarness();
    h.options.hooks.listChats = async (user) => {
      seen.push(['chats', user]);
      return { chats: SEED_CHATS };
    };
    h.options.hooks.listConferences = async (user, period) => {
      seen.push(['conferences', user, period]);
      return conferencesAround(Date.now());
    };
    h.options.hooks.getLessonConference = async (user, lessonId) => {
      seen.push(['lesson', user, lessonId]);
      const all = conferencesAround(Date.now());
      return { lessonId, serverTime: all.serverTime, timeZone: all.timeZone, online: true, conference: all.conferences[0]! };
    };
    const client = clientFor(h.handler, 'teacher-1');
    assert.equal((await client.get('/chats')).body.chats.length, SEED_CHATS.length);
    const from = '2026-11-23T00:00:00+03:00';
    const to = '2026-11-24T00:00:00+03:00';
    assert.equal((await client.get(`/conferences?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).body.conferences.length, 4);
    assert.equal((await client.get('/lessons/lesson%20%E2%84%963/conference')).body.lessonId, 'lesson №3');
    assert.deepEqual(seen, [['chats', 'teacher-1'], ['conferences', 'teacher-1', { from, to }], ['lesson', 'teacher-1', 'lesson №3']]);
  });

  it('a hook answering outside the contract becomes a 502, logged without the data', async () => {
    const h = createHarness();
    h.options.hooks.listChats = async () => ({ chats: [{ id: 'c1', name: 'Класс', type: 'class', members: -1, admin: 'Иванова' }] });
    const answer = await clientFor(h.handler, 'u2').get('/chats');
    assert.equal(answer.status, 502);
    assert.equal(answer.body.error.kind, 'server');
    const logged = h.logs.find((e) => e.event === 'response-invalid')!;
    assert.equal(logged.route, 'GET /chats');
    assert.doesNotMatch(JSON.stringify(h.logs), /Иванова/);
  });

  it('by default checks what the journal returned: a link with a landline phone is a 502, not a broken widget', async () => {
    const h = createHarness({ validateResponses: 'journal' });
    h.journal.links.set('u6', { method: 'vkid', phone: '+74951234567' });
    const answer = await clientFor(h.handler, 'u6').get('/link');
    assert.equal(answer.status, 502);
    assert.ok(h.logs.some((e) => e.event === 'response-invalid' && e.route === 'GET /link'));
    assert.doesNotMatch(JSON.stringify(h.logs), /4951234567/);
  });

  it('refuses malformed requests: bad period, bad JSON, wrong type, unknown action, unknown route, wrong method', async () => {
    const { handler } = createHarness();
    const client = clientFor(handler, 'u3');
    assert.equal((await client.get('/conferences?from=yesterday&to=today')).status, 400);
    const started = await client.post('/link/flows', { method: 'max' });
    const path = `/link/flows/${started.body.flowId}/steps/${started.body.step.id}`;
    const notJson = await client.request('POST', path, { body: '{"action":' });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.body.error.message, 'The request body is not JSON');
    assert.equal((await client.request('POST', path, { body: 'action=continue', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status, 415);
    const unknown = await client.post(path, { action: 'hack', values: { phone: '+79521234567' } });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /^Invalid request: action/);
    assert.equal((await client.post('/link/flows', { method: 'esia' })).status, 400);
    assert.equal((await client.post('/link/flows')).status, 400);
    assert.equal((await client.get('/nothing-here')).body.error.kind, 'not-found');
    const wrongMethod = await client.request('PUT', '/link');
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('Allow'), 'GET, DELETE');
    // Nothing happened to the flow: its step is still current.
    assert.equal((await client.post(path, { action: 'continue', values: { phone: '+79521234567' } })).status, 200);
  });

  it('answers only under its base path, with no-store JSON', async () => {
    const { handler } = createHarness();
    const outside = await handler(new Request(`${ORIGIN}/api/other/link`, { headers: { Cookie: 'session=u4' } }));
    assert.equal(outside.status, 404);
    const inside = await handler(new Request(`${BASE}/link`, { headers: { Cookie: 'session=u4' } }));
    assert.equal(inside.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.equal(inside.headers.get('Cache-Control'), 'no-store');
  });

  it('says which method is not configured', async () => {
    const { handler } = createHarness({ vkid: undefined });
    const answer = await clientFor(handler, 'u5').post('/link/flows', { method: 'vkid' });
    assert.equal(answer.status, 501);
  });
});

describe('server: the in-memory store', () => {
  it('expires records by their TTL and refuses stale writes', async () => {
    let now = 1_000;
    const store = createMemoryStore({ now: () => now });
    assert.equal(await store.put('a', 'one', 100, null), 1);
    assert.equal(await store.put('a', 'again', 100, null), undefined, 'create only when absent');
    assert.equal(await store.put('a', 'two', 100, 2), undefined, 'a version nobody read');
    assert.equal(await store.put('a', 'two', 100, 1), 2);
    assert.deepEqual(await store.get('a'), { value: 'two', version: 2 });
    now += 100;
    assert.equal(await store.get('a'), undefined);
    assert.equal(await store.put('a', 'three', 100, null), 1, 'an expired record is absent');
    assert.equal(await store.put('a', 'four', 100, 'any'), 2);
    await store.delete('a');
    assert.equal(await store.get('a'), undefined);
  });

  it('counts hits in a window that starts with the first', async () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now });
    assert.deepEqual(await store.hit('k', 1000), { count: 1, resetInMs: 1000 });
    now = 400;
    assert.deepEqual(await store.hit('k', 1000), { count: 2, resetInMs: 600 });
    now = 1000;
    assert.deepEqual(await store.hit('k', 1000), { count: 1, resetInMs: 1000 });
  });

  it('stays bounded under a flood and sweeps what expired', async () => {
    let now = 0;
    const store = createMemoryStore({ now: () => now, maxEntries: 1000 });
    for (let i = 0; i < 5000; i++) await store.put(`k${i}`, 'v', 10_000 + i, 'any');
    assert.ok(store.size <= 1001, `size ${store.size}`);
    assert.ok(await store.get('k4999'), 'the longest-lived are kept');
    now = 1_000_000;
    for (let i = 0; i < 4096; i++) await store.put(`n${i}`, 'v', 10, 'any');
    assert.ok(store.size <= 1001);
  });
});
