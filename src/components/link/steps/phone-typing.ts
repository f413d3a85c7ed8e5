/**
 * Formatting a Russian mobile number while it is typed: `89521234567` shows as
 * `+7 (952) 123-45-67` digit by digit, and the caret stays after the same digit it followed.
 * Only a number that is plainly Russian (`+7…`, `8 9…`, `7 9…`, `9…`) is touched, and never past
 * ten national digits: anything else keeps exactly what was typed, for the phone rules to judge
 * on submit. Small on purpose (no libphonenumber): it runs on every keystroke.
 */

const TYPABLE = /^[\d\s()+.\-\u2010-\u2015\u2212]*$/u;
const digitsOf = (s: string) => s.replace(/\D/g, '');

export interface TypedPhone {
  value: string;
  caret: number;
}

/**
 * `raw` and `caret` are the field after the keystroke; `previous` is its value before it, and
 * `inputType` the InputEvent's, so that Backspace or Delete on a `)` or `-` removes the digit
 * beside it instead of bouncing off a separator that formatting puts back.
 */
export function formatAsTyped(raw: string, caret: number, previous = '', inputType = ''): TypedPhone {
  if (!TYPABLE.test(raw)) return { value: raw, caret };
  if (inputType.startsWith('delete') && previous !== raw && digitsOf(previous) === digitsOf(raw)) {
    const backward = inputType === 'deleteContentBackward';
    const at = backward ? lastDigitBefore(raw, caret) : firstDigitFrom(raw, caret);
    if (at >= 0) {
      raw = raw.slice(0, at) + raw.slice(at + 1);
      caret = backward ? at : caret;
    }
  }
  const digits = digitsOf(raw);
  let national: string;
  let prefix: number;
  if (raw.trimStart().startsWith('+')) {
    if (!digits.startsWith('7')) return { value: raw, caret };
    national = digits.slice(1);
    prefix = 1;
  } else if (/^[78]9/.test(digits)) {
    national = digits.slice(1);
    prefix = 1;
  } else if (digits.startsWith('9')) {
    national = digits;
    prefix = 0;
  } else return { value: raw, caret };
  if (national.length > 10) return { value: raw, caret };

  let value = '+7';
  const after: number[] = [];
  for (let i = 0; i < national.length; i++) {
    value += i === 0 ? ' (' : i === 3 ? ') ' : i === 6 || i === 8 ? '-' : '';
    value += national[i];
    after.push(value.length);
  }
  const nationalBefore = Math.max(0, digitsOf(raw.slice(0, caret)).length - prefix);
  const position = nationalBefore === 0 ? (national.length > 0 ? 4 : value.length) : after[Math.min(nationalBefore, after.length) - 1]!;
  return { value, caret: position };
}

function lastDigitBefore(s: string, caret: number): number {
  for (let i = Math.min(caret, s.length) - 1; i >= 0; i--) if (/\d/.test(s[i]!)) return i;
  return -1;
}

function firstDigitFrom(s: string, caret: number): number {
  for (let i = caret; i < s.length; i++) if (/\d/.test(s[i]!)) return i;
  return -1;
}
