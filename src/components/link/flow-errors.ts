import { SferumError, toSferumError } from '../../adapter/errors.js';
import type { Step } from '../../adapter/schemas.js';
import type { Translator } from '../../i18n/translator.js';
import type { VendorPreset } from '../../presets/types.js';
import { faultText } from '../base/error-text.js';
import type { StepErrorView } from './steps/step-element.js';

const DEFAULT_FIELD: Partial<Record<SferumError['kind'], (step: Step) => string>> = {
  'wrong-password': () => 'password',
  'wrong-code': () => 'code',
  'code-expired': () => 'code',
  'invalid-phone': (step) => (step.kind === 'login' ? 'login' : 'phone'),
};

/** The sentence a flow error shows, with its field and any wait (in seconds). */
export function flowErrorView(i18n: Translator, preset: VendorPreset, step: Step, error: unknown, wait = 0): StepErrorView {
  const e = toSferumError(error);
  const time = i18n.clock(wait);
  let message: string;
  switch (e.kind) {
    case 'wrong-password':
      message = i18n.t('errWrongPassword');
      break;
    case 'wrong-code':
      message = i18n.t('errWrongCode');
      break;
    case 'code-expired':
      message = i18n.t('errCodeExpired');
      break;
    case 'too-many-attempts':
      message = i18n.t('errTooManyAttempts', { time });
      break;
    case 'rate-limited':
      message = i18n.t('errRateLimitedIn', { time });
      break;
    case 'phone-linked-elsewhere':
      message = i18n.t('errPhoneLinkedElsewhere');
      break;
    case 'another-account-on-phone':
      message = i18n.t('errAnotherAccount');
      break;
    case 'vpn-blocked':
      message = i18n.t('errVpn');
      break;
    case 'unsupported-browser':
      message = i18n.t('errBrowser');
      break;
    case 'invalid-phone':
      message = i18n.t('errInvalidPhone');
      break;
    case 'flow-expired':
    case 'not-found':
      message = i18n.t('errFlowExpired');
      break;
    case 'declined':
      message = step.kind === 'external' ? i18n.t('errExternalDeclined') : i18n.t('errDeclined');
      break;
    case 'expired':
      message = i18n.t('errExpired');
      break;
    case 'unlink-forbidden':
      message = i18n.t('errUnlinkForbidden');
      break;
    default:
      message = faultText(i18n, e);
      // The seeds: linking does not work through a VPN; say so where the journal asks for it.
      if ((e.kind === 'network' || e.kind === 'timeout') && preset.features.vpnHint) message += ` ${i18n.t('vpnHint')}`;
  }
  return { kind: e.kind, message, field: e.field ?? DEFAULT_FIELD[e.kind]?.(step), wait };
}

/** Faults after which the same request may simply be sent again. */
export function isRetryable(error: SferumError): boolean {
  // A 401 too: the same request goes again once the host has re-authenticated.
  return error.isTransient || error.kind === 'unauthorized';
}

/** Errors that end the flow: the user starts again from the entry. */
export function endsFlow(error: SferumError, step: Step): boolean {
  if (error.kind === 'declined') return step.kind === 'max-pending';
  return ['flow-expired', 'not-found', 'expired'].includes(error.kind);
}
