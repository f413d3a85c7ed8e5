/**
 * Phone rules for every phone field of the kit (SPEC §4.3): accept what people type or
 * paste, accept only a Russian mobile number, and say precisely why anything else is refused.
 */
import { PhoneNumber } from 'libphonenumber-js/core';
import { asciiDigits } from '../flows/validation.js';
import { formatPhone } from './format.js';
import { phoneMetadata } from './metadata.js';

export { formatPhone, maskPhone } from './format.js';

export type PhoneRejection =
  | 'empty'
  | 'letters'
  | 'too-short'
  | 'too-long'
  | 'landline'
  | 'toll-free'
  | 'kazakhstan'
  | 'foreign'
  | 'extension'
  | 'not-mobile';

export type PhoneCheck =
  | { ok: true; e164: string; national: string; display: string }
  | { ok: false; reason: PhoneRejection };

/**
 * NFKC, drop format characters (bidi and zero-width marks), map every decimal digit to ASCII,
 * unify dashes and spaces. Leaves letters in place so that they can be reported.
 */
export function normalizePhoneInput(raw: string): string {
  let s = asciiDigits(raw).replace(/\p{Cf}/gu, '');
  s = s.replace(/\p{Pd}|\u2212/gu, '-').replace(/[\s\p{Zs}]+/gu, ' ');
  return s.trim();
}

const LABEL = /^(?:tel:|[\p{L}][\p{L}. ]{0,24}:)\s*/iu;
// `\b` is ASCII-only even with the `u` flag, so the word start is spelled out.
const EXTENSION = /(?:;\s*ext=|#|(?:^|[\s,(\d])(?:ext\.?|extension|доб\.?|добавочный|x))\s*\d+\)?\s*$/iu;

/** Checks a typed or pasted phone number; accepts only a Russian mobile number. */
export function checkPhone(raw: string): PhoneCheck {
  let s = normalizePhoneInput(raw);
  // «Телефон:», «Тел.:», «Mobile:», `tel:` — one label, possibly twice (`Телефон: tel:+7…`).
  for (let i = 0; i < 2; i++) s = s.replace(LABEL, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (EXTENSION.test(s)) return { ok: false, reason: 'extension' };
  if (/\p{L}/u.test(s)) return { ok: false, reason: 'letters' };
  if (/[^\d+\-() ./]/.test(s)) return { ok: false, reason: 'letters' };

  const hasPlus = s.startsWith('+');
  if (s.indexOf('+', 1) !== -1) return { ok: false, reason: 'letters' };
  const digits = s.replace(/\D/g, '');
  if (digits === '') return { ok: false, reason: 'empty' };

  let national: string;
  if (hasPlus) {
    if (!digits.startsWith('7')) return { ok: false, reason: 'foreign' };
    national = digits.slice(1);
  } else if (digits.startsWith('810') && digits.length > 11) {
    // 8-10 is the old Russian international prefix: 8 10 375 …
    return digits.startsWith('8107') ? checkPhone(`+${digits.slice(3)}`) : { ok: false, reason: 'foreign' };
  } else if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) {
    national = digits.slice(1);
  } else if (digits.length > 11 && (digits.startsWith('8') || digits.startsWith('7'))) {
    return { ok: false, reason: 'too-long' };
  } else {
    national = digits;
  }

  if (national.length < 10) return { ok: false, reason: 'too-short' };
  if (national.length > 10) return { ok: false, reason: 'too-long' };

  // Our own normalisation already produced the digits: classify them with libphonenumber's
  // PhoneNumber against Russia's numbering plan (its text parser would add ~4 kB gz for nothing).
  const parsed = new PhoneNumber(`+7${national}`, phoneMetadata);
  // +7 is shared: Kazakhstan holds the 6xx and 7xx ranges, Russia the rest.
  if (/^[67]/.test(national)) return { ok: false, reason: 'kazakhstan' };
  const type = parsed.getType();
  if (type === 'TOLL_FREE' || national.startsWith('80')) return { ok: false, reason: 'toll-free' };
  if (type === 'FIXED_LINE' || /^[3-5]/.test(national)) return { ok: false, reason: 'landline' };
  if (!parsed.isValid() || type !== 'MOBILE' || !national.startsWith('9')) {
    return { ok: false, reason: 'not-mobile' };
  }
  const e164 = `+7${national}`;
  return { ok: true, e164, national, display: formatPhone(e164) };
}
