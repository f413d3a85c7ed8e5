import { TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { styleMap } from 'lit/directives/style-map.js';
import { SferumError, isAbortError, toSferumError } from '../../adapter/errors.js';
import type { LinkStatus } from '../../adapter/schemas.js';
import { AdapterTask } from '../../controllers/adapter-task.js';
import { SferumAuthRequiredEvent } from '../../events/sferum-auth-required.js';
import { SferumErrorEvent } from '../../events/sferum-error.js';
import { SferumLinkStatusChangeEvent } from '../../events/sferum-link-status-change.js';
import { formatPhone } from '../../phone/phone.js';
import { baseStyles } from '../../styles/base.styles.js';
import { faultText } from '../base/error-text.js';
import { SferumElement } from '../base/sferum-element.js';
import { linkStyles } from './sferum-link.styles.js';

/**
 * The whole linking experience: loads the link status and shows the entry screen when the
 * account is not linked, the waiting screen while a MAX link is pending, and the linked card.
 *
 * @summary Links a journal account to a Sferum educational profile.
 * @tag sferum-link
 *
 * @fires {SferumLinkStatusChangeEvent} sferum-link-status-change - The link status became known or changed; `detail.state` is `unlinked`, `pending` or `linked`.
 * @fires {SferumErrorEvent} sferum-error - An error state was shown; `detail.kind` names the fault.
 * @fires {SferumAuthRequiredEvent} sferum-auth-required - The journal session ended; re-authenticate, then call `retry()`.
 *
 * @csspart base - The element's inner wrapper.
 * @csspart card - The card of the current state.
 * @csspart title - The heading of the current state.
 * @csspart button - Every action button.
 * @csspart error - The error message box.
 * @csspart phone - The read-only linked phone.
 *
 * @cssprop --sferum-color-accent - Main action colour.
 * @cssprop --sferum-color-accent-contrast - Text on the main action.
 * @cssprop --sferum-color-text - Text colour.
 * @cssprop --sferum-color-text-muted - Secondary text colour.
 * @cssprop --sferum-color-surface - Background.
 * @cssprop --sferum-color-border - Borders.
 * @cssprop --sferum-color-danger - Error accents.
 * @cssprop --sferum-color-focus - Focus ring.
 * @cssprop --sferum-radius - Corner radius.
 * @cssprop --sferum-font-family - Font family.
 * @cssprop --sferum-font-size - Base font size (px).
 */
export class SferumLink extends SferumElement {
  static override styles = [baseStyles, linkStyles];

  private lastState?: LinkStatus['state'];

  private readonly statusTask = new AdapterTask(this, {
    task: async ([api], { signal }) => {
      if (!api) throw new SferumError('invalid-response', 'No adapter');
      return api.getLinkStatus(signal);
    },
    args: () => [this.api] as const,
    onComplete: (status) => this.announce(status),
    onError: (error) => this.reportError(error, 'getLinkStatus'),
  });

  /** Loads the link status again (for example after the host re-authenticated the user). */
  retry(): void {
    void this.statusTask.run();
  }

  private announce(status: LinkStatus): void {
    if (status.state === this.lastState) return;
    this.lastState = status.state;
    this.emit(
      new SferumLinkStatusChangeEvent(status.state === 'unlinked' ? { state: 'unlinked' } : { state: status.state, method: status.method }),
    );
  }

  private reportError(error: unknown, operation: string): void {
    if (isAbortError(error)) return;
    const e = toSferumError(error);
    this.emit(new SferumErrorEvent({ kind: e.kind, operation }));
    if (e.kind === 'unauthorized') this.emit(new SferumAuthRequiredEvent());
  }

  protected override render() {
    const i18n = this.i18n;
    const body =
      !this.api && this.statusTask.status !== TaskStatus.PENDING
        ? this.renderError(i18n.t('errorNoAdapter'), false)
        : this.statusTask.render({
            initial: () => this.renderLoading(),
            pending: () => this.renderLoading(),
            complete: (status) => this.renderStatus(status),
            error: (error) => this.renderError(faultText(i18n, error), true),
          });
    return html`<div part="base" class=${classMap(this.rootClasses)} style=${styleMap(this.presetTokens)} lang=${i18n.locale}>
      ${body}
    </div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="status" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true"></span><span>${this.i18n.t('loading')}</span>
    </div>`;
  }

  private renderError(message: string, canRetry: boolean): TemplateResult {
    const i18n = this.i18n;
    return html`<div class="error" part="error" role="alert">
      <p><strong>${i18n.t('errorTitle')}.</strong> ${message}</p>
      ${canRetry
        ? html`<div class="row"><button class="button" part="button" type="button" @click=${this.retry}>${i18n.t('retry')}</button></div>`
        : nothing}
    </div>`;
  }

  private renderStatus(status: LinkStatus): TemplateResult {
    switch (status.state) {
      case 'unlinked':
        return this.renderEntry();
      case 'pending':
        return this.renderPending();
      case 'linked':
        return this.renderLinked(status);
    }
  }

  private renderEntry(): TemplateResult {
    const i18n = this.i18n;
    const preset = this.resolvedPreset;
    return html`<section class="card" part="card" aria-labelledby="title">
      <h2 id="title" part="title">${i18n.t('entryTitle')}</h2>
      <p>${i18n.t('entryDescription')}</p>
      ${preset.features.browserHint ? html`<p class="hint">${i18n.t('browserHint')}</p>` : nothing}
      ${preset.features.vpnHint ? html`<p class="hint">${i18n.t('vpnHint')}</p>` : nothing}
    </section>`;
  }

  private renderPending(): TemplateResult {
    const i18n = this.i18n;
    return html`<section class="card" part="card" aria-labelledby="title">
      <h2 id="title" part="title">${i18n.t('pendingTitle')}</h2>
      <p>${i18n.t('pendingText')}</p>
      <div class="row">
        <button class="button secondary" part="button" type="button" @click=${this.retry}>${i18n.t('checkStatus')}</button>
      </div>
    </section>`;
  }

  private renderLinked(status: Extract<LinkStatus, { state: 'linked' }>): TemplateResult {
    const i18n = this.i18n;
    const openLabel = i18n.t(this.resolvedPreset.features.openButton === 'vk-messenger' ? 'goToVkMessenger' : 'goToSferum');
    return html`<section class="card" part="card" aria-labelledby="title">
      <h2 id="title" part="title">${i18n.t('linkedTitle')}</h2>
      <div class="field">
        <span class="field-label" id="phone-label">${i18n.t('linkedPhoneLabel')}</span>
        <output class="readonly" part="phone" aria-labelledby="phone-label">${formatPhone(status.phone)}</output>
      </div>
      <div class="row">
        ${status.sferumUrl
          ? html`<a class="button" part="button" href=${status.sferumUrl} target="_blank" rel="noopener noreferrer"
              >${openLabel}<span class="visually-hidden"> ${i18n.t('opensInNewTab')}</span></a
            >`
          : html`<span class="muted">${openLabel}: ${i18n.t('linkUnavailable')}</span>`}
      </div>
    </section>`;
  }
}
