import type { FlowMessages } from '../../../i18n/flow-ru.js';
import type { PhoneRejection } from '../../../phone/phone.js';

const REASON_KEYS: Record<PhoneRejection, keyof FlowMessages> = {
  empty: 'phoneEmpty',
  letters: 'phoneLetters',
  'too-short': 'phoneTooShort',
  'too-long': 'phoneTooLong',
  landline: 'phoneLandline',
  'toll-free': 'phoneTollFree',
  kazakhstan: 'phoneKazakhstan',
  foreign: 'phoneForeign',
  extension: 'phoneExtension',
  'not-mobile': 'phoneNotMobile',
};

/**
 * Checks a typed phone: E.164 to send, or the message key of the precise reason. The phone
 * rules (libphonenumber-js) load on first use: the default hosted VK ID flow never needs them.
 */
export async function phoneAnswer(value: string): Promise<{ e164: string; display: string } | { problem: keyof FlowMessages }> {
  const { checkPhone } = await import('../../../phone/phone.js');
  const check = checkPhone(value);
  return check.ok ? { e164: check.e164, display: check.display } : { problem: REASON_KEYS[check.reason] };
}

/** Starts loading the phone rules early (when a phone step appears), so that a submit does not wait. */
export function preloadPhoneRules(): void {
  void import('../../../phone/phone.js');
}
