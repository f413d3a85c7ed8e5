import { TextPack } from './pack.js';

/**
 * The «Сферум» section's texts, Russian and English each a chunk of its own: a list element asks for
 * them together with its data and shows its loading state until both are in.
 */
export const listsPack = new TextPack(
  () => import('./lists-ru.js').then((m) => m.listsRu),
  () => import('./lists-en.js').then((m) => m.listsEn),
);
