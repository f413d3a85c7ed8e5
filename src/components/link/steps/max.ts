import { css, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { SferumError } from '../../../adapter/errors.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { getClock } from '../../../controllers/clock.js';
import { Countdown } from '../../../controllers/countdown.js';
import { endsFlow } from '../flow-errors.js';
import { wordmarks } from './fields.js';
import { PhoneStepElement } from './phone-step.js';
import { StepElement } from './step-element.js';

/** MAX: the phone, checked as `+7 (9XX) XXX-XX-XX`, and «Привязать учебный аккаунт Сферум». @internal */
export class StepMaxPhone extends PhoneStepElement<StepOf<'max-phone'>> {
  protected override render() {
    const t = this.i18n;
    return html`<form novalidate @submit=${(e: Event) => void this.submitPhone(e)}>
      ${wordmarks.max} ${this.renderHeader(t.t('maxTitle'))} ${this.renderPhoneField(t.t('maxPhoneNote'), '+7 (9XX) XXX-XX-XX')}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${t.t('maxSubmit')}</button>
        <button class="button secondary" type="button" @click=${() => this.intent({ type: 'cancel' })}>${t.t('cancelLinking')}</button>
      </div>
    </form>`;
  }
}

const maxPendingStyles = css`
  .body {
    container-type: inline-size;
  }
  .pulse {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_accent);
    flex: none;
    animation: sferum-pulse 1.6s ease-in-out infinite;
  }
  @keyframes sferum-pulse {
    50% {
      opacity: 0.25;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pulse {
      animation: none;
    }
  }
  .status-line {
    color: var(--_fg);
    font-weight: 600;
  }
  .deep-link {
    display: grid;
    gap: 12px;
    padding: 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .deep-link-actions {
    display: grid;
    gap: 12px;
    align-content: start;
    justify-items: start;
  }
  /* Both labels share one cell: the button keeps its width when it says «Скопировано». */
  .copy {
    display: inline-grid;
  }
  .copy > span {
    grid-area: 1 / 1;
  }
  .invisible {
    visibility: hidden;
  }
  .qr {
    display: none;
    margin: 0;
    justify-items: center;
    gap: 8px;
    max-width: 220px;
  }
  .qr.open {
    display: grid;
  }
  .qr-code {
    width: 176px;
    height: 176px;
    forced-color-adjust: none;
  }
  .qr-plate {
    fill: #ffffff;
  }
  .qr-modules {
    fill: #000000;
  }
  .qr figcaption {
    text-align: center;
  }
  /* Wide enough for a desktop: the QR code beside the link, always shown (no disclosure). */
  @container (min-width: 520px) {
    .deep-link {
      grid-template-columns: 1fr auto;
      align-items: start;
    }
    .qr {
      display: grid;
    }
    .qr-toggle {
      display: none;
    }
  }
`;

/** Seconds the «Скопировано» confirmation stays on the copy button. */
const COPIED_FOR = 3;

/**
 * MAX pending: one steady status line (a poll that changes nothing says nothing), the seed's steps
 * in MAX, and «Проверить статус»; the wizard polls by itself, pausing while the tab is hidden.
 * When the backend gives a `deepLink` (already checked by the URL policy), a desktop user gets
 * «Открыть MAX» first, a copy button and the link's QR code (the encoder loads only then; behind
 * «Показать QR-код» at a narrow width). With `expiresAt` the time left counts down on the page
 * clock, and at zero the request is shown as expired and checked with the backend once.
 * @internal
 */
export class StepMaxPending extends StepElement<StepOf<'max-pending'>> {
  static override styles = [...StepElement.styles, maxPendingStyles];

  @state() private qr?: { link: string; viewBox: string; d: string };
  @state() private qrOpen = false;
  @state() private copyFailed = false;
  @state() private expired = false;
  private qrFor?: string;
  private expiresFor?: string;
  private readonly left = new Countdown(this, () => {
    this.expired = true;
    // The backend has the last word (a clock that runs fast must not end a live request): ask once.
    this.intent({ type: 'poll' });
  });
  private readonly copied = new Countdown(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { deepLink, expiresAt } = this.step;
    if (expiresAt !== this.expiresFor) {
      this.expiresFor = expiresAt;
      const seconds = expiresAt ? Math.ceil((Date.parse(expiresAt) - getClock().now()) / 1000) : 0;
      this.expired = expiresAt !== undefined && seconds <= 0;
      if (seconds > 0) this.left.start(seconds);
      else this.left.stop();
    }
    if (deepLink && deepLink !== this.qrFor) {
      this.qrFor = deepLink;
      this.loadQr(deepLink);
    }
  }

  private loadQr(link: string): void {
    // Without the encoder (offline, blocked chunk) the link and the copy button still work.
    import('./max-qr.js').then(
      ({ qrCode }) => {
        if (this.qrFor === link) this.qr = { link, ...qrCode(link) };
      },
      () => undefined,
    );
  }

  private async copy(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      this.copyFailed = false;
      this.copied.start(COPIED_FOR);
    } catch {
      // No clipboard (permissions, an old browser): the link is shown selected for Ctrl+C.
      this.copyFailed = true;
      await this.updateComplete;
      const input = this.renderRoot.querySelector<HTMLInputElement>('#max-link');
      input?.focus();
      input?.select();
    }
  }

  protected override render() {
    const t = this.i18n;
    const s = this.step;
    const ended = this.error !== undefined && endsFlow(new SferumError(this.error.kind), s);
    const waiting = !ended && !this.expired;
    const link = waiting ? s.deepLink : null;
    return html`<div class="body">
      ${wordmarks.max} ${this.renderHeader(t.t('maxPendingTitle'))}
      ${ended
        ? nothing
        : html`<p class="status-line" role="status">
              ${waiting ? html`<span class="pulse" aria-hidden="true"></span>${t.t('maxPendingWaiting')}` : t.t('errExpired')}
            </p>
            ${waiting ? html`<p class="hint">${t.t('maxPendingAuto')}</p>` : nothing}`}
      ${link ? this.renderDeepLink(link) : nothing}
      ${waiting
        ? html`<ol class="steps">
              <li>${t.t('maxPendingStep1')}</li>
              <li>${t.t('maxPendingStep2')}</li>
              <li>${t.t('maxPendingStep3')}</li>
            </ol>
            ${this.left.running ? html`<p class="hint timer" role="timer">${t.t('maxExpiresIn', { time: t.clock(this.left.remaining) })}</p>` : nothing}
            ${s.slowDown ? html`<p class="hint">${t.t('maxPendingSlow')}</p>` : nothing}`
        : nothing}
      <div class="actions">
        ${waiting
          ? html`<button class="button secondary" part="button" type="button" @click=${() => this.intent({ type: 'poll' })}>${t.t('checkStatus')}</button>`
          : this.expired && !ended
            ? html`<button class="button" part="button" type="button" @click=${() => this.intent({ type: 'restart' })}>${t.t('tryAgain')}</button>`
            : nothing}
        <button class="link-button" type="button" @click=${() => this.intent({ type: 'cancel' })}>${t.t('cancelLinking')}</button>
      </div>
    </div>`;
  }

  private renderDeepLink(link: string) {
    const t = this.i18n;
    const copied = this.copied.running;
    const qr = this.qr?.link === link ? this.qr : undefined;
    return html`<div class="deep-link">
      <div class="deep-link-actions">
        <p>${t.t('maxDeepLinkLead')}</p>
        <div class="actions">
          <a class="button" part="button" href=${link} target="_blank" rel="noopener noreferrer"
            >${t.t('maxOpen')}<span class="visually-hidden"> ${t.t('opensInNewTab')}</span></a
          >
          <button class="button secondary copy" type="button" @click=${() => void this.copy(link)}>
            <span class=${copied ? 'invisible' : ''}>${t.t('maxCopyLink')}</span>
            <span class=${copied ? '' : 'invisible'}>${t.t('maxCopied')}</span>
          </button>
        </div>
        ${this.copyFailed
          ? html`<div class="field">
              <label for="max-link">${t.t('maxLinkLabel')}</label>
              <input class="input" id="max-link" readonly .value=${link} aria-describedby="max-link-hint" />
              <span class="hint" id="max-link-hint">${t.t('maxCopyFailed')}</span>
            </div>`
          : nothing}
        <p class="visually-hidden" role="status">${copied ? t.t('maxCopied') : ''}</p>
        ${qr
          ? html`<button class="link-button qr-toggle" type="button" aria-expanded=${this.qrOpen ? 'true' : 'false'} aria-controls="qr" @click=${() => (this.qrOpen = !this.qrOpen)}>
              ${t.t(this.qrOpen ? 'maxQrHide' : 'maxQrShow')}
            </button>`
          : nothing}
      </div>
      ${qr
        ? html`<figure class=${this.qrOpen ? 'qr open' : 'qr'} id="qr">
            <svg class="qr-code" viewBox=${qr.viewBox} role="img" aria-label=${t.t('maxQrLabel')} shape-rendering="crispEdges">
              <rect class="qr-plate" x="-4" y="-4" width="100%" height="100%"></rect>
              <path class="qr-modules" d=${qr.d}></path>
            </svg>
            <figcaption class="hint">${t.t('maxQrNote')}</figcaption>
          </figure>`
        : nothing}
    </div>`;
  }
}

/**
 * The flow ended. Linked: the link element shows its linked card at once. Not linked (a backend
 * may end a flow so): says so, with «Попробовать снова» and a way back to the entry. @internal
 */
export class StepDone extends StepElement<StepOf<'done'>> {
  protected override render() {
    const t = this.i18n;
    if (this.step.status.state === 'linked') return html`<div class="body" role="status">${this.renderHeader(t.t('doneTitle'))}</div>`;
    return html`<div class="body">
      ${this.renderHeader(t.t('doneUnlinkedTitle'), t.t('doneUnlinkedText'))}
      <div class="actions">
        <button class="button" part="button" type="button" @click=${() => this.intent({ type: 'restart' })}>${t.t('tryAgain')}</button>
        <button class="link-button" type="button" @click=${() => this.intent({ type: 'cancel' })}>${t.t('close')}</button>
      </div>
    </div>`;
  }
}
