import type { Messages } from './ru.js';
import type { Locale, MessageOverrides } from './translator.js';

/**
 * Texts that ship with the elements that show them: Russian (the reference) inside the element's
 * code, English in its own chunk, loaded the first time an English page needs it.
 */
export class TextPack {
  private en?: Partial<Messages>;
  private loading?: Promise<void>;

  constructor(
    readonly ru: Partial<Messages>,
    private readonly loadEnglish: () => Promise<Partial<Messages>>,
  ) {}

  loaded(locale: Locale): boolean {
    return locale === 'ru' || this.en !== undefined;
  }

  load(locale: Locale): Promise<void> {
    if (this.loaded(locale)) return Promise.resolve();
    this.loading ??= this.loadEnglish().then(
      (en) => {
        this.en = en;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** The texts as a layer for the Translator. */
  get layer(): MessageOverrides {
    return this.en ? { ru: this.ru, en: this.en } : { ru: this.ru };
  }
}
