import { SferumError, type SferumErrorKind } from '../adapter/errors.js';

/** The HTTP status each error kind is answered with (docs/http-contract.md). */
const STATUS: Partial<Record<SferumErrorKind, number>> = {
  unauthorized: 401,
  'rate-limited': 429,
  'too-many-attempts': 429,
  'not-found': 404,
  'wrong-password': 422,
  'wrong-code': 422,
  'code-expired': 422,
  'invalid-phone': 422,
  'phone-linked-elsewhere': 409,
  'another-account-on-phone': 409,
  declined: 409,
  expired: 409,
  'unlink-forbidden': 409,
  'flow-expired': 409,
  'vpn-blocked': 403,
  'unsupported-browser': 403,
};

/** A failure answered with an error body: `{ error: { kind, message?, retryAfter?, field? } }`. */
export class HttpFailure extends Error {
  override readonly name = 'HttpFailure';
  readonly status: number;
  readonly kind: SferumErrorKind;
  readonly retryAfter: number | undefined;
  readonly field: string | undefined;

  constructor(status: number, kind: SferumErrorKind, message?: string, extra: { retryAfter?: number; field?: string } = {}) {
    super(message ?? kind);
    this.status = status;
    this.kind = kind;
    this.retryAfter = extra.retryAfter;
    this.field = extra.field;
  }

  /** A `SferumError` a hook threw, with the status its kind is answered with. */
  static from(error: SferumError): HttpFailure {
    return new HttpFailure(error.status ?? STATUS[error.kind] ?? 500, error.kind, error.message === error.kind ? undefined : error.message, {
      ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }),
      ...(error.field === undefined ? {} : { field: error.field }),
    });
  }
}

export const fail = (status: number, kind: SferumErrorKind, message?: string, extra?: { retryAfter?: number; field?: string }) =>
  new HttpFailure(status, kind, message, extra);

/** A malformed request: the contract has no kind for it, so it is `server` with a 400. */
export const badRequest = (message: string) => new HttpFailure(400, 'server', message);

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The JSON text of the answers made here, so that `toNodeListener` writes it to the socket as it
 * is instead of reading it back out of the Response's stream (a third of the cost of a poll).
 */
export const responseText = new WeakMap<Response, string>();

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, { status, headers: { ...BASE_HEADERS, ...headers } });
  responseText.set(response, text);
  return response;
}

/** The contract's error body: `{ error: { kind, message?, retryAfter?, field? } }`. */
export function errorBody(failure: HttpFailure): { error: Record<string, unknown> } {
  const error: Record<string, unknown> = { kind: failure.kind };
  if (failure.message !== failure.kind) error['message'] = failure.message.slice(0, 1000);
  if (failure.retryAfter !== undefined) error['retryAfter'] = failure.retryAfter;
  if (failure.field !== undefined) error['field'] = failure.field;
  return { error };
}

export function errorResponse(failure: HttpFailure, body: unknown = errorBody(failure)): Response {
  const headers: Record<string, string> = {};
  if (failure.retryAfter !== undefined) headers['Retry-After'] = String(failure.retryAfter);
  if (failure.status === 405) headers['Allow'] = failure.message.replace(/^Use /, '');
  return jsonResponse(failure.status, body, headers);
}

/**
 * Reads a JSON body of at most `limit` bytes. The stream is read chunk by chunk and abandoned
 * as soon as it grows past the limit, so a huge body costs no more than the limit.
 */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get('Content-Length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw fail(413, 'server', 'The request body is too large');
  const type = request.headers.get('Content-Type') ?? '';
  if (request.body === null) return undefined;
  if (!/^application\/json\s*(;|$)/i.test(type)) throw fail(415, 'server', 'The request body must be application/json');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw fail(413, 'server', 'The request body is too large');
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw badRequest('The request body is not JSON');
  }
}
