import { html, nothing } from 'lit';
import type { StepOf } from '../../../adapter/schemas.js';
import { PhoneStepElement } from './phone-step.js';
import { StepElement } from './step-element.js';

/** MAX: the phone, checked as `+7 (9XX) XXX-XX-XX`, and «Привязать учебный аккаунт Сферум». @internal */
export class StepMaxPhone extends PhoneStepElement<StepOf<'max-phone'>> {
  protected override render() {
    const t = this.i18n;
    return html`<form novalidate @submit=${(e: Event) => void this.submitPhone(e)}>
      ${this.renderHeader(t.t('maxTitle'))} ${this.renderPhoneField(t.t('maxPhoneNote'), '+7 (9XX) XXX-XX-XX')}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${t.t('maxSubmit')}</button>
        <button class="button secondary" type="button" @click=${() => this.intent({ type: 'cancel' })}>${t.t('cancelLinking')}</button>
      </div>
    </form>`;
  }
}

/**
 * MAX pending: the seed's steps in MAX, a live status, «Проверить статус». The wizard polls
 * by itself (pausing while the tab is hidden); the button asks at once.
 * @internal
 */
export class StepMaxPending extends StepElement<StepOf<'max-pending'>> {
  protected override render() {
    const t = this.i18n;
    return html`<div class="body">
      ${this.renderHeader(t.t('maxPendingTitle'))}
      <ol class="steps">
        <li>${t.t('maxPendingStep1')}</li>
        <li>${t.t('maxPendingStep2')}</li>
        <li>${t.t('maxPendingStep3')}</li>
      </ol>
      <p class="status-line" role="status">
        ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${t.t('maxPendingChecking')}` : t.t('maxPendingWaiting')}
      </p>
      ${this.step.slowDown ? html`<p class="hint">${t.t('maxPendingSlow')}</p>` : nothing}
      <div class="actions">
        <button class="button secondary" part="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.intent({ type: 'poll' })}>
          ${t.t('checkStatus')}
        </button>
        <button class="link-button" type="button" @click=${() => this.intent({ type: 'cancel' })}>${t.t('cancelLinking')}</button>
      </div>
    </div>`;
  }
}

/** The flow ended linked (the link element then shows its linked card). @internal */
export class StepDone extends StepElement<StepOf<'done'>> {
  protected override render() {
    return html`<div class="body" role="status">${this.renderHeader(this.i18n.t('doneTitle'))}</div>`;
  }
}
