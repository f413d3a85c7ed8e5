import { html } from 'lit';
import type { StepOf } from '../../../adapter/schemas.js';
import { longText } from '../../base/long-text.js';
import { phoneText, initial } from './fields.js';
import { StepElement } from './step-element.js';

/** The browser already has a VK ID session: «Ваш профиль для связки». @internal */
export class StepKnownAccount extends StepElement<StepOf<'known-account'>> {
  protected override render() {
    const t = this.i18n;
    const { account, hasProfile } = this.step;
    return html`<div class="body">
      ${this.renderHeader(t.t('knownTitle'))}
      <div class="account">
        <span class="avatar" aria-hidden="true">${initial(account.name)}</span>
        <span><span class="account-name">${longText(account.name)}</span>${account.phoneMasked ? html`<br /><span class="hint">${phoneText(account.phoneMasked)}</span>` : ''}</span>
      </div>
      <p class="hint">${t.t('knownNotYours')}</p>
      <div class="actions">
        ${hasProfile
          ? html`<button class="button" part="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.answer('continue')}>${t.t('continue')}</button>`
          : html`<button class="button" part="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.answer('create-profile')}>${t.t('createProfile')}</button>`}
        <button class="button secondary" part="button" type="button" @click=${() => this.answer('another-account')}>${t.t('anotherAccount')}</button>
      </div>
    </div>`;
  }
}
