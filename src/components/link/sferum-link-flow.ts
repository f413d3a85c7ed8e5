import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ValidatedAdapter } from '../../adapter/adapter.js';
import { SferumError, isAbortError, toSferumError } from '../../adapter/errors.js';
import type { FlowState, LinkStatus } from '../../adapter/schemas.js';
import { getClock } from '../../controllers/clock.js';
import { Countdown } from '../../controllers/countdown.js';
import { clearFlow, saveFlow } from '../../flows/flow-store.js';
import type { Translator } from '../../i18n/translator.js';
import type { VendorPreset } from '../../presets/types.js';
import { baseStyles } from '../../styles/base.styles.js';
import { endsFlow, flowErrorView, isRetryable } from './flow-errors.js';
import { wordmarks } from './steps/fields.js';
import { createStepElement } from './steps/registry.js';
import { markStyles } from './steps/step.styles.js';
import type { StepElement, WizardIntent } from './steps/step-element.js';

type Linked = Extract<LinkStatus, { state: 'linked' }>;

const MAX_POLL_BACKOFF_MS = 60_000;

/**
 * The wizard: renders the current step with its component, sends each intent to the adapter
 * (one request per intent), shows the answer's next step or its error, and keeps the flow id
 * (only the id) in sessionStorage so that a reload resumes. Polls a pending MAX link. It tells
 * its host (`<sferum-link>`, the mock VK ID page) what happened through the `on*` callbacks, never
 * through DOM events: a flow carries what the user typed, and a host page can listen to any event.
 * @internal
 */
