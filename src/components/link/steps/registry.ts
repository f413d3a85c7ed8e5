import type { StepKind } from '../../../adapter/schemas.js';
import { defineElement } from '../../../define/define.js';
import { StepAboutYou } from './about-you.js';
import { StepChooseProfile } from './choose-profile.js';
import { StepCode } from './code.js';
import { StepConsent } from './consent.js';
import { StepCreateProfile } from './create-profile.js';
import { StepExternal } from './external.js';
import { StepKnownAccount } from './known-account.js';
import { StepLogin } from './login.js';
import { StepDone, StepMaxPending, StepMaxPhone } from './max.js';
import { StepPassword } from './password.js';
import { StepNewPassword, StepRecoveryAccount, StepRecoveryMethod, StepRecoveryPhone } from './recovery.js';
import type { StepElement } from './step-element.js';

/** One component per step kind. Adding a kind is one file and one line here. */
export const STEP_COMPONENTS: Record<StepKind, { tag: string; ctor: new () => StepElement }> = {
  login: { tag: 'sferum-step-login', ctor: StepLogin },
  'known-account': { tag: 'sferum-step-known-account', ctor: StepKnownAccount },
  password: { tag: 'sferum-step-password', ctor: StepPassword },
  code: { tag: 'sferum-step-code', ctor: StepCode },
  'choose-profile': { tag: 'sferum-step-choose-profile', ctor: StepChooseProfile },
  'create-profile': { tag: 'sferum-step-create-profile', ctor: StepCreateProfile },
  'about-you': { tag: 'sferum-step-about-you', ctor: StepAboutYou },
  consent: { tag: 'sferum-step-consent', ctor: StepConsent },
  external: { tag: 'sferum-step-external', ctor: StepExternal },
  'recovery-phone': { tag: 'sferum-step-recovery-phone', ctor: StepRecoveryPhone },
  'recovery-account': { tag: 'sferum-step-recovery-account', ctor: StepRecoveryAccount },
  'recovery-method': { tag: 'sferum-step-recovery-method', ctor: StepRecoveryMethod },
  'new-password': { tag: 'sferum-step-new-password', ctor: StepNewPassword },
  'max-phone': { tag: 'sferum-step-max-phone', ctor: StepMaxPhone },
  'max-pending': { tag: 'sferum-step-max-pending', ctor: StepMaxPending },
  done: { tag: 'sferum-step-done', ctor: StepDone },
};

/** Registers the step tags (guarded: a second copy of the bundle keeps the first). */
export function defineSteps(): void {
  for (const { tag, ctor } of Object.values(STEP_COMPONENTS)) defineElement(tag, ctor as unknown as CustomElementConstructor);
}

/** A fresh component for a step kind. */
export function createStepElement(kind: StepKind): StepElement {
  defineSteps();
  return document.createElement(STEP_COMPONENTS[kind].tag) as StepElement;
}
