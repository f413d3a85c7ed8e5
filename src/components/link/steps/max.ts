import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { textField } from './fields.js';
import { phoneAnswer, preloadPhoneRules } from './phone-field.js';
import { StepElement } from './step-element.js';

/** MAX: the phone, checked as `+7 (9XX) XXX-XX-XX`, and «Привязать учебный аккаунт Сферум». @internal */
export class StepMaxPhone extends StepElement<StepOf<'max-phone'>> {
  protected override fields = ['phone'];
  @state() private value = '';
  @state() private problem?: string;
  private seeded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    preloadPhoneRules();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.seeded && this.step) {
      this.value = this.step.value ?? '';
      this.seeded = true;
    }
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submitBlocked) return;
    const phone = await phoneAnswer(this.value);
    if ('problem' in phone) {
      // What was typed stays in the field; the message says precisely what is wrong.
      this.problem = this.i18n.t(phone.problem);
      void this.focusFirstInvalid();
      return;
    }
    this.value = phone.display;
    this.answer('continue', { phone: phone.e164 });
  }

  private async tidy(): Promise<void> {
    const phone = await phoneAnswer(this.value);
    if ('display' in phone) this.value = phone.display;
  }

  protected override render() {
    const t = this.i18n;
    return html`<form novalidate @submit=${(e: Event) => void this.submit(e)} aria-labelledby="heading">
      ${this.renderHeader(t.t('maxTitle'))}
      ${textField({
        name: 'phone',
        label: t.t('phoneLabel'),
        value: this.value,
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'tel',
        placeholder: '+7 (9XX) XXX-XX-XX',
        hint: t.t('maxPhoneNote'),
        required: true,
        error: this.problem ?? this.errorFor('phone'),
        onInput: (v) => ((this.value = v), (this.problem = undefined)),
        onBlur: () => void this.tidy(),
      })}
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
