/**
 * Every failure that reaches an element is a `SferumError`. Elements branch on `kind`,
 * never on `message` (which is for developers and never shown to users).
 */
export const ERROR_KINDS = [
  // transport and protocol
  'network',
  'timeout',
  'unauthorized',
  'rate-limited',
  'server',
  'not-found',
  'invalid-response',
  'aborted',
  // VK ID credential steps
  'wrong-password',
  'wrong-code',
  'code-expired',
  'too-many-attempts',
  'phone-linked-elsewhere',
  'another-account-on-phone',
  'vpn-blocked',
  'unsupported-browser',
  'invalid-phone',
  // flows
  'flow-expired',
  'declined',
  'expired',
  'popup-blocked',
  'popup-closed',
  'unlink-forbidden',
  // the host page
  'no-adapter',
] as const;

export type SferumErrorKind = (typeof ERROR_KINDS)[number];

export interface SferumErrorOptions {
  /** Seconds to wait before trying again (`rate-limited`, `too-many-attempts`). */
  retryAfter?: number;
  /** HTTP status, when the error came from an HTTP response. */
  status?: number;
  /** The step field the error belongs to, when the backend names one. */
  field?: string;
  cause?: unknown;
}

/**
 * Marks a `SferumError` of any copy of this package: a page may load two (the journal's bundle and a
 * plugin's), and an adapter built against one throws into elements of the other, where `instanceof`
 * fails. `@1` is the shape read across copies: `kind`, `message`, `retryAfter`, `status`, `field`.
 */
const BRAND: unique symbol = Symbol.for('sferum/error@1');

/**
 * True for a `SferumError` from any copy of the package. A kind this copy does not know (from a newer
 * copy) passes through as it is: elements show it as a generic fault and report it by that kind.
 */
export function isSferumError(value: unknown): value is SferumError {
  return (value as Record<symbol, unknown> | null | undefined)?.[BRAND] === true;
}

export class SferumError extends Error {
  /** `instanceof SferumError` holds for an error of another copy of the package too. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return this === SferumError ? isSferumError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  override readonly name = 'SferumError';
  readonly kind: SferumErrorKind;
  readonly retryAfter: number | undefined;
  readonly status: number | undefined;
  readonly field: string | undefined;

  constructor(kind: SferumErrorKind, message: string = kind, options: SferumErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryAfter = options.retryAfter;
    this.status = options.status;
    this.field = options.field;
  }

  /** @internal The brand `isSferumError` reads. */
  get [BRAND](): true {
    return true;
  }

  /** Errors the user can fix by trying the same thing again later. */
  get isTransient(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'server' ||
      this.kind === 'rate-limited' ||
      this.kind === 'invalid-response'
    );
  }
}

export function isErrorKind(value: unknown): value is SferumErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}

/**
 * Turns anything thrown into a `SferumError` (README «The adapter» and docs/http-contract.md say the
 * same): a `SferumError` of any copy keeps its kind; an `AbortError` is `aborted` and a `TimeoutError`
 * (`AbortSignal.timeout`) is `timeout`; a `TypeError` is what `fetch` throws when the network fails,
 * so it is `network`; anything else (an `Error`, a string, `undefined`) is `server`.
 */
export function toSferumError(error: unknown): SferumError {
  if (isSferumError(error)) return error;
  const name = (error as Error | null | undefined)?.name;
  const kind = name === 'AbortError' ? 'aborted' : name === 'TimeoutError' ? 'timeout' : error instanceof TypeError ? 'network' : 'server';
  return new SferumError(kind, error instanceof Error ? error.message : kind, { cause: error });
}

/** An abort from any source (a `DOMException`, a library's own `AbortError`, a `SferumError`): never a fault to show. */
export function isAbortError(error: unknown): boolean {
  return (error as Error | null | undefined)?.name === 'AbortError' || (isSferumError(error) && error.kind === 'aborted');
}
