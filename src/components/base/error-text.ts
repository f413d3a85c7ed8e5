import { toSferumError, type SferumErrorKind } from '../../adapter/errors.js';
import type { Translator } from '../../i18n/translator.js';
import type { TextKey } from '../../i18n/ru.js';

const FAULT_KEYS: Partial<Record<SferumErrorKind, TextKey>> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  unauthorized: 'errorUnauthorized',
  server: 'errorServer',
  'invalid-response': 'errorInvalidResponse',
  'not-found': 'errorNotFound',
  'no-adapter': 'errorNoAdapter',
};

/** The user-facing sentence for a transport or protocol fault. Elements branch on `kind` only. */
export function faultText(i18n: Translator, error: unknown): string {
  const e = toSferumError(error);
  return e.kind === 'rate-limited'
    ? i18n.t('errorRateLimited', { time: i18n.clock(e.retryAfter ?? 30) })
    : i18n.t(FAULT_KEYS[e.kind] ?? 'errorGeneric');
}
