import { type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { textField } from './fields.js';
import { phoneAnswer, preloadPhoneRules } from './phone-field.js';
import { formatAsTyped } from './phone-typing.js';
import { StepElement } from './step-element.js';

type PhoneStep = StepOf<'max-phone'> | StepOf<'recovery-phone'>;

/**
 * A step that asks for a phone (MAX, password recovery): the kit's phone rules, a precise
 * message for each rejection, what was typed kept, E.164 sent.
 */
export abstract class PhoneStepElement<S extends PhoneStep> extends StepElement<S> {
  protected override fields = ['phone'];
  @state() protected value = '';
  @state() protected problem?: string;
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

  protected async submitPhone(event: Event): Promise<void> {
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

  /** Formats the number as it is typed, keeping the caret after the digit it followed. */
  private typed(raw: string, event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const next = formatAsTyped(raw, input.selectionStart ?? raw.length, this.value, event.inputType);
    if (next.value !== raw) {
      input.value = next.value;
      input.setSelectionRange(next.caret, next.caret);
    }
    this.value = next.value;
    this.problem = undefined;
  }

  /** Shows a valid number in the seeds' format when the field is left. */
  private async tidy(): Promise<void> {
    const phone = await phoneAnswer(this.value);
    if ('display' in phone) this.value = phone.display;
  }

  protected renderPhoneField(hint: string, placeholder?: string): TemplateResult {
    return textField({
      name: 'phone',
      label: this.i18n.t('phoneLabel'),
      value: this.value,
      type: 'tel',
      inputmode: 'tel',
      autocomplete: 'tel',
      ...(placeholder ? { placeholder } : {}),
      hint,
      required: true,
      error: this.problem ?? this.errorFor('phone'),
      onInput: (v, event) => this.typed(v, event),
      onBlur: () => void this.tidy(),
    });
  }
}
