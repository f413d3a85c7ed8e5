/**
 * `createSferumHandler(options)`: the HTTP contract of docs/http-contract.md as one Fetch-API
 * function, `(request) => Promise<Response>`. No DOM, no Node-only globals: it runs in Node ≥ 20,
 * a service worker or an edge runtime. Every body is parsed with zod; every answer is checked
 * against the kit's own response schemas before it leaves.
 */
import * as z from 'zod/mini';
import type { StepAction } from '../adapter/adapter.js';
import type { FlowStateInput } from '../adapter/schemas.js';
import { schemasFor } from '../adapter/all-schemas.js';
import { SferumError } from '../adapter/errors.js';
import { errorBodySchema } from '../adapter/http-adapter.js';
import { isIsoDateTime } from '../adapter/field-schemas.js';
import { urlPolicy } from '../adapter/urls.js';
import { timingSafeEqual } from './crypto.js';
import { DEFAULT_LIMITS, FlowEngine } from './flows.js';
import { HttpFailure, badRequest, errorBody, errorResponse, fail, jsonResponse, readJson } from './http.js';
import { consoleLogger, describeError, type Logger } from './log.js';
import { maxUpdateSchema } from './max.js';
import type { Limits, RequestContext, SferumServerOptions } from './options.js';
import { createMemoryStore } from './store.js';

/** The handler: a Fetch-API function. `context` carries what `Request` does not (the client address). */
export type SferumHandler = (request: Request, context?: RequestContext) => Promise<Response>;

const ACTIONS = [
  'continue',
  'back',
  'another-account',
  'create-profile',
  'forgot-password',
  'other-method',
  'use-password',
  'change-phone',
  'no-email-access',
  'choose',
  'cancel',
] as const satisfies readonly StepAction[];

const bodies = {
  start: z.object({ method: z.enum(['vkid', 'max']), returnUrl: z.optional(z.string().check(z.maxLength(2048))) }),
  answer: z.object({
    action: z.enum(ACTIONS),
    values: z.optional(
      z
        .record(z.string().check(z.maxLength(64)), z.union([z.string().check(z.maxLength(1000)), z.boolean()]))
        .check(z.refine((values) => Object.keys(values).length <= 20, 'Too many values')),
    ),
  }),
  external: z.object({
    params: z
      .record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(2048)))
      .check(z.refine((params) => Object.keys(params).length <= 20, 'Too many parameters')),
  }),
  empty: z.optional(z.object({})),
};


function parse<T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw badRequest(`Invalid request: ${issue ? `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}` : 'invalid'}`);
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function mergeLimits(overrides: SferumServerOptions['limits']): Limits {
  const limits = structuredClone(DEFAULT_LIMITS) as Limits;
  for (const [name, scopes] of Object.entries(overrides ?? {})) {
    Object.assign((limits as unknown as Record<string, object>)[name] ?? {}, scopes);
  }
  return limits;
}

