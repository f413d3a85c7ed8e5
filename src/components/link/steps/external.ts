import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { ExternalResult } from '../../../adapter/adapter.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { getClock } from '../../../controllers/clock.js';
import { StepElement } from './step-element.js';

type External = StepOf<'external'>;

/** The message the hosted login page posts back to its opener. */
export const EXTERNAL_RESULT_TYPE = 'sferum:vkid-result';

/** Only string parameters, a few of them, each of a sane length: nothing else is handed on. */
function cleanParams(raw: unknown): ExternalResult | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const out: Record<string, string> = {};
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > 20) return undefined;
  for (const [key, value] of entries) {
    if (typeof value === 'string' && key.length <= 64 && value.length <= 2048) out[key] = value;
  }
  return out;
}

const RESULT_PARAMS = ['code', 'state', 'error', 'error_description', 'device_id', 'type', 'expires_in'];

/**
 * Hosted VK ID (the default): VK ID's own page collects the phone, password and code in a popup.
 * The result is accepted only from `expectedOrigin`, only from the window this step opened, and
 * only with the flow's one-time `state`; anything else is ignored. A blocked popup offers the same
 * page by redirect; the flow resumes when the page comes back.
 * @internal
 */
export class StepExternal extends StepElement<External> {
  @state() private phase: 'idle' | 'open' | 'blocked' | 'closed' | 'finishing' = 'idle';
  private popup: Window | null = null;
  private stopWatching?: () => void;

  private readonly onMessage = (event: MessageEvent): void => {
    if (this.phase !== 'open' || !this.popup) return;
    if (event.origin !== this.step.expectedOrigin) return;
    if (event.source !== this.popup) return;
    const data = event.data as { type?: unknown; state?: unknown; params?: unknown } | null;
    if (!data || data.type !== EXTERNAL_RESULT_TYPE || data.state !== this.step.state) return;
    const params = cleanParams(data.params);
    if (!params || params['state'] !== this.step.state) return;
    this.finish(params);
  };

  private checkedReturn = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.onMessage);
    if (!this.checkedReturn) {
      this.checkedReturn = true;
      this.pickUpRedirectResult();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onMessage);
    this.stopWatching?.();
  }

  private pickUpRedirectResult(): void {
    // Coming back from the redirect fallback: the hosted page returned its result in our URL.
    const url = new URL(location.href);
    if (url.searchParams.get('state') !== this.step.state) return;
    const params: Record<string, string> = {};
    for (const name of RESULT_PARAMS) {
      const value = url.searchParams.get(name);
      if (value !== null) params[name] = value;
      url.searchParams.delete(name);
    }
    // The code must not stay in the address bar or the history.
    history.replaceState(history.state, '', url.href);
    // After this render pass: the wizard is rendering this step right now.
    if (params['code'] || params['error']) queueMicrotask(() => this.finish(params));
  }

  private finish(params: ExternalResult): void {
    this.stopWatching?.();
    this.phase = 'finishing';
    this.intent({ type: 'external', params });
  }

  private open(): void {
    if (this.busy) return;
    const name = `sferum-vkid-${this.step.id}`.replace(/[^\w-]/g, '_');
    const width = 520;
    const height = 720;
    const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
    const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
    // No `noopener`: the hosted page must be able to post its result back to this window.
    this.popup = window.open(this.step.url, name, `popup=yes,width=${width},height=${height},left=${left},top=${top}`);
    if (!this.popup) {
      this.phase = 'blocked';
      return;
    }
    this.phase = 'open';
    this.watch();
  }

  private watch(): void {
    this.stopWatching?.();
    const unsubscribe = getClock().subscribe(() => {
      if (this.popup && this.popup.closed && this.phase === 'open') {
        this.phase = 'closed';
        this.popup = null;
        unsubscribe();
      }
    });
    this.stopWatching = unsubscribe;
  }

  private redirect(): void {
    location.assign(this.step.url);
  }

  protected override render() {
    const t = this.i18n;
    const p = this.phase;
    return html`<div class="body">
      ${this.renderHeader(t.t('externalTitle'), t.t('externalText'))}
      <div role="status" class="small">
        ${p === 'open' ? html`<p>${t.t('externalWaiting')}</p>` : nothing}
        ${p === 'finishing' ? html`<p class="status-line"><span class="spinner" aria-hidden="true"></span>${t.t('externalFinishing')}</p>` : nothing}
      </div>
      <div>
        ${p === 'blocked' ? html`<p class="alert">${t.t('externalBlocked')}</p>` : nothing}
        ${p === 'closed' ? html`<p class="alert">${t.t('externalClosed')}</p>` : nothing}
      </div>
      <div class="actions">
        ${p === 'idle'
          ? html`<button class="button" part="button" type="button" @click=${this.open}>${t.t('externalOpen')}</button>`
          : p === 'open'
            ? html`<button class="button secondary" type="button" @click=${() => this.popup?.focus()}>${t.t('externalFocus')}</button>`
            : p === 'blocked'
              ? html`<button class="button" part="button" type="button" @click=${this.redirect}>${t.t('externalRedirect')}</button>
                  <button class="button secondary" type="button" @click=${this.open}>${t.t('externalRetry')}</button>`
              : p === 'closed'
                ? html`<button class="button" part="button" type="button" @click=${this.open}>${t.t('externalRetry')}</button>`
                : nothing}
        <button class="link-button" type="button" @click=${() => this.intent({ type: 'cancel' })}>${t.t('cancelLinking')}</button>
      </div>
    </div>`;
  }

  /** When the adapter refuses the result (declined), the user may start the popup again. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('error') && this.error && this.phase === 'finishing') this.phase = 'closed';
  }
}
