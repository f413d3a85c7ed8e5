// The lazily loaded part of <sferum-link>: the wizard, its step components and their texts.
// Loaded when the user starts linking or a flow resumes, so that a page that only shows the
// linked card does not download it. English flow texts load only for English pages.
import { defineElement } from '../../define/define.js';
import type { FlowMessages } from '../../i18n/flow-ru.js';
import { flowRu } from '../../i18n/flow-ru.js';
import type { Locale, MessageOverrides } from '../../i18n/translator.js';
import { SferumLinkFlow } from './sferum-link-flow.js';
import { defineSteps } from './steps/registry.js';

const pack: { ru: FlowMessages; en?: FlowMessages } = { ru: flowRu };

export function setupFlow(): MessageOverrides {
  defineElement('sferum-link-flow', SferumLinkFlow);
  defineSteps();
  return pack;
}

export function isFlowLocaleLoaded(locale: Locale): boolean {
  return pack[locale] !== undefined;
}

export async function loadFlowLocale(locale: Locale): Promise<void> {
  if (locale === 'en' && !pack.en) pack.en = (await import('../../i18n/flow-en.js')).flowEn;
}

export { FlowDoneEvent, FlowEndEvent, FlowErrorEvent, FlowStepEvent, SferumLinkFlow } from './sferum-link-flow.js';
