import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { longText } from '../../base/long-text.js';
import { initial } from './fields.js';
import { StepElement } from './step-element.js';

/** «Выберите профиль для связки» (variant 1). @internal */
export class StepChooseProfile extends StepElement<StepOf<'choose-profile'>> {
  protected override fields = ['profileId'];
  @state() private chosen?: string;
  @state() private problem?: string;

  private submit(event: Event): void {
    event.preventDefault();
    if (this.submitBlocked) return;
    const chosen = this.chosen ?? (this.step.profiles.length === 1 ? this.step.profiles[0]!.id : undefined);
    if (!chosen) {
      this.problem = this.i18n.t('chooseEmpty');
      this.renderRoot.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
      return;
    }
    this.answer('choose', { profileId: chosen });
  }

  protected override render() {
    const t = this.i18n;
    const error = this.problem ?? this.errorFor('profileId');
    return html`<form novalidate @submit=${this.submit}>
      ${this.renderHeader(t.t('chooseTitle'))}
      <fieldset aria-labelledby="heading" aria-describedby=${error ? 'choose-error' : ''}>
        ${this.step.profiles.map(
          (p) => html`<label class="pick">
            <input type="radio" name="profileId" .value=${p.id} .checked=${this.chosen === p.id} @change=${() => ((this.chosen = p.id), (this.problem = undefined))} />
            <span class="avatar" aria-hidden="true">${initial(p.name)}</span>
            <span><span class="account-name">${longText(p.name)}</span>${p.description ? html`<br /><span class="hint">${longText(p.description)}</span>` : ''}</span>
          </label>`,
        )}
      </fieldset>
      ${error ? html`<span class="field-error" id="choose-error">${error}</span>` : ''}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${t.t('chooseContinue')}</button>
      </div>
    </form>`;
  }
}
