// The handler on node:http through toNodeListener, over real sockets: the README's Node recipe,
// an Express-style mount (prefix stripped from req.url, kept in originalUrl), a body parsed by a
// framework before us, the socket's address for the per-address limits, and MAX's webhook
// delivered over HTTP to the listening server.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { toNodeListener } from '../../src/server/node.js';
import { createMaxHandlers } from '../../mocks/max-api/handlers.js';
import { ORIGIN, checkAnswer, createHarness } from '../server/harness.js';

const msw = setupServer();
const servers: Server[] = [];
before(() => msw.listen({ onUnhandledRequest: 'bypass' }));
after(async () => {
  msw.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function call(base: string, method: string, path: string, body?: unknown, user = 'node-user') {
  const response = await fetch(`${base}/api/sferum${path}`, {
    method,
    headers: { Cookie: `session=${user}`, Origin: ORIGIN, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  checkAnswer(method, path.split('?')[0]!, response.status, json);
  return { status: response.status, headers: response.headers, body: json };
}

describe('server: toNodeListener on node:http', () => {
  it('serves the contract; MAX\'s webhook reaches it over HTTP', async () => {
    const addresses: (string | undefined)[] = [];
    let base = '';
    const h = createHarness({ clientAddress: (_request, context) => (addresses.push(context.clientAddress), context.clientAddress) }, { deliver: async (request) => fetch(request.url.replace(ORIGIN, base), { method: 'POST', headers: request.headers, body: await request.text() }) });
    msw.resetHandlers(...createMaxHandlers(h.max));
    base = await listen(toNodeListener(h.handler));
    assert.deepEqual((await call(base, 'GET', '/link')).body, { state: 'unlinked', notices: [] });
    const started = await call(base, 'POST', '/link/flows', { method: 'max' });
    const pending = await call(base, 'POST', `/link/flows/${started.body.flowId}/steps/${started.body.step.id}`, { action: 'continue', values: { phone: '+79521234567' } });
    assert.equal(pending.body.step.kind, 'max-pending');
    assert.equal(await h.max.press(5001, 'Подключить'), 200);
    assert.equal(await h.max.press(5001, 'Отправить номер телефона'), 200);
    const done = await call(base, 'GET', `/link/flows/${started.body.flowId}/status`);
    assert.equal(done.body.step.status.state, 'linked');
    assert.ok(addresses.length > 0 && addresses.every((a) => a === '127.0.0.1'), `socket addresses: ${addresses.join(', ')}`);
    assert.equal((await call(base, 'DELETE', `/link/flows/${started.body.flowId}`)).status, 204);
    const big = await call(base, 'POST', '/link/flows', JSON.stringify({ method: 'max', returnUrl: 'x'.repeat(40_000) }));
    assert.equal(big.status, 413);
  });

  it('works under an Express-style mount and with a body parsed before it', async () => {
    const { handler } = createHarness();
    const listener = toNodeListener(handler);
    const base = await listen((req, res) => {
      // What `app.use('/api/sferum', express.json(), listener)` hands over.
      const originalUrl = req.url!;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        Object.assign(req, { originalUrl, url: originalUrl.replace(/^\/api\/sferum/, '') || '/', body: raw ? JSON.parse(raw) : undefined });
        listener(req as never, res);
      });
    });
    const started = await call(base, 'POST', '/link/flows', { method: 'max' }, 'express-user');
    assert.equal(started.status, 200);
    assert.equal((await call(base, 'GET', `/link/flows/${started.body.flowId}`, undefined, 'express-user')).body.step.kind, 'max-phone');
    assert.equal((await call(base, 'POST', '/link/flows', { method: 'max' }, 'express-user')).status, 200);
  });
});
