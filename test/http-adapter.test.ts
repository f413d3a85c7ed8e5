import { expect } from '@open-wc/testing';
import { HttpResponse, delay, http } from 'msw';
import { SferumError } from '../src/adapter/errors.js';
import { parseRetryAfter } from '../src/adapter/http-adapter.js';
import { scenario } from './mocks.js';

const signal = () => new AbortController().signal;
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a rejection').to.be.instanceOf(SferumError);
  return error as SferumError;
};

describe('createHttpAdapter', () => {
  it('reads and validates the link status through the contract', async () => {
    const { adapter, backend } = await scenario('linked');
    const status = await adapter.getLinkStatus(signal());
    expect(status).to.deep.include({ state: 'linked', phone: '+79521234567', sferumUrl: 'https://sferum.ru/?p=messages' });
    expect(backend.requests).to.deep.equal(['GET /api/sferum/link']);
  });

  it('sends step answers as JSON and follows the flow', async () => {
    const { adapter } = await scenario('max-confirmed');
    const flow = await adapter.startLink({ method: 'max' }, signal());
    expect(flow.step.kind).to.equal('max-phone');
    const pending = await adapter.submitStep(flow.flowId, flow.step.id, { action: 'continue', values: { phone: '+79521234567' } }, signal());
    expect(pending.step.kind).to.equal('max-pending');
  });

  it('network error: a GET is retried 3 times, then fails as network', async () => {
    const { adapter, backend } = await scenario('fault-network');
    const error = await failure(adapter.listChats(signal()));
    expect(error.kind).to.equal('network');
    expect(backend.requests.length).to.equal(4);
  });

  it('timeout: ends as timeout after timeoutMs', async () => {
    const { adapter } = await scenario('fault-timeout', { timeoutMs: 150, retry: { retries: 0 } });
    const started = performance.now();
    const error = await failure(adapter.getLinkStatus(signal()));
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('401 becomes unauthorized and is not retried', async () => {
    const { adapter, backend } = await scenario('fault-401');
    const error = await failure(adapter.getLinkStatus(signal()));
    expect(error.kind).to.equal('unauthorized');
    expect(error.status).to.equal(401);
    expect(backend.requests.length).to.equal(1);
  });

  it('429 reports retryAfter from Retry-After', async () => {
    const { adapter, backend } = await scenario('fault-429');
    const error = await failure(adapter.getLinkStatus(signal()));
    expect(error.kind).to.equal('rate-limited');
    expect(error.retryAfter).to.equal(30);
    expect(backend.requests.length).to.equal(1);
  });

  it('500 on a GET is retried, then fails as server', async () => {
    const { adapter, backend } = await scenario('fault-500');
    const error = await failure(adapter.getLinkStatus(signal()));
    expect(error.kind).to.equal('server');
    expect(backend.requests).to.deep.equal(Array(4).fill('GET /api/sferum/link'));
  });

  it('500 on a GET that recovers on a retry succeeds', async () => {
    const { adapter, worker } = await scenario('unlinked');
    let calls = 0;
    worker.use(
      http.get('*/api/sferum/link', () => {
        calls++;
        return calls < 3 ? new HttpResponse('oops', { status: 503 }) : HttpResponse.json({ state: 'unlinked' });
      }),
    );
    expect((await adapter.getLinkStatus(signal())).state).to.equal('unlinked');
    expect(calls).to.equal(3);
  });

  it('500 on a POST is not retried', async () => {
    const { adapter, backend } = await scenario('fault-500');
    const error = await failure(adapter.startLink({ method: 'vkid' }, signal()));
    expect(error.kind).to.equal('server');
    expect(backend.requests).to.deep.equal(['POST /api/sferum/link/flows']);
  });

  it('an HTML page with status 200 becomes invalid-response', async () => {
    const { adapter } = await scenario('fault-malformed');
    expect((await failure(adapter.getLinkStatus(signal()))).kind).to.equal('invalid-response');
  });

  it('a truncated JSON body becomes invalid-response', async () => {
    const { adapter, worker } = await scenario('unlinked');
    worker.use(http.get('*/api/sferum/link', () => new HttpResponse('{"state":"unli', { headers: { 'Content-Type': 'application/json' } })));
    expect((await failure(adapter.getLinkStatus(signal()))).kind).to.equal('invalid-response');
  });

  it('JSON that does not match the schema becomes invalid-response', async () => {
    const { adapter, worker } = await scenario('linked');
    worker.use(
      http.get('*/api/sferum/chats', () =>
        HttpResponse.json({ chats: [{ id: 'c1', name: 'Чат', type: 'class', members: 'many', admin: 'A', url: null }] }),
      ),
    );
    const error = await failure(adapter.listChats(signal()));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('members');
  });

  it('abort: rejects as aborted and sends nothing more', async () => {
    const { adapter, worker, backend } = await scenario('unlinked');
    worker.use(
      http.get('*/api/sferum/link', async () => {
        backend.requests.push('slow');
        await delay(1000);
        return HttpResponse.json({ state: 'unlinked' });
      }),
    );
    const controller = new AbortController();
    const pending = failure(adapter.getLinkStatus(controller.signal));
    await delay(50);
    controller.abort();
    expect((await pending).kind).to.equal('aborted');
    await delay(50);
    expect(backend.requests).to.deep.equal(['slow']);
  });

  it('maps a domain error body to its kind', async () => {
    const { adapter } = await scenario('vkid-variant-1');
    const flow = await adapter.startLink({ method: 'vkid' }, signal());
    const afterLogin = await adapter.submitStep(flow.flowId, flow.step.id, { action: 'continue', values: { login: '+7 952 111-11-11' } }, signal());
    const error = await failure(
      adapter.submitStep(afterLogin.flowId, afterLogin.step.id, { action: 'continue', values: { password: 'wrong' } }, signal()),
    );
    expect(error.kind).to.equal('wrong-password');
    expect(error.field).to.equal('password');
  });

  it('passes host headers and a per-request header function', async () => {
    const { worker } = await scenario('unlinked');
    const { createHttpAdapter } = await import('../src/adapter/http-adapter.js');
    let seen: string | null = null;
    worker.use(
      http.get('*/api/sferum/link', ({ request }) => {
        seen = request.headers.get('X-CSRF-Token');
        return HttpResponse.json({ state: 'unlinked' });
      }),
    );
    await createHttpAdapter({ baseUrl: '/api/sferum/', headers: () => ({ 'X-CSRF-Token': 't1' }) }).getLinkStatus(signal());
    expect(seen).to.equal('t1');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).to.equal(30);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:01:00 GMT', now)).to.equal(60);
  });
});