/** Creates the request handler. Mount it at `basePath` (default `/api/sferum`). */
export function createSferumHandler(options: SferumServerOptions): SferumHandler {
  const basePath = (options.basePath ?? '/api/sferum').replace(/\/+$/, '');
  const log: Logger = options.log ?? consoleLogger;
  const now = options.now ?? (() => Date.now());
  const store = options.store ?? createMemoryStore({ now });
  const limit = options.maxBodyBytes ?? 16 * 1024;
  const validate = options.validateResponses ?? 'journal';
  const extraHosts = [...(options.allowedHosts ?? [])];
  if (options.vkid) {
    extraHosts.push(new URL(options.vkid.redirectUri).origin);
    extraHosts.push(new URL(options.vkid.authorizeUrl ?? 'https://id.vk.com/authorize').origin);
  }
  const schemas = schemasFor(urlPolicy(extraHosts));
  const engine = new FlowEngine({
    options,
    hooks: options.hooks,
    store,
    limits: mergeLimits(options.limits),
    log,
    now,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.upstreamTimeoutMs ?? 10_000,
  });

  /** CSRF: a state-changing request must come from one of the journal's origins. */
  function checkSite(request: Request, url: URL): void {
    const site = request.headers.get('Sec-Fetch-Site');
    if (site === 'cross-site') throw fail(403, 'server', 'Cross-site requests are refused');
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const origin = request.headers.get('Origin');
    const allowed = options.origins ?? [url.origin];
    if (origin !== null) {
      if (!allowed.includes(origin)) throw fail(403, 'server', 'The request comes from another origin');
      return;
    }
    if (site !== 'same-origin') throw fail(403, 'server', 'A state-changing request needs Origin or Sec-Fetch-Site: same-origin');
  }

  async function userOf(request: Request): Promise<string> {
    const user = await options.hooks.getUserId(request);
    if (!user) throw fail(401, 'unauthorized', 'No journal session');
    return user;
  }

  type Checkable = { safeParse(data: unknown): { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } };
  /** A flow answer carries the journal's data only when it is finished (the link status inside). */
  const checkedFlow = (body: FlowStateInput, route: string) => (body.step.kind === 'done' || validate === 'all' ? checked(schemas.flow, body, route) : body);

  function checked(schema: Checkable, body: unknown, route: string): unknown {
    if (validate === 'none') return body;
    const result = schema.safeParse(body);
    if (result.success) return body;
    const issue = result.error?.issues[0];
    log({ level: 'error', event: 'response-invalid', route, detail: issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid' });
    throw fail(502, 'server', 'The server produced an answer outside the contract');
  }

  return async function handle(request: Request, context: RequestContext = {}): Promise<Response> {
    const started = now();
    let route = `${request.method} ?`;
    let flowId: string | undefined;
    try {
      const url = new URL(request.url);
      if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) throw fail(404, 'not-found');
      let segments: string[];
      try {
        segments = url.pathname.slice(basePath.length).split('/').filter(Boolean).map(decodeURIComponent);
      } catch {
        throw fail(404, 'not-found');
      }
      const method = request.method;
      const address = options.clientAddress?.(request, context) ?? context.clientAddress;
      const [a, b, c, d, e, f] = segments;
      const n = segments.length;
      const allow = (...methods: string[]) => {
        if (!methods.includes(method)) throw new HttpFailure(405, 'server', `Use ${methods.join(', ')}`);
      };
      const body = async <T>(schema: Parameters<typeof parse<T>>[0]): Promise<T> => parse(schema, await readJson(request, limit));
      const flowParam = (value: string) => {
        if (!ID.test(value)) throw fail(404, 'flow-expired');
        flowId = value;
        return value;
      };

      // MAX → us: authenticated by the subscription secret, not by a journal session or an origin.
      if (a === 'max' && b === 'webhook' && n === 2) {
        route = 'POST /max/webhook';
        allow('POST');
        const secret = options.max?.webhookSecret;
        if (!secret || !timingSafeEqual(request.headers.get('X-Max-Bot-Api-Secret') ?? '', secret)) throw fail(401, 'unauthorized', 'Bad webhook secret');
        const raw = await readJson(request, 64 * 1024);
        const kind = (raw as { update_type?: unknown } | null)?.update_type;
        const update = maxUpdateSchema.safeParse(raw);
        if (update.success) await engine.maxUpdate(update.data);
        else if (kind === 'bot_started' || kind === 'message_callback' || kind === 'message_created') throw badRequest('Malformed update');
        log({ level: 'info', event: 'request', route, status: 200, ms: now() - started });
        return jsonResponse(200, { ok: true });
      }

      checkSite(request, url);
      let answer: unknown;
      if (a === 'link' && n === 1) {
        route = `${method} /link`;
        allow('GET', 'DELETE');
        const user = await userOf(request);
        answer = checked(schemas.linkStatus, method === 'GET' ? await engine.status(user) : await engine.unlink(user), route);
      } else if (a === 'link' && b === 'flows' && n === 2) {
        route = 'POST /link/flows';
        allow('POST');
        const user = await userOf(request);
        answer = checkedFlow(await engine.start(user, await body(bodies.start), address), route);
      } else if (a === 'link' && b === 'flows' && c !== undefined && n === 3) {
        route = `${method} /link/flows/:flowId`;
        allow('GET', 'DELETE');
        const user = await userOf(request);
        const id = flowParam(c);
        if (method === 'DELETE') {
          await engine.cancel(user, id);
          log({ level: 'info', event: 'request', route, status: 204, flowId, ms: now() - started });
          return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
        }
        answer = checkedFlow(await engine.getFlow(user, id), route);
      } else if (a === 'link' && b === 'flows' && c !== undefined && d === 'status' && n === 4) {
        route = 'GET /link/flows/:flowId/status';
        allow('GET');
        const user = await userOf(request);
        answer = checkedFlow(await engine.poll(user, flowParam(c), address), route);
      } else if (a === 'link' && b === 'flows' && c !== undefined && d === 'external' && n === 4) {
        route = 'POST /link/flows/:flowId/external';
        allow('POST');
        const user = await userOf(request);
        const { params } = await body(bodies.external);
        answer = checkedFlow(await engine.external(user, flowParam(c), params, address), route);
      } else if (a === 'link' && b === 'flows' && c !== undefined && d === 'steps' && e !== undefined && (n === 5 || (n === 6 && f === 'resend'))) {
        route = n === 5 ? 'POST /link/flows/:flowId/steps/:stepId' : 'POST /link/flows/:flowId/steps/:stepId/resend';
        allow('POST');
        const user = await userOf(request);
        const id = flowParam(c);
        if (!ID.test(e)) throw fail(409, 'flow-expired');
        if (n === 6) {
          await body(bodies.empty);
          answer = checkedFlow(await engine.resend(user, id, e, address), route);
        } else {
          answer = checkedFlow(await engine.submit(user, id, e, await body(bodies.answer), address), route);
        }
      } else if (a === 'chats' && n === 1) {
        route = 'GET /chats';
        allow('GET');
        const user = await userOf(request);
        const chats = (await options.hooks.listChats?.(user, request.signal)) ?? { chats: [] };
        answer = checked(schemas.chatList, chats, route);
      } else if (a === 'conferences' && n === 1) {
        route = 'GET /conferences';
        allow('GET');
        const user = await userOf(request);
        const from = url.searchParams.get('from') ?? '';
        const to = url.searchParams.get('to') ?? '';
        if (!isIsoDateTime(from) || !isIsoDateTime(to) || Date.parse(to) <= Date.parse(from)) throw badRequest('from and to must be ISO 8601 date-times, from before to');
        const list = (await options.hooks.listConferences?.(user, { from, to }, request.signal)) ?? {
          serverTime: new Date(now()).toISOString(),
          timeZone: 'UTC',
          conferences: [],
        };
        answer = checked(schemas.conferenceList, list, route);
      } else if (a === 'lessons' && b !== undefined && c === 'conference' && n === 3) {
        route = 'GET /lessons/:lessonId/conference';
        allow('GET');
        const user = await userOf(request);
        if (b.length > 200) throw fail(404, 'not-found');
        const hook = options.hooks.getLessonConference;
        if (!hook) throw fail(404, 'not-found');
        answer = checked(schemas.lessonConference, await hook(user, b, request.signal), route);
      } else {
        throw fail(404, 'not-found');
      }
      log({ level: 'info', event: 'request', route, status: 200, ...(flowId ? { flowId } : {}), ms: now() - started });
      return jsonResponse(200, answer);
    } catch (error) {
      let failure: HttpFailure;
      if (error instanceof HttpFailure) failure = error;
      else if (error instanceof SferumError) failure = HttpFailure.from(error);
      else {
        log({ level: 'error', event: 'request-failed', route, ...(flowId ? { flowId } : {}), detail: describeError(error) });
        failure = fail(500, 'server');
      }
      let payload = errorBody(failure);
      if (validate !== 'none' && !errorBodySchema.safeParse(payload).success) {
        log({ level: 'error', event: 'response-invalid', route, detail: 'error body' });
        failure = fail(500, 'server');
        payload = errorBody(failure);
      }
      const response = errorResponse(failure, payload);
      log({
        level: failure.status >= 500 ? 'error' : 'info',
        event: 'request',
        route,
        status: failure.status,
        kind: failure.kind,
        ...(flowId ? { flowId } : {}),
        ms: now() - started,
      });
      return response;
    }
  };
}
