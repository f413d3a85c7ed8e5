import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { missingPasswordRules, type PasswordRule } from '../../../flows/validation.js';
import type { FlowMessages } from '../../../i18n/flow-ru.js';
import { longText } from '../../base/long-text.js';
import { phoneText, initial, revealToggle, textField } from './fields.js';
import { PhoneStepElement } from './phone-step.js';
import { StepElement } from './step-element.js';

/** Password recovery, first screen: the phone registered with VK ID. @internal */
export class StepRecoveryPhone extends PhoneStepElement<StepOf<'recovery-phone'>> {
  protected override render() {
    const t = this.i18n;
    return html`<form novalidate @submit=${(e: Event) => void this.submitPhone(e)}>
      ${this.renderHeader(t.t('recoveryPhoneTitle'), t.t('recoveryPhoneText'))} ${this.renderPhoneField(t.t('phoneHint'))}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${t.t('continue')}</button>
      </div>
    </form>`;
  }
}

/** «Проверьте, правильный ли выбран аккаунт». @internal */
export class StepRecoveryAccount extends StepElement<StepOf<'recovery-account'>> {
  protected override render() {
    const t = this.i18n;
    const a = this.step.account;
    return html`<div class="body">
      ${this.renderHeader(t.t('recoveryAccountTitle'))}
      <div class="account">
        <span class="avatar" aria-hidden="true">${initial(a.name)}</span>
        <span><span class="account-name">${longText(a.name)}</span>${a.phoneMasked ? html`<br /><span class="hint">${phoneText(a.phoneMasked)}</span>` : ''}</span>
      </div>
      <div class="actions">
        <button class="button" part="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.answer('continue')}>${t.t('continue')}</button>
        <button class="button secondary" part="button" type="button" @click=${() => this.answer('another-account')}>${t.t('anotherAccount')}</button>
      </div>
    </div>`;
  }
}

const METHOD_TEXT: Record<'app' | 'email' | 'friends', [keyof FlowMessages, keyof FlowMessages]> = {
  app: ['recoveryApp', 'recoveryAppHint'],
  email: ['recoveryEmail', 'recoveryEmailHint'],
  friends: ['recoveryFriends', 'recoveryFriendsHint'],
};

/** «Как вы хотите подтвердить, что аккаунт принадлежит вам?»: one choice among cards, then «Продолжить». @internal */
export class StepRecoveryMethod extends StepElement<StepOf<'recovery-method'>> {
  protected override fields = ['method'];
  @state() private chosen?: string;
  @state() private problem?: string;

  private submit(event: Event): void {
    event.preventDefault();
    if (this.submitBlocked) return;
    const methods = this.step.methods;
    const chosen = this.chosen ?? (methods.length === 1 ? methods[0]!.method : undefined);
    if (!chosen) {
      this.problem = this.i18n.t('recoveryMethodEmpty');
      this.renderRoot.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
      return;
    }
    this.answer('choose', { method: chosen });
  }

  protected override render() {
    const t = this.i18n;
    const error = this.problem ?? this.errorFor('method');
    return html`<form novalidate @submit=${this.submit}>
      ${this.renderHeader(t.t('recoveryMethodTitle'))}
      <fieldset aria-labelledby="heading" aria-describedby=${error ? 'method-error' : ''}>
        ${this.step.methods.map(({ method, hint }) => {
          const [title, hintKey] = METHOD_TEXT[method];
          return html`<label class="pick">
            <input type="radio" name="method" .value=${method} .checked=${this.chosen === method} @change=${() => ((this.chosen = method), (this.problem = undefined))} />
            <span><span class="option-title">${t.t(title)}</span><br /><span class="hint">${t.t(hintKey, { email: hint ?? '' })}</span></span>
          </label>`;
        })}
      </fieldset>
      ${error ? html`<span class="field-error" id="method-error">${error}</span>` : ''}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${t.t('continue')}</button>
      </div>
    </form>`;
  }
}

const RULE_KEYS: Record<PasswordRule, keyof FlowMessages> = {
  length: 'newPasswordMissingLength',
  upper: 'newPasswordMissingUpper',
  lower: 'newPasswordMissingLower',
  digit: 'newPasswordMissingDigit',
  special: 'newPasswordMissingSpecial',
};

/** «Придумайте новый пароль», with the seed's rules and «Выйти на всех устройствах, кроме этого». @internal */
export class StepNewPassword extends StepElement<StepOf<'new-password'>> {
  protected override fields = ['password', 'repeat'];
  @state() private password = '';
  @state() private repeat = '';
  @state() private logoutOthers = false;
  @state() private visible = false;
  @state() private problems: { password?: string; repeat?: string } = {};

  private submit(event: Event): void {
    event.preventDefault();
    if (this.submitBlocked) return;
    const t = this.i18n;
    const missing = missingPasswordRules(this.password, this.step.minLength);
    const problems: { password?: string; repeat?: string } = {};
    if (missing.length) problems.password = t.t('newPasswordWeak', { missing: missing.map((r) => t.t(RULE_KEYS[r], { n: this.step.minLength })).join(', ') });
    if (this.repeat !== this.password || this.repeat === '') problems.repeat = t.t('newPasswordMismatch');
    this.problems = problems;
    if (problems.password || problems.repeat) {
      void this.focusFirstInvalid();
      return;
    }
    this.answer('continue', { password: this.password, repeat: this.repeat, logoutOthers: this.logoutOthers });
  }

  protected override render() {
    const t = this.i18n;
    const toggle = revealToggle(this.visible, t.t('passwordShow'), () => (this.visible = !this.visible));
    return html`<form novalidate @submit=${this.submit}>
      ${this.renderHeader(t.t('newPasswordTitle'), t.t('newPasswordText'))}
      ${textField({
        name: 'password',
        label: t.t('newPasswordLabel'),
        value: this.password,
        type: this.visible ? 'text' : 'password',
        autocomplete: 'new-password',
        hint: t.t('newPasswordRules'),
        required: true,
        error: this.problems.password ?? this.errorFor('password'),
        onInput: (v) => ((this.password = v), (this.problems = { ...this.problems, password: undefined })),
        after: toggle,
      })}
      ${textField({
        name: 'repeat',
        label: t.t('newPasswordRepeat'),
        value: this.repeat,
        type: this.visible ? 'text' : 'password',
        autocomplete: 'new-password',
        required: true,
        error: this.problems.repeat ?? this.errorFor('repeat'),
        onInput: (v) => ((this.repeat = v), (this.problems = { ...this.problems, repeat: undefined })),
      })}
      <label class="choice">
        <input type="checkbox" name="logoutOthers" .checked=${this.logoutOthers} @change=${(e: Event) => (this.logoutOthers = (e.target as HTMLInputElement).checked)} />
        ${t.t('newPasswordLogout')}
      </label>
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${t.t('continue')}</button>
      </div>
    </form>`;
  }
}
