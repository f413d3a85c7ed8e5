import { flowEn } from './flow-en.js';
import { flowRu } from './flow-ru.js';
import type { MessageOverrides } from './translator.js';

/** The flow texts in both locales: passed as the lowest text layer by the code that shows them. */
export const flowMessages = { ru: flowRu, en: flowEn } as const satisfies MessageOverrides;
