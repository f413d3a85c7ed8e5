import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { Countdown } from '../../../controllers/countdown.js';
import type { FlowMessages } from '../../../i18n/flow-ru.js';
import { extractCode } from '../../../flows/validation.js';
import { textField, withPhone } from './fields.js';
import { StepElement } from './step-element.js';

type Code = StepOf<'code'>;

/** WebOTP's request and answer (not in TypeScript's DOM library yet). */
interface OtpRequest extends CredentialRequestOptions {
  otp: { transport: ['sms'] };
}
interface OtpCredential extends Credential {
  readonly code: string;
}

const RESEND: Record<Code['channel'], { waiting: keyof FlowMessages; ready: keyof FlowMessages }> = {
  sms: { waiting: 'codeResendSmsIn', ready: 'codeResendSms' },
  call: { waiting: 'codeCallIn', ready: 'codeCallAgain' },
  email: { waiting: 'codeResendEmailIn', ready: 'codeResendEmail' },
  push: { waiting: 'codeResendIn', ready: 'codeResend' },
  app: { waiting: 'codeResendIn', ready: 'codeResend' },
};

/**
 * «Подтвердите вход»: a code by SMS, push, call-reset (last 4 digits), e-mail or app, with the
 * seeds' live countdowns that enable «send again» at zero. Pasting «Код: 12 34 56» gives the digits.
 * @internal
 */
export class StepCode extends StepElement<Code> {
  protected override fields = ['code'];
  protected override secretFields = ['code'];
  @state() private code = '';
  @state() private problem?: string;
  @state() private resendAnnounced = false;
  private readonly resend = new Countdown(this, () => (this.resendAnnounced = true));
  private startedFor?: string;
  /** The WebOTP request in flight, if any: aborted when the step changes, the user types, or the step leaves. */
  private otp?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the request the move aborted is made again for the same step.
    if (this.step && this.startedFor === this.step.id && !this.otp) this.listenForSms();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopOtp();
  }

  protected override clearSecret(): void {
    this.code = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.step && this.startedFor !== this.step.id) {
      this.startedFor = this.step.id;
      this.resendAnnounced = false;
      if (this.step.resendAfter) this.resend.start(this.step.resendAfter);
      else this.resend.stop();
      this.stopOtp();
      if (this.isConnected) this.listenForSms();
    }
  }

  /**
   * WebOTP: on an SMS code step, where the browser supports it, the phone reads the code from an
   * SMS whose last line is `@<this page's host> #<code>` (the user allows it in the browser's own
   * prompt), and the step fills the field and submits. The code goes nowhere else: not to a log,
   * not to an event.
   */
  private listenForSms(): void {
    if (this.step.channel !== 'sms' || !('OTPCredential' in window) || !navigator.credentials?.get) return;
    const controller = new AbortController();
    this.otp = controller;
    const request: OtpRequest = { otp: { transport: ['sms'] }, signal: controller.signal };
    navigator.credentials.get(request).then(
      (credential) => {
        if (controller.signal.aborted || this.otp !== controller) return;
        this.otp = undefined;
        const code = extractCode((credential as OtpCredential | null)?.code ?? '', this.step.length);
        if (code.length !== this.step.length || this.submitBlocked) return;
        this.code = code;
        this.problem = undefined;
        this.answer('continue', { code });
      },
      // Refused, unsupported, timed out or aborted: the user types the code as always.
      () => undefined,
    );
  }

  private stopOtp(): void {
    this.otp?.abort();
    this.otp = undefined;
  }

  private submit(event: Event): void {
    event.preventDefault();
    if (this.submitBlocked) return;
    const length = this.step.length;
    if (this.code === '') this.problem = this.i18n.t('codeEmpty');
    else if (this.code.length !== length) this.problem = this.i18n.t('codeShort', { n: length });
    else {
      this.problem = undefined;
      this.answer('continue', { code: this.code });
      return;
    }
    void this.focusFirstInvalid();
  }

  private onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text') ?? '';
    const digits = extractCode(text, this.step.length);
    // The paste is not blocked: the digits it carries replace the field's value.
    if (digits !== '') {
      event.preventDefault();
      this.stopOtp();
      this.code = digits;
      this.problem = undefined;
    }
  }

  private texts(): { title: string; lead: string | TemplateResult; label: string; submit: string } {
    const t = this.i18n;
    const s = this.step;
    switch (s.channel) {
      case 'sms':
        return { title: t.t('codeTitle'), lead: withPhone(t.t('codeSmsText'), s.destination ?? ''), label: t.t('codeLabel'), submit: t.t('continue') };
      case 'push':
        return { title: t.t('codeTitle'), lead: t.t('codePushText'), label: t.t('codeLabelPush'), submit: t.t('continue') };
      case 'call':
        return { title: t.t('codeTitle'), lead: t.t('codeCallText'), label: t.t('codeLabelCall'), submit: t.t('continue') };
      case 'email':
        return { title: t.t('codeEmailTitle'), lead: t.t('codeEmailText', { email: s.destination ?? '' }), label: t.t('codeLabel'), submit: t.t('codeConfirm') };
      case 'app':
        return { title: t.t('codeAppTitle'), lead: t.t('codeAppText'), label: t.t('codeLabel'), submit: t.t('continue') };
    }
  }

  protected override render() {
    const t = this.i18n;
    const s = this.step;
    const text = this.texts();
    const labels = RESEND[s.channel];
    const waiting = this.resend.running;
    return html`<form novalidate @submit=${this.submit}>
      ${this.renderHeader(text.title, text.lead)}
      ${textField({
        name: 'code',
        label: text.label,
        value: this.code,
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
        required: true,
        error: this.problem ?? this.errorFor('code'),
        onInput: (v) => {
          // The person is typing: the phone's offer would overwrite them.
          this.stopOtp();
          this.code = extractCode(v, s.length);
          this.problem = undefined;
        },
        onPaste: (e) => this.onPaste(e),
      })}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${this.submitBlocked ? 'true' : 'false'}>${text.submit}</button>
      </div>
      <div class="links">
        ${s.resendAfter != null
          ? waiting
            ? html`<span class="hint timer" role="timer">${t.t(labels.waiting, { time: t.clock(this.resend.remaining) })}</span>`
            : html`<button class="link-button" type="button" @click=${() => this.intent({ type: 'resend' })}>${t.t(labels.ready)}</button>`
          : nothing}
        ${s.alternatives.includes('other-method')
          ? html`<button class="link-button" type="button" @click=${() => this.answer('other-method')}>${t.t('codeOtherMethod')}</button>`
          : nothing}
        ${s.alternatives.includes('password')
          ? html`<button class="link-button" type="button" @click=${() => this.answer('use-password')}>${t.t('codeUsePassword')}</button>`
          : nothing}
        ${s.alternatives.includes('change-phone')
          ? html`<button class="link-button" type="button" @click=${() => this.answer('change-phone')}>${t.t('codeChangePhone')}</button>`
          : nothing}
        ${s.alternatives.includes('no-email-access')
          ? html`<button class="link-button" type="button" @click=${() => this.answer('no-email-access')}>${t.t('codeNoEmailAccess')}</button>`
          : nothing}
      </div>
      <p class="visually-hidden" role="status">${this.resendAnnounced ? t.t(labels.ready) : ''}</p>
    </form>`;
  }
}
