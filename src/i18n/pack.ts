import type { Messages } from './ru.js';
import type { Locale, MessageOverrides } from './translator.js';

type Texts = Partial<Messages>;
type Load = () => Promise<Texts>;

/**
 * Texts that ship with the elements that show them. English is always its own chunk, loaded the
 * first time an English page needs it. Russian (the reference) is either inside the element's code
 * (the flow texts, themselves in a lazy chunk) or a chunk of its own (the lists' texts: loaded while
 * the list is asked for, so the list elements' first load does not carry them).
 */
export class TextPack {
  private readonly texts: Partial<Record<Locale, Texts>>;
  private readonly loading: Partial<Record<Locale, Promise<void>>> = {};
  private readonly loaders: Record<Locale, Load | undefined>;

  constructor(ru: Texts | Load, en: Load) {
    const lazy = typeof ru === 'function';
    this.texts = lazy ? {} : { ru };
    this.loaders = { ru: lazy ? ru : undefined, en };
  }

  loaded(locale: Locale): boolean {
    return this.texts[locale] !== undefined;
  }

  load(locale: Locale): Promise<void> {
    if (this.loaded(locale)) return Promise.resolve();
    return (this.loading[locale] ??= this.loaders[locale]!().then(
      (texts) => {
        this.texts[locale] = texts;
      },
      (error: unknown) => {
        this.loading[locale] = undefined;
        throw error;
      },
    ));
  }

  /** The texts as a layer for the Translator. */
  get layer(): MessageOverrides {
    return this.texts;
  }
}