export class SferumLinkFlow extends LitElement {
  static override styles = [
    baseStyles,
    markStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .layout {
        display: grid;
        gap: 16px;
      }
      @container (min-width: 640px) {
        .layout.with-panel {
          grid-template-columns: minmax(200px, 240px) 1fr;
          gap: 24px;
        }
      }
      .panel {
        display: grid;
        gap: 12px;
        align-content: start;
        padding: 16px;
        border-radius: var(--_radius);
        background: var(--_bg-subtle);
      }
      .panel ul {
        margin: 0;
        padding-inline-start: 18px;
        display: grid;
        gap: 8px;
        font-size: 13px;
      }
      details.panel {
        display: none;
        padding: 8px 12px;
      }
      summary {
        display: flex;
        align-items: center;
        gap: 12px;
        min-height: 28px;
        cursor: pointer;
        font-size: 13px;
      }
      summary:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
      summary::after {
        content: '';
        width: 7px;
        height: 7px;
        margin-inline-start: auto;
        border: solid;
        border-width: 0 2px 2px 0;
        transform: rotate(45deg);
      }
      details[open] summary {
        margin-bottom: 8px;
      }
      details[open] summary::after {
        transform: rotate(-135deg);
      }
      @container (max-width: 559.98px) {
        div.panel {
          display: none;
        }
        details.panel {
          display: grid;
          gap: 0;
        }
      }
      .fault {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
        margin-top: 12px;
      }
    `,
  ];

  @property({ attribute: false }) api!: ValidatedAdapter;
  @property({ attribute: false }) flow!: FlowState;
  @property({ attribute: false }) i18n!: Translator;
  @property({ attribute: false }) preset!: VendorPreset;
  /** Key under which the flow id is kept for a reload. */
  @property({ attribute: false }) storageKey = 'default';
  /** Move focus to the first step when it appears (not when resuming after a reload). */
  @property({ attribute: false }) focusOnStart = true;
  /** The level of each step's heading (the link's `heading-level`). */
  @property({ attribute: false }) headingLevel = 2;

  /** The flow ended linked. */
  onDone?: (status: Linked) => void;
  /** The flow ended without a link: cancelled, or the user starts again («Начать заново»). */
  onEnd?: (reason: 'cancelled' | 'restart') => void;
  /** The flow moved on to another step. */
  onStep?: (flow: FlowState) => void;
  /** An error is shown (the host reports its kind). */
  onError?: (error: SferumError, operation: string) => void;

  @state() private busy = false;
  @state() private error?: SferumError;

  private stepElement?: StepElement;
  private stepElementId?: string;
  private generation = 0;
  private controller?: AbortController;
  private lastIntent?: WizardIntent;
  private readonly wait = new Countdown(this, () => {
    if (this.error && (this.error.kind === 'rate-limited' || this.error.kind === 'too-many-attempts')) this.error = undefined;
  });
  private stopPolling?: () => void;
  private pollDelayMs = 0;
  private pollDue = 0;
  private focusNext = false;
  /** Counts the errors the backend answered with, so that a step reads out each new one once. */
  private errorSerial = 0;

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible' && this.flow?.step.kind === 'max-pending' && !this.busy && this.error?.kind !== 'unauthorized') void this.handle({ type: 'poll' });
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.focusNext = this.focusOnStart;
    if (this.flow) this.schedulePoll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    // Removing the element ends its work: the request in flight is aborted, timers stop.
    this.generation++;
    this.controller?.abort();
    this.busy = false;
    this.stopPolling?.();
    this.stopPolling = undefined;
  }

  /** Sends the last request again (after a fault, or after the host re-authenticated). */
  retry(): void {
    if (this.lastIntent) void this.handle(this.lastIntent, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('flow') && this.flow) {
      saveFlow(this.storageKey, { flowId: this.flow.flowId, method: this.flow.method });
      if (this.stepElementId !== this.flow.step.id) {
        if (this.stepElementId !== undefined) this.focusNext = true;
        this.stepElement = createStepElement(this.flow.step.kind);
        this.stepElement.onIntent = (intent) => void this.handle(intent);
        this.stepElementId = this.flow.step.id;
      }
    }
    const el = this.stepElement;
    if (el) {
      el.step = this.flow.step;
      el.i18n = this.i18n;
      el.preset = this.preset;
      el.headingLevel = this.headingLevel;
      el.busy = this.busy;
      el.error = this.error ? { ...flowErrorView(this.i18n, this.preset, this.flow.step, this.error, this.wait.remaining), serial: this.errorSerial } : undefined;
    }
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    super.updated(changed);
    // A flow that resumes finished (linked while the page was away) ends here, as an answer would.
    if (changed.has('flow') && this.flow.step.kind === 'done') this.accept(this.flow);
    if (changed.has('flow')) this.schedulePoll();
    if (this.focusNext && this.stepElement) {
      this.focusNext = false;
      await this.stepElement.updateComplete;
      this.stepElement.focusHeading();
    }
  }

  /** Every user action, and every poll, goes through here: one request at a time. */
  private async handle(intent: WizardIntent, isRetry = false): Promise<void> {
    if (intent.type === 'cancel') {
      this.cancel();
      return;
    }
    if (intent.type === 'restart') {
      clearFlow(this.storageKey);
      this.onEnd?.('restart');
      return;
    }
    // A submit while one is in flight sends nothing more (double click, Enter + click).
    if (this.busy) return;
    if (!isRetry && this.wait.running) return;
    this.busy = true;
    this.lastIntent = intent;
    const generation = ++this.generation;
    const controller = new AbortController();
    this.controller = controller;
    const { flowId, step } = this.flow;
    const operation = intent.type === 'answer' ? 'submitStep' : intent.type === 'resend' ? 'resendCode' : intent.type === 'poll' ? 'pollLink' : 'completeExternal';
    try {
      const next =
        intent.type === 'answer'
          ? await this.api.submitStep(flowId, step.id, intent.answer, controller.signal)
          : intent.type === 'resend'
            ? await this.api.resendCode(flowId, step.id, controller.signal)
            : intent.type === 'poll'
              ? await this.api.pollLink(flowId, controller.signal)
              : await this.api.completeExternal(flowId, intent.params, controller.signal);
      // An answer that arrives after the user moved on is ignored.
      if (generation !== this.generation) return;
      this.lastIntent = undefined;
      this.error = undefined;
      this.wait.stop();
      if (intent.type === 'poll') this.pollDelayMs = 0;
      this.accept(next);
    } catch (raw) {
      if (generation !== this.generation || isAbortError(raw)) return;
      const error = toSferumError(raw);
      if (intent.type === 'poll' && isRetryable(error) && error.kind !== 'unauthorized') {
        // A pending link keeps being checked, a little less often while the network is down.
        this.pollDelayMs = Math.min(MAX_POLL_BACKOFF_MS, Math.max(this.pollDelayMs * 2, (this.flow.step.kind === 'max-pending' ? this.flow.step.pollIntervalMs : 2000) * 2));
      }
      this.error = error;
      this.errorSerial++;
      // A 429 with no Retry-After waits 30 s (as the elements' own rate-limit text does), never «через 0:00».
      if (error.kind === 'rate-limited' || error.kind === 'too-many-attempts') this.wait.start(error.retryAfter || 30);
      if (!isRetryable(error)) this.lastIntent = undefined;
      this.onError?.(error, operation);
      if (endsFlow(error, this.flow.step)) {
        clearFlow(this.storageKey);
        this.stopPolling?.();
      }
    } finally {
      if (generation === this.generation) {
        this.busy = false;
        if (this.flow.step.kind === 'max-pending') this.schedulePoll();
      }
    }
  }

  private accept(next: FlowState): void {
    if (next.step.kind === 'done') {
      clearFlow(this.storageKey);
      this.stopPolling?.();
      const status = next.step.status;
      if (status.state === 'linked') {
        this.onDone?.(status);
        return;
      }
    }
    if (next === this.flow) return;
    this.flow = next;
    this.onStep?.(next);
  }

  private cancel(): void {
    this.generation++;
    this.controller?.abort();
    this.busy = false;
    this.stopPolling?.();
    clearFlow(this.storageKey);
    const { flowId } = this.flow;
    // Best effort: the backend forgets the flow; the user is back at the entry either way.
    void this.api.cancelFlow(flowId, new AbortController().signal).catch(() => undefined);
    this.onEnd?.('cancelled');
  }

  /** One poller per element, on the page clock; it pauses while the tab is hidden. */
  private schedulePoll(): void {
    this.stopPolling?.();
    this.stopPolling = undefined;
    const step = this.flow?.step;
    if (!this.isConnected || step?.kind !== 'max-pending') return;
    // A 401 stops the checks until the host has re-authenticated and called `retry()` (one `sferum-auth-required`, not one a poll).
    if (this.error && (endsFlow(this.error, step) || this.error.kind === 'unauthorized')) return;
    const clock = getClock();
    this.pollDue = clock.now() + Math.max(step.pollIntervalMs, this.pollDelayMs);
    this.stopPolling = clock.subscribe((now) => {
      if (now < this.pollDue || this.busy || document.visibilityState === 'hidden') return;
      void this.handle({ type: 'poll' });
    });
  }

  /**
   * The VK ID side panel of the seeds. Below 560 px of the wizard's own width it folds into one
   * line (a disclosure), so that the field to fill is on the first screen of a phone (DESIGN.md 5).
   */
  private renderPanel() {
    const t = this.i18n;
    const promise = html`<p>${t.t('vkidPanelTitle', { service: this.preset.serviceName[t.locale] })}</p>
      <ul>
        <li>${t.t('vkidPanelPoint1')}</li>
        <li>${t.t('vkidPanelPoint2')}</li>
        <li>${t.t('vkidPanelPoint3')}</li>
      </ul>`;
    return html`<div class="panel">${wordmarks.vkid}${promise}</div>
      <details class="panel">
        <summary>${wordmarks.vkid}<span>${t.t('vkidPanelMore')}</span></summary>
        ${promise}
      </details>`;
  }

  protected override render() {
    const t = this.i18n;
    const vkid = this.flow.method === 'vkid';
    const e = this.error;
    const ended = e !== undefined && endsFlow(e, this.flow.step);
    const canRetry = e !== undefined && isRetryable(e) && this.lastIntent !== undefined && this.lastIntent.type !== 'answer' && !this.wait.running;
    return html`<div class=${vkid ? 'layout with-panel' : 'layout'}>
      ${vkid ? this.renderPanel() : nothing}
      <div>
        ${this.stepElement}
        ${ended || canRetry
          ? html`<div class="fault">
              ${canRetry ? html`<button class="button" part="button" type="button" @click=${() => this.retry()}>${t.t('retry')}</button>` : nothing}
              ${ended ? html`<button class="button" part="button" type="button" @click=${() => void this.handle({ type: 'restart' })}>${t.t('tryAgain')}</button>` : nothing}
            </div>`
          : nothing}
      </div>
    </div>`;
  }
}
