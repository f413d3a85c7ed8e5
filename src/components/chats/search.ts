/** Case-insensitive, `ё` = `е`, spaces collapsed: how people search Russian names. */
export function searchKey(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** A key that sorts Russian text by code point: search key with numbers zero-padded (№9 before №10). */
export function sortKey(text: string): string {
  return searchKey(text).replace(/\d+/g, (digits) => digits.padStart(12, '0'));
}
