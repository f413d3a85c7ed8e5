/** A message that depends on a count: `{n}` is replaced by the number. */
export interface PluralMessage {
  one: string;
  few: string;
  many: string;
  other: string;
}

export type PluralCategory = keyof PluralMessage;

/** Russian rules: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 11–14, 25–30 → many; fractions → other. */
export function pluralCategoryRu(n: number): PluralCategory {
  if (!Number.isInteger(n)) return 'other';
  const abs = Math.abs(n);
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return 'one';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'few';
  return 'many';
}

export function pluralCategoryEn(n: number): PluralCategory {
  return n === 1 ? 'one' : 'other';
}
