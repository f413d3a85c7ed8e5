/** Case-insensitive, `ё` = `е`, spaces collapsed: how people search Russian names. */
export function searchKey(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}
