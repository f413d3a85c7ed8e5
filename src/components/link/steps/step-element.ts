import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ExternalResult, StepAction, StepAnswer } from '../../../adapter/adapter.js';
import type { SferumErrorKind } from '../../../adapter/errors.js';
import type { Step } from '../../../adapter/schemas.js';
import type { Translator } from '../../../i18n/translator.js';
import type { VendorPreset } from '../../../presets/types.js';
import { baseStyles } from '../../../styles/base.styles.js';
import { heading } from '../../base/heading.js';
import { markStyles, stepStyles } from './step.styles.js';

/** What a step asks the wizard to do. */
export type WizardIntent =
  | { type: 'answer'; answer: StepAnswer }
  | { type: 'resend' }
  | { type: 'cancel' }
  | { type: 'poll' }
  | { type: 'restart' }
  | { type: 'external'; params: ExternalResult };

/** An error as a step shows it: the kind, the sentence, and the field it belongs to, if any. */
export interface StepErrorView {
  kind: SferumErrorKind;
  message: string;
  field?: string | undefined;
  /** Seconds until the user may try again (rate limits, too many attempts). */
  wait?: number | undefined;
  /** Which answer of the backend this is: a new number is a new error, even in the same words. */
  serial?: number | undefined;
}

/** Error kinds that mean the secret just typed was wrong: the field is cleared for a fresh try. */
const WRONG_SECRET: readonly SferumErrorKind[] = ['wrong-password', 'wrong-code', 'code-expired'];

/**
 * The base of every step component. A step renders one screen of a flow from its `step`
 * data, keeps what the user typed for as long as it is on screen (errors and retries
 * included), and reports each action by calling the wizard's `onIntent`.
 */
export abstract class StepElement<S extends Step = Step> extends LitElement {
  static override styles = [baseStyles, stepStyles, markStyles];

  @property({ attribute: false }) step!: S;
  @property({ attribute: false }) i18n!: Translator;
  @property({ attribute: false }) preset!: VendorPreset;
  /** The level of the step's heading (the link's `heading-level`). */
  @property({ attribute: false }) headingLevel = 2;
  /** A request for this step is in flight: further submits are ignored. */
  @property({ type: Boolean, reflect: true }) busy = false;
  @property({ attribute: false }) error?: StepErrorView | undefined;

  /** Field names of this step, for errors that the backend ties to a field. */
  protected fields: readonly string[] = [];
  /** Fields that hold a secret (password, code): cleared after a wrong answer. */
  protected secretFields: readonly string[] = [];
  /**
   * The wizard's handler for what the user did. A call, never a DOM event: an answer carries what
   * was typed (phone, password, code), and any script on the host page can listen to events.
   */
  onIntent?: (intent: WizardIntent) => void;
  private announced = '';
  private announcedSerial?: number;

  /** Moves focus to the step's heading (the wizard calls this when the step appears). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  protected intent(intent: WizardIntent): void {
    // Cancelling is always possible; everything else waits for the answer in flight.
    if (this.busy && intent.type !== 'cancel') return;
    this.onIntent?.(intent);
  }

  protected answer(action: StepAction, values?: Record<string, string | boolean>): void {
    this.intent({ type: 'answer', answer: values ? { action, values } : { action } });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('error') && this.error && WRONG_SECRET.includes(this.error.kind)) {
      for (const name of this.secretFields) this.clearSecret(name);
    }
  }

  /** Clears one secret field (override where the step keeps its own state). */
  protected clearSecret(name: string): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`[name="${name}"]`);
    if (input) input.value = '';
  }

  /** The error message for a field, when the current error belongs to it. */
  protected errorFor(field: string): string | undefined {
    return this.error && this.error.field === field ? this.error.message : undefined;
  }

  /** An error that belongs to no field of this step is shown above the form. */
  protected get generalError(): StepErrorView | undefined {
    const e = this.error;
    return e && (!e.field || !this.fields.includes(e.field)) ? e : undefined;
  }

  protected renderHeader(title: string, subtitle?: string | TemplateResult): TemplateResult {
    return html`<div class="header">
        ${this.step.canGoBack
          ? html`<button class="back" type="button" part="back" @click=${() => this.answer('back')} aria-label=${this.i18n.t('back')}>
              <span aria-hidden="true">←</span>
            </button>`
          : nothing}
        ${heading(this.headingLevel, 'heading', title, true)}
      </div>
      ${subtitle ? html`<p class="lead">${subtitle}</p>` : nothing}
      ${this.renderGeneralError()}`;
  }

  /** The step's own error box, and the one live region that reads out every error of the step (see `updated`). */
  protected renderGeneralError(): TemplateResult {
    const e = this.generalError;
    return html`<div class="alert-slot">${e ? html`<p class="alert" part="error">${e.message}</p>` : nothing}</div>
      <p class="visually-hidden" role="alert" data-announce></p>`;
  }

  /**
   * One way for every step: each error on screen — the step's, a field's, found here or sent back
   * by the backend — is read out once, when it appears, through the live region above. Boxes and
   * field messages have no live role of their own, so nothing is read twice.
   */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const region = this.renderRoot.querySelector('[data-announce]');
    if (!region) return;
    const text = [...this.renderRoot.querySelectorAll('.alert, .field-error')].map((e) => e.textContent!.trim()).join(' ');
    const serial = this.error?.serial;
    const fresh = serial !== this.announcedSerial;
    this.announcedSerial = serial;
    // Not a new answer: read out only new words, and never a wait counting down («через 0:59»).
    if (!fresh && (text === this.announced || (this.error?.wait ?? 0) > 0)) return;
    this.announced = text;
    // The same sentence again (the same wrong code twice) must still change the region to be read.
    region.textContent = text && region.textContent === text ? `${text}\u00a0` : text;
  }

  /** Focuses the first field marked invalid (after a failed local check). */
  protected async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  protected get submitBlocked(): boolean {
    return this.busy || (this.error?.wait ?? 0) > 0;
  }
}

