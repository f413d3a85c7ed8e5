import { html } from 'lit';
import type { StepOf } from '../../../adapter/schemas.js';
import { longText } from '../../base/long-text.js';
import { phoneText, personIcon } from './fields.js';
import { StepElement } from './step-element.js';

/** «Создайте учебный профиль» with the masked phone (variants 2 and 3). @internal */
export class StepCreateProfile extends StepElement<StepOf<'create-profile'>> {
  protected override render() {
    const t = this.i18n;
    return html`<div class="body">
      ${this.renderHeader(t.t('createTitle'), t.t('createText'))}
      <div class="account">
        <span class="avatar">${personIcon}</span>
        <span>${this.step.name ? html`<span class="account-name">${longText(this.step.name)}</span><br />` : ''}${phoneText(this.step.phoneMasked)}</span>
      </div>
      <div class="actions">
        <button class="button" part="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.answer('continue')}>${t.t('createProfile')}</button>
        <button class="button secondary" part="button" type="button" @click=${() => this.answer('another-account')}>${t.t('anotherAccount')}</button>
      </div>
    </div>`;
  }
}
