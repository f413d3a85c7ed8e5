/**
 * Case-insensitive, `ё` = `е`, spaces collapsed: how people search Russian names. Plain
 * `toLowerCase` (Russian and English have no locale-specific case rules) is several times faster
 * than `toLocaleLowerCase('ru')` over 10,000 rows.
 */
export function searchKey(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

const DIGITS = /\d+/g;
const HAS_DIGIT = /\d/;
const pad = (digits: string) => digits.padStart(12, '0');

/**
 * A key that sorts Russian text by code point: lower case, `ё` = `е`, numbers zero-padded (№9
 * before №10). Built for every row before a sort, so each step runs only when it has work to do.
 */
export function sortKey(text: string): string {
  let key = text.toLowerCase().trim();
  if (key.includes('ё')) key = key.replaceAll('ё', 'е');
  return HAS_DIGIT.test(key) ? key.replace(DIGITS, pad) : key;
}
