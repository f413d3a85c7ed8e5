import { listsEn } from './lists-en.js';
import { listsRu } from './lists-ru.js';
import type { MessageOverrides } from './translator.js';

/** The «Сферум» section's texts in both locales: passed as a text layer by the list elements. */
export const listsMessages = { ru: listsRu, en: listsEn } as const satisfies MessageOverrides;
