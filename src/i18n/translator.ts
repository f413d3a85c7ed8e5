import { pluralCategoryEn, pluralCategoryRu, type PluralMessage } from './plural.js';
import { numberFormat } from './formats.js';
import { ru, type MessageKey, type Messages, type PluralKey, type TextKey } from './ru.js';

export type Locale = 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['ru', 'en'];

/** Russian ships with every element; English loads on first use (most pages never need it). */
const core: Partial<Record<Locale, Partial<Messages>>> = { ru };
let english: Promise<void> | undefined;

export function isLocaleLoaded(locale: Locale): boolean {
  return core[locale] !== undefined;
}

/** Loads a locale's core texts (once per page). */
export function loadLocale(locale: Locale): Promise<void> {
  if (core[locale]) return Promise.resolve();
  english ??= import('./en.js').then(
    (m) => {
      core.en = m.en;
    },
    (error: unknown) => {
      english = undefined;
      throw error;
    },
  );
  return english;
}

/**
 * Layers of texts above the core dictionary, any single key per locale: a flow text pack
 * (shipped with the code that shows it), a vendor preset's texts, the host's overrides.
 */
export type MessageOverrides = Partial<Record<Locale, Partial<Messages>>>;

/** `ru-RU` → `ru`, `en-GB` → `en`; anything else falls back to Russian, the reference. */
export function toLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ru' || primary === 'en' ? primary : undefined;
}

/**
 * The nearest `lang` attribute, crossing shadow roots upwards. No `instanceof Element`: on a server
 * (`@lit-labs/ssr` without a DOM shim) there is no `Element`, and the element sees only its own attributes.
 */
export function nearestLang(node: Node): string | null {
  let current: Node | null | undefined = node;
  while (current) {
    const lang = (current as Partial<Element>).getAttribute?.('lang');
    if (lang != null) return lang;
    current = current.parentNode ?? (current.nodeType === 11 ? (current as ShadowRoot).host : null);
  }
  return null;
}

function fill(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export class Translator {
  readonly locale: Locale;
  private readonly layers: readonly Partial<Messages>[];
  private readonly reference: readonly Partial<Messages>[];

  constructor(locale: Locale, ...overrides: (MessageOverrides | undefined)[]) {
    this.locale = locale;
    // Later layers win: packs, then preset texts, then the host's overrides.
    this.layers = overrides.map((o) => o?.[locale] ?? {}).reverse();
    this.reference = overrides.map((o) => o?.ru ?? {}).reverse();
  }

  private lookup<K extends MessageKey>(key: K): Messages[K] {
    for (const layer of this.layers) {
      const value = layer[key];
      if (value !== undefined) return value as Messages[K];
    }
    // Until English has loaded, the reference texts stand in (elements wait for it before content;
    // a list on screen when the locale switches renders once more in Russian, its pack's too).
    let value = core[this.locale]?.[key];
    for (const layer of this.reference) value ??= layer[key] as Messages[K] | undefined;
    value ??= (ru as Partial<Messages>)[key];
    // A flow text whose pack was not passed shows as its key: visible in development, never a crash.
    return (value ?? key) as Messages[K];
  }

  t(key: TextKey, params?: Readonly<Record<string, string | number>>): string {
    return fill(this.lookup(key) as string, params);
  }

  plural(key: PluralKey, n: number, params?: Readonly<Record<string, string | number>>): string {
    const forms = this.lookup(key) as PluralMessage | string;
    // A missing plural shows as its key, as a missing text does.
    if (typeof forms === 'string') return forms;
    const category = this.locale === 'ru' ? pluralCategoryRu(n) : pluralCategoryEn(n);
    return fill(forms[category], { n: this.number(n), ...params });
  }

  number(n: number): string {
    return numberFormat(this.locale === 'ru' ? 'ru-RU' : 'en-GB').format(n);
  }

  /** A wait or a countdown, in the one format of the kit (`м:сс`): `0:56`, `1:53`, `4:51`, `12:00`. */
  clock(totalSeconds: number): string {
    const s = Math.max(0, Math.ceil(totalSeconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }
}
