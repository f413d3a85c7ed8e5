/**
 * Pure checks of what a person types in the flows. Each returns a reason (a message key
 * suffix) or `undefined` when the value is fine.
 */

/** Zero code points of the decimal digit runs that NFKC leaves alone. */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6, 0x0e50,
  0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50,
  0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
];

/** NFKC, then every decimal digit of any script as ASCII. */
export function asciiDigits(text: string): string {
  return text.normalize('NFKC').replace(/\p{Nd}/gu, (ch) => {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x30 && cp <= 0x39) return ch;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
    return zero === undefined ? ch : String(cp - zero);
  });
}

/** «Код: 12 34 56», «123-456», full-width digits → `123456` (at most `length` digits). */
export function extractCode(text: string, length: number): string {
  return asciiDigits(text).replace(/\D/g, '').slice(0, length);
}

export type NameProblem = 'required' | 'chars' | 'long';

/** Names: letters of any alphabet, hyphen, apostrophe and space; at least one letter. */
export function checkName(value: string, required: boolean): NameProblem | undefined {
  const v = value.trim();
  if (v === '') return required ? 'required' : undefined;
  if (v.length > 50) return 'long';
  if (!/^[\p{L}\p{M}'’ʼ\- ]+$/u.test(v) || !/\p{L}/u.test(v)) return 'chars';
  return undefined;
}

export type BirthDateProblem = 'required' | 'invalid' | 'future' | 'implausible';

/** `YYYY-MM-DD`: a day that exists, in the past, for an age between 5 and 110. */
export function checkBirthDate(value: string, today: Date): BirthDateProblem | undefined {
  if (value.trim() === '') return 'required';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return 'invalid';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'invalid';
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (date.getTime() > todayUtc) return 'future';
  let age = today.getFullYear() - year;
  if (today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day)) age--;
  if (age < 5 || age > 110) return 'implausible';
  return undefined;
}

export type PasswordRule = 'length' | 'upper' | 'lower' | 'digit' | 'special';

/** The seed's rules: at least 8 characters, upper- and lower-case letters, digits and special characters. */
export function missingPasswordRules(password: string, minLength = 8): PasswordRule[] {
  const missing: PasswordRule[] = [];
  if ([...password].length < minLength) missing.push('length');
  if (!/\p{Lu}/u.test(password)) missing.push('upper');
  if (!/\p{Ll}/u.test(password)) missing.push('lower');
  if (!/\p{Nd}/u.test(password)) missing.push('digit');
  if (!/[^\p{L}\p{N}\s]/u.test(password)) missing.push('special');
  return missing;
}

/** A login is a phone number or an e-mail address. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
