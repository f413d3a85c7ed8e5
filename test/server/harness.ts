// A journal for the server tests: sessions from a cookie, links in a Map, every hook call
// counted. Every answer the handler gives through `clientFor` is checked against the kit's own
// response schemas (error bodies against the error schema) before a test sees it.
import assert from 'node:assert/strict';
import { schemasFor } from '../../src/adapter/all-schemas.js';
import { errorBodySchema } from '../../src/adapter/http-adapter.js';
import { urlPolicy } from '../../src/adapter/urls.js';
import type { ServerLogEntry } from '../../src/server/log.js';
import { createSferumHandler, type SferumHandler } from '../../src/server/handler.js';
import type { MaxOptions, NewLink, SferumHooks, SferumLink, SferumServerOptions } from '../../src/server/options.js';
import { MockMax, MOCK_MAX_BOT, type MockMaxOptions } from '../../mocks/max-api/state.js';

export const ORIGIN = 'https://journal.test';
export const BASE = `${ORIGIN}/api/sferum`;
export const WEBHOOK_SECRET = 'max-webhook-secret-for-tests';
export const VKID_CLIENT_ID = '51234567';
export const REDIRECT_URI = `${ORIGIN}/vkid-callback.html`;

export class TestJournal {
  readonly links = new Map<string, SferumLink>();
  /** recordLink calls per flow id: a flow must be recorded exactly once. */
  readonly recorded = new Map<string, number>();
  readonly recordedLinks: NewLink[] = [];
  policy: 'self' | 'support' | 'external' = 'self';
  /** Phones linked to other journal accounts. */
  readonly elsewhere = new Set<string>();
  /** Makes the next recordLink calls throw this. */
  recordFailure: Error | undefined;
  /** Milliseconds recordLink takes (concurrency tests). */
  recordDelayMs = 0;

  readonly hooks: SferumHooks = {
    getUserId: (request) => /(?:^|;\s*)session=([\w-]+)/.exec(request.headers.get('Cookie') ?? '')?.[1] ?? null,
    getLink: async (user) => this.links.get(user) ?? null,
    recordLink: async (user, link) => {
      this.recorded.set(link.flowId, (this.recorded.get(link.flowId) ?? 0) + 1);
      if (this.recordDelayMs) await new Promise((resolve) => setTimeout(resolve, this.recordDelayMs));
      if (this.recordFailure) throw this.recordFailure;
      this.recordedLinks.push(link);
      const stored: SferumLink = { method: link.method, phone: link.phone, sferumUrl: 'https://sferum.ru/?p=messages', ...(link.profileName ? { profileName: link.profileName } : {}) };
      this.links.set(user, stored);
      return stored;
    },
    removeLink: async (user) => {
      this.links.delete(user);
    },
    unlinkPolicy: () => this.policy,
    isPhoneLinkedElsewhere: async (phone) => this.elsewhere.has(phone),
  };
}

export interface Harness {
  handler: SferumHandler;
  journal: TestJournal;
  max: MockMax;
  logs: ServerLogEntry[];
  options: SferumServerOptions;
}

/** A handler over a test journal, with MAX (answered by a `MockMax` whose webhook calls the handler directly). */
export function createHarness(overrides: Partial<SferumServerOptions> = {}, maxOptions: MockMaxOptions = {}, maxSettings: Partial<MaxOptions> = {}): Harness {
  const journal = new TestJournal();
  const logs: ServerLogEntry[] = [];
  const ref: { handler?: SferumHandler } = {};
  const max = new MockMax({
    webhook: { url: `${BASE}/max/webhook`, secret: WEBHOOK_SECRET },
    deliver: (request) => ref.handler!(request),
    ...maxOptions,
  });
  const options: SferumServerOptions = {
    hooks: journal.hooks,
    origins: [ORIGIN],
    // The kit's own steps too: a test sees every answer checked twice (here and by checkAnswer).
    validateResponses: 'all',
    log: (entry) => logs.push(entry),
    max: {
      botToken: MOCK_MAX_BOT.token,
      botName: MOCK_MAX_BOT.name,
      webhookSecret: WEBHOOK_SECRET,
      journalName: 'Электронная школа',
      pollIntervalMs: 2000,
      findUserByPhone: async (phone) => max.findByPhone(phone)?.userId ?? null,
      ...maxSettings,
    },
    vkid: { clientId: VKID_CLIENT_ID, redirectUri: REDIRECT_URI },
    ...overrides,
  };
  const handler = createSferumHandler(options);
  ref.handler = handler;
  return { handler, journal, max, logs, options };
}

const schemas = schemasFor(urlPolicy([ORIGIN]));

/** Checks an answer against the kit's schema for its route: what the widgets would accept. */
export function checkAnswer(method: string, path: string, status: number, body: unknown): void {
  if (status === 204) {
    assert.equal(body, undefined, `${method} ${path}: 204 with a body`);
    return;
  }
  const where = `${method} ${path} → ${status}`;
  const schema =
    status >= 400
      ? errorBodySchema
      : /^\/link$/.test(path)
        ? schemas.linkStatus
        : /^\/link\/flows/.test(path)
          ? schemas.flow
          : /^\/chats$/.test(path)
            ? schemas.chatList
            : /^\/conferences/.test(path)
              ? schemas.conferenceList
              : /^\/lessons\//.test(path)
                ? schemas.lessonConference
                : undefined;
  if (!schema) return;
  const result = schema.safeParse(body);
  assert.ok(result.success, `${where}: outside the contract: ${JSON.stringify(result.success ? null : result.error.issues[0])} in ${JSON.stringify(body)}`);
}

// Tests read answers by their documented shape; the shape itself is checked by `checkAnswer`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface Answer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Client {
  get(path: string): Promise<Answer>;
  post(path: string, body?: unknown): Promise<Answer>;
  delete(path: string): Promise<Answer>;
  request(method: string, path: string, init?: { body?: string; headers?: Record<string, string> }): Promise<Answer>;
}

/** A browser on the journal's page: session cookie, `Origin`, `Sec-Fetch-Site: same-origin`. */
export function clientFor(handler: SferumHandler, user: string, clientAddress = '198.51.100.7'): Client {
  const request = async (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> => {
    const headers: Record<string, string> = { Cookie: `session=${user}`, Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin', Accept: 'application/json', ...init.headers };
    if (init.body !== undefined && !('Content-Type' in headers)) headers['Content-Type'] = 'application/json';
    const response = await handler(new Request(`${BASE}${path}`, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) }), { clientAddress });
    const text = await response.text();
    const body = text === '' ? undefined : JSON.parse(text);
    checkAnswer(method, path.split('?')[0]!, response.status, body);
    return { status: response.status, headers: response.headers, body };
  };
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body = {}) => request('POST', path, { body: JSON.stringify(body) }),
    delete: (path) => request('DELETE', path),
  };
}

/** Walks a MAX flow to `max-pending` for `phone`; returns the flow id and the pending step. */
export async function startMax(client: Client, phone: string): Promise<{ flowId: string; pending: Json }> {
  const started = await client.post('/link/flows', { method: 'max' });
  assert.equal(started.status, 200);
  assert.equal(started.body.step.kind, 'max-phone');
  const { flowId } = started.body;
  const answered = await client.post(`/link/flows/${flowId}/steps/${started.body.step.id}`, { action: 'continue', values: { phone } });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  assert.equal(answered.body.step.kind, 'max-pending');
  return { flowId, pending: answered.body.step };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
