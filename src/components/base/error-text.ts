import { toSferumError } from '../../adapter/errors.js';
import type { Translator } from '../../i18n/translator.js';

/** The user-facing sentence for a transport or protocol fault. Elements branch on `kind` only. */
export function faultText(i18n: Translator, error: unknown): string {
  const e = toSferumError(error);
  switch (e.kind) {
    case 'network':
      return i18n.t('errorNetwork');
    case 'timeout':
      return i18n.t('errorTimeout');
    case 'unauthorized':
      return i18n.t('errorUnauthorized');
    case 'rate-limited':
      return i18n.t('errorRateLimited', { time: i18n.duration(e.retryAfter ?? 30) });
    case 'server':
      return i18n.t('errorServer');
    case 'invalid-response':
      return i18n.t('errorInvalidResponse');
    case 'not-found':
      return i18n.t('errorNotFound');
    case 'no-adapter':
      return i18n.t('errorNoAdapter');
    default:
      return i18n.t('errorGeneric');
  }
}
