import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { looksLikeEmail } from '../../../flows/validation.js';
import { textField } from './fields.js';
import { phoneAnswer, preloadPhoneRules } from './phone-field.js';
import { StepElement } from './step-element.js';

/** «Вход в VK ID»: phone or e-mail, with the consent line. @internal */
export class StepLogin extends StepElement<StepOf<'login'>> {
  protected override fields = ['login'];
  @state() private value = '';
  @state() private problem?: string;
  @state() private showData = false;
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
    const v = this.value.trim();
    if (v === '') {
      this.problem = this.i18n.t('loginEmpty');
    } else if (looksLikeEmail(v)) {
      this.problem = undefined;
      this.answer('continue', { login: v });
      return;
    } else {
      const phone = await phoneAnswer(v);
      if ('e164' in phone) {
        this.problem = undefined;
        this.answer('continue', { login: phone.e164 });
        return;
      }
      // Letters in a field that also takes e-mail: say what the field accepts, not "digits only".
      this.problem = this.i18n.t(phone.problem === 'phoneLetters' ? 'loginInvalid' : phone.problem);
    }
    void this.focusFirstInvalid();
  }

  protected override render() {
    const t = this.i18n;
    return html`<form novalidate @submit=${(e: Event) => void this.submit(e)}>
      ${this.renderHeader(t.t('loginTitle'))}
      ${textField({
        name: 'login',
        label: t.t('loginLabel'),
        value: this.value,
        error: this.problem ?? this.errorFor('login'),
        hint: t.t('loginPhoneOnly'),
        autocomplete: 'username',
        required: true,
        onInput: (v) => {
          this.value = v;
          this.problem = undefined;
        },
      })}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${t.t('continue')}</button>
      </div>
      <p class="hint">
        ${t.t('loginConsent')}
        <button class="link-button" type="button" aria-expanded=${this.showData ? 'true' : 'false'} aria-controls="data" @click=${() => (this.showData = !this.showData)}>
          ${t.t('loginData')} ›
        </button>
      </p>
      <p id="data" class="hint" ?hidden=${!this.showData}>${this.showData ? t.t('loginDataText') : nothing}</p>
    </form>`;
  }
}
