import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { revealToggle, textField, withPhone } from './fields.js';
import { StepElement } from './step-element.js';

/** «Введите пароль», with show/hide and «Забыли или не установили пароль?». @internal */
export class StepPassword extends StepElement<StepOf<'password'>> {
  protected override fields = ['password'];
  protected override secretFields = ['password'];
  // The password lives in this element only, until the step is answered and replaced.
  @state() private password = '';
  @state() private visible = false;
  @state() private problem?: string;

  protected override clearSecret(): void {
    this.password = '';
  }

  private submit(event: Event): void {
    event.preventDefault();
    if (this.submitBlocked) return;
    if (this.password === '') {
      this.problem = this.i18n.t('passwordEmpty');
      void this.focusFirstInvalid();
      return;
    }
    this.answer('continue', { password: this.password });
  }

  protected override render() {
    const t = this.i18n;
    return html`<form novalidate @submit=${this.submit}>
      ${this.renderHeader(t.t('passwordTitle'), withPhone(t.t('passwordText'), this.step.phoneDisplay))}
      ${textField({
        name: 'password',
        label: t.t('passwordLabel'),
        value: this.password,
        type: this.visible ? 'text' : 'password',
        autocomplete: 'current-password',
        required: true,
        error: this.problem ?? this.errorFor('password'),
        onInput: (v) => {
          this.password = v;
          this.problem = undefined;
        },
        after: revealToggle(this.visible, t.t('passwordShow'), () => (this.visible = !this.visible)),
      })}
      <div class="links">
        <button class="link-button" type="button" @click=${() => this.answer('forgot-password')}>${t.t('passwordForgot')}</button>
      </div>
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${t.t('continue')}</button>
      </div>
    </form>`;
  }
}
