// Loaded when the user first asks to unlink, or with the status where the journal lets the user
// unlink only elsewhere (the card's note is here too): a page that only shows the linked card
// does not download the dialog, its modal behaviour or the notes.
import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isAbortError, toSferumError, type SferumError } from '../../adapter/errors.js';
import type { LinkStatus } from '../../adapter/schemas.js';
import { defineElement } from '../../define/define.js';
import type { Translator } from '../../i18n/translator.js';
import { baseStyles } from '../../styles/base.styles.js';
import { faultText } from '../base/error-text.js';
import { heading } from '../base/heading.js';
import { closeModal, modalStyles, openModal, trapTab } from './modal.js';

/**
 * «Отвязать учётную запись?»: a real modal (focus inside, Tab wraps, Escape cancels, focus returns)
 * that states the consequence, with «Отмена» first and the destructive «Да» in the danger colour.
 * It sends the request itself and stays open with the reason when it fails. The link element's
 * tokens (the preset's, the host's) reach it by inheritance; `dark` follows the link's theme.
 * @internal
 */
export class SferumUnlinkDialog extends LitElement {
  static override styles = [baseStyles, modalStyles];

  @property({ attribute: false }) i18n!: Translator;
  @property({ attribute: false }) headingLevel = 2;
  @property({ attribute: false }) dark = false;
  /** Sends the unlink request (the link element's adapter). */
  unlink?: (signal: AbortSignal) => Promise<LinkStatus>;
  /** The account was unlinked (the dialog has closed; focus is the host's to place). */
  onUnlinked?: (status: LinkStatus) => void;
  /** An error is shown (the host reports its kind). */
  onError?: (error: SferumError) => void;

  @state() private busy = false;
  @state() private error?: SferumError;
  @query('dialog') private dialog!: HTMLDialogElement;
  private controller?: AbortController;

  /** Opens the dialog; focus goes back to `opener` when it is cancelled. */
  async show(opener: HTMLElement | null): Promise<void> {
    this.error = undefined;
    await this.updateComplete;
    openModal(this.dialog, opener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.busy = false;
  }

  private close(): void {
    this.controller?.abort();
    this.busy = false;
    closeModal(this.dialog);
  }

  private async confirm(): Promise<void> {
    if (this.busy || !this.unlink) return;
    this.busy = true;
    this.error = undefined;
    const controller = new AbortController();
    this.controller = controller;
    try {
      const status = await this.unlink(controller.signal);
      if (controller.signal.aborted) return;
      // Not closeModal: the button that opened the dialog is about to go with the linked card.
      this.dialog.close();
      this.onUnlinked?.(status);
    } catch (raw) {
      if (controller.signal.aborted || isAbortError(raw)) return;
      this.error = toSferumError(raw);
      this.onError?.(this.error);
    } finally {
      if (this.controller === controller) this.busy = false;
    }
  }

  protected override render() {
    const t = this.i18n;
    const e = this.error;
    return html`<div class=${this.dark ? 'root dark' : 'root'} lang=${t.locale}>
      <dialog
        part="dialog"
        aria-labelledby="unlink-title"
        aria-describedby="unlink-text"
        @keydown=${trapTab}
        @cancel=${(event: Event) => {
          event.preventDefault();
          this.close();
        }}
      >
        <div class="dialog-body">
          ${heading(this.headingLevel, 'unlink-title', t.t('unlinkTitle'))}
          <p id="unlink-text">${t.t('unlinkText')}</p>
          <div role="alert">${e ? html`<p class="error" part="error">${e.kind === 'unlink-forbidden' ? t.t('errUnlinkForbidden') : faultText(t, e)}</p>` : nothing}</div>
          <div class="dialog-actions">
            <button class="button secondary" type="button" data-autofocus @click=${this.close}>${t.t('cancel')}</button>
            <button class="button danger" part="button" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.confirm()}>
              ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${t.t('yes')}
            </button>
          </div>
        </div>
      </dialog>
    </div>`;
  }
}

export { successStyles } from '../link/success.styles.js';
export { renderUnlinkInfo } from '../link/unlink-info.js';

export function defineUnlinkDialog(): void {
  defineElement('sferum-unlink-dialog', SferumUnlinkDialog);
}
