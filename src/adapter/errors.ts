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

export class SferumError extends Error {
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

/** Turns anything thrown into a `SferumError`, keeping `AbortError`s recognisable. */
export function toSferumError(error: unknown): SferumError {
  if (error instanceof SferumError) return error;
  if (isAbortError(error)) return new SferumError('aborted', 'The request was aborted', { cause: error });
  if (error instanceof TypeError) return new SferumError('network', error.message, { cause: error });
  return new SferumError('server', error instanceof Error ? error.message : 'Unexpected failure', { cause: error });
}

export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof DOMException && error.name === 'AbortError') ||
    (error instanceof SferumError && error.kind === 'aborted')
  );
}
