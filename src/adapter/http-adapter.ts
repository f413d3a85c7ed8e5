import type { ConferencePeriod, ExternalResult, SferumAdapter, StartLinkInput, StepAnswer, ValidatedAdapter } from './adapter.js';
import * as z from 'zod/mini';
import { ERROR_KINDS, SferumError, isErrorKind } from './errors.js';
import { urlPolicy } from './urls.js';
import { validateAdapter } from './validate.js';

export interface HttpAdapterOptions {
  /** Base URL of the journal's Sferum API, for example `/api/sferum` or `https://journal.example/api/sferum`. */
  baseUrl: string;
  /** A `fetch` implementation (defaults to the global one). */
  fetch?: typeof fetch;
  /** Extra headers for every request (a CSRF token, for example); a function is called per request. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** Per-attempt timeout in milliseconds; default 10 000. */
  timeoutMs?: number;
  /** `fetch` credentials mode; default `same-origin`. */
  credentials?: RequestCredentials;
  /** How GETs are retried on network errors and 5xx: default 3 retries from a 300 ms base with full jitter. */
  retry?: { retries?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Hosts (or exact origins) added to the allowed list for URLs in the data. */
  allowedHosts?: readonly string[];
}

type Method = 'GET' | 'POST' | 'DELETE';

/** The error body of the HTTP contract: `{ "error": { "kind", "message"?, "retryAfter"?, "field"? } }`. */
export const errorBodySchema = z.object({
  error: z.object({
    kind: z.enum(ERROR_KINDS),
    message: z.optional(z.string().check(z.maxLength(1000))),
    retryAfter: z.optional(z.number().check(z.gte(0), z.lte(86_400))),
    field: z.optional(z.string().check(z.maxLength(100))),
  }),
});

interface RequestOptions {
  body?: unknown;
  signal: AbortSignal;
}

/**
 * A `SferumAdapter` over the REST contract of `docs/http-contract.md`.
 * Every answer is validated; faults become `SferumError`s of the matching kind.
 */
export function createHttpAdapter(options: HttpAdapterOptions): ValidatedAdapter & SferumAdapter {
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retry?.retries ?? 3;
  const baseDelayMs = options.retry?.baseDelayMs ?? 300;
  const maxDelayMs = options.retry?.maxDelayMs ?? 4_000;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function request(method: Method, path: string, { body, signal }: RequestOptions): Promise<unknown> {
    const attempts = method === 'GET' ? retries + 1 : 1;
    let lastError: SferumError | undefined;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) {
        const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        await sleep(ceiling / 2 + (Math.random() * ceiling) / 2, signal);
      }
      try {
        return await once(method, path, body, signal);
      } catch (error) {
        const e = error as SferumError;
        const retryable = e.kind === 'network' || (e.kind === 'server' && (e.status ?? 500) >= 500);
        if (!retryable) throw e;
        lastError = e;
      }
    }
    throw lastError ?? new SferumError('server', 'Request failed');
  }

  async function once(method: Method, path: string, body: unknown, outer: AbortSignal): Promise<unknown> {
    if (outer.aborted) throw new SferumError('aborted', 'Aborted');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    outer.addEventListener('abort', onAbort, { once: true });
    try {
      const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
      const headers = new Headers(extra);
      headers.set('Accept', 'application/json');
      if (body !== undefined) headers.set('Content-Type', 'application/json');
      let response: Response;
      try {
        response = await fetchImpl(`${base}${path}`, {
          method,
          headers,
          credentials: options.credentials ?? 'same-origin',
          body: body === undefined ? null : JSON.stringify(body),
          signal: controller.signal,
          cache: 'no-store',
        });
      } catch (error) {
        if (outer.aborted) throw new SferumError('aborted', 'Aborted', { cause: error });
        if (timedOut) throw new SferumError('timeout', `No answer within ${timeoutMs} ms`, { cause: error });
        throw new SferumError('network', 'Network error', { cause: error });
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (outer.aborted) throw new SferumError('aborted', 'Aborted', { cause: error });
        if (timedOut) throw new SferumError('timeout', `No answer within ${timeoutMs} ms`, { cause: error });
        throw new SferumError('network', 'The connection broke while reading the answer', { cause: error });
      }
      return interpret(response, text);
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', onAbort);
    }
  }

  const enc = encodeURIComponent;
  const raw: SferumAdapter = {
    getLinkStatus: (signal) => request('GET', '/link', { signal }) as never,
    startLink: (input: StartLinkInput, signal) => request('POST', '/link/flows', { body: input, signal }) as never,
    getFlow: (flowId, signal) => request('GET', `/link/flows/${enc(flowId)}`, { signal }) as never,
    submitStep: (flowId, stepId, answer: StepAnswer, signal) =>
      request('POST', `/link/flows/${enc(flowId)}/steps/${enc(stepId)}`, { body: answer, signal }) as never,
    resendCode: (flowId, stepId, signal) =>
      request('POST', `/link/flows/${enc(flowId)}/steps/${enc(stepId)}/resend`, { body: {}, signal }) as never,
    cancelFlow: async (flowId, signal) => {
      await request('DELETE', `/link/flows/${enc(flowId)}`, { signal });
    },
    completeExternal: (flowId, result: ExternalResult, signal) =>
      request('POST', `/link/flows/${enc(flowId)}/external`, { body: { params: result }, signal }) as never,
    pollLink: (flowId, signal) => request('GET', `/link/flows/${enc(flowId)}/status`, { signal }) as never,
    unlink: (signal) => request('DELETE', '/link', { signal }) as never,
    listChats: (signal) => request('GET', '/chats', { signal }) as never,
    listConferences: (period: ConferencePeriod, signal) =>
      request('GET', `/conferences?from=${enc(period.from)}&to=${enc(period.to)}`, { signal }) as never,
    getLessonConference: (lessonId, signal) => request('GET', `/lessons/${enc(lessonId)}/conference`, { signal }) as never,
  };
  return validateAdapter(raw, urlPolicy(options.allowedHosts)) as ValidatedAdapter & SferumAdapter;
}

