import { listsRu } from './lists-ru.js';
import { TextPack } from './pack.js';

/** The «Сферум» section's texts: shipped with the list elements, English on demand. */
export const listsPack = new TextPack(listsRu, () => import('./lists-en.js').then((m) => m.listsEn));
