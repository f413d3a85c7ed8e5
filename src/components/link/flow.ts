// The lazily loaded part of <sferum-link>: the wizard, its step components and their texts.
// Loaded when the user starts linking or a flow resumes, so that a page that only shows the
// linked card does not download it. English flow texts load only for English pages.
import { defineElement } from '../../define/define.js';
import { flowRu } from '../../i18n/flow-ru.js';
import { TextPack } from '../../i18n/pack.js';
import { SferumLinkFlow } from './sferum-link-flow.js';
import { defineSteps } from './steps/registry.js';

/** The flow texts: Russian with the wizard, English on demand. */
export const flowPack = new TextPack(flowRu, () => import('../../i18n/flow-en.js').then((m) => m.flowEn));

export function setupFlow(): TextPack {
  defineElement('sferum-link-flow', SferumLinkFlow);
  defineSteps();
  return flowPack;
}

export { SferumLinkFlow } from './sferum-link-flow.js';
export { successStyles } from './success.styles.js';