function interpret(response: Response, text: string): unknown {
  const { status } = response;
  if (status === 204 || (status >= 200 && status < 300 && text === '' && response.headers.get('Content-Length') === '0')) {
    return undefined;
  }
  let json: unknown;
  let parsed = false;
  try {
    json = JSON.parse(text);
    parsed = true;
  } catch {
    // handled below per status
  }
  const domain = parsed ? errorBodySchema.safeParse(json) : undefined;
  const bodyError = domain?.success ? domain.data.error : undefined;

  if (status === 401) throw new SferumError('unauthorized', bodyError?.message ?? 'The journal session has ended', { status });
  if (status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After')) ?? bodyError?.retryAfter;
    // A 429 may be a domain answer (too many wrong codes) rather than transport throttling.
    const kind = bodyError?.kind === 'too-many-attempts' ? 'too-many-attempts' : 'rate-limited';
    throw new SferumError(kind, bodyError?.message ?? 'Too many requests', {
      status,
      ...(retryAfter === undefined ? {} : { retryAfter }),
      ...(bodyError?.field === undefined ? {} : { field: bodyError.field }),
    });
  }
  if (status >= 500) throw new SferumError('server', `Server error ${status}`, { status });
  if (status >= 400) {
    if (bodyError && isErrorKind(bodyError.kind)) {
      throw new SferumError(bodyError.kind, bodyError.message ?? bodyError.kind, {
        status,
        ...(bodyError.retryAfter === undefined ? {} : { retryAfter: bodyError.retryAfter }),
        ...(bodyError.field === undefined ? {} : { field: bodyError.field }),
      });
    }
    if (status === 404 || status === 410) throw new SferumError('not-found', `Not found (${status})`, { status });
    throw new SferumError('server', `Request rejected (${status})`, { status });
  }
  if (!parsed) throw new SferumError('invalid-response', `The answer is not JSON (status ${status})`, { status });
  return json;
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new SferumError('aborted', 'Aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SferumError('aborted', 'Aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
