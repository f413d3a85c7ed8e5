import { html } from 'lit';
import { query } from 'lit/decorators.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { closeModal, modalStyles, openModal, trapTab } from '../../dialog/modal.js';
import { heading } from '../../base/heading.js';
import { StepElement } from './step-element.js';

/** MESH's confirmation «Добавление профиля «Сферум»» with «Отмена» / «Привязать», as a modal dialog. @internal */
export class StepConsent extends StepElement<StepOf<'consent'>> {
  static override styles = [...StepElement.styles, modalStyles];
  @query('dialog') private dialog!: HTMLDialogElement;

  // The question is the dialog: it opens as soon as the step is on screen, a flow resumed after a
  // reload included (the wizard does not move focus then, so this cannot wait for focusHeading).
  protected override firstUpdated(): void {
    openModal(this.dialog, null);
  }

  override focusHeading(): void {
    openModal(this.dialog, null);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  private decide(confirm: boolean): void {
    if (this.busy) return;
    if (!confirm) closeModal(this.dialog);
    if (confirm) this.answer('continue');
    else this.intent({ type: 'cancel' });
  }

  protected override render() {
    const t = this.i18n;
    return html`<p class="lead">${t.t('consentText')}</p>
      <dialog
        aria-labelledby="heading"
        aria-describedby="consent-text"
        @keydown=${trapTab}
        @cancel=${(e: Event) => {
          e.preventDefault();
          this.decide(false);
        }}
      >
        <div class="dialog-body">
          ${heading(this.headingLevel, 'heading', t.t('consentTitle'), true)}
          <p id="consent-text">${t.t('consentText')}</p>
          ${this.renderGeneralError()}
          <div class="dialog-actions">
            <button class="button secondary" type="button" @click=${() => this.decide(false)}>${t.t('cancel')}</button>
            <button class="button" part="button" type="button" data-autofocus aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.decide(true)}>
              ${t.t('consentConfirm')}
            </button>
          </div>
        </div>
      </dialog>`;
  }
}
