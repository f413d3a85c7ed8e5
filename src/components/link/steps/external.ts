import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { ExternalResult } from '../../../adapter/adapter.js';
import type { StepOf } from '../../../adapter/schemas.js';
import { getClock } from '../../../controllers/clock.js';
import { EXTERNAL_RESULT_FRAGMENT, returned, takeReturnedResult } from '../external-return.js';
import { StepElement } from './step-element.js';

type External = StepOf<'external'>;

// The callback page (src/vkid-callback/callback.ts) speaks the other end of this; it loads alone,
// so the names are kept in both places and test/vkid-callback.test.ts keeps them equal.
/** `type` of the message the callback page at the VK ID redirect URI posts to its opener. */
export const EXTERNAL_RESULT_TYPE = 'sferum:vkid-result';
/** sessionStorage key of `{ returnUrl, expires }`, left for the callback page before a redirect. */
export const EXTERNAL_RETURN_KEY = 'sferum-widgets:vkid-return';
export { EXTERNAL_RESULT_FRAGMENT };

/** As long as the flow it belongs to may be resumed. */
const RETURN_TTL_MS = 30 * 60_000;

/**
 * VK ID's answer with the flow's one-time `state`, in the documented shape only:
 * `{ code, state, device_id }` or `{ error, error_description?, state }`.
 */
function resultFor(raw: unknown, state: string): ExternalResult | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 2048 ? value : undefined);
  if (r['state'] !== state) return undefined;
  const error = text(r['error']);
  if (error) {
    const description = text(r['error_description']);
    return description ? { error, error_description: description, state } : { error, state };
  }
  const code = text(r['code']);
  const deviceId = text(r['device_id']);
  return code && deviceId ? { code, state, device_id: deviceId } : undefined;
}

function sessionStore(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Hosted VK ID (the default): VK ID's own page collects the phone, password and code in a popup.
 * The result is accepted only from `expectedOrigin`, only from the window this step opened, and
 * only with the flow's one-time `state`; anything else is ignored. The message comes from the
 * journal's callback page at the VK ID redirect URI (`sferum-widgets/vkid-callback`). A blocked
 * popup offers the same page by redirect; the callback page returns to this page with the result
 * in the fragment, and the flow resumes.
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
    const params = resultFor(data.params, this.step.state);
    if (!params) return;
    // The callback page closes itself; a page that cannot is closed from here.
    this.popup.close();
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
    // Back from the redirect fallback: the callback page put VK ID's answer in our fragment
    // (<sferum-link> has moved it into memory already; a wizard hosted elsewhere has not).
    takeReturnedResult();
    const index = returned.findIndex((r) => r['state'] === this.step.state);
    if (index < 0) return;
    const params = resultFor(returned.splice(index, 1)[0], this.step.state);
    // After this render pass: the wizard is rendering this step right now.
    if (params) queueMicrotask(() => this.finish(params));
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
    // A return address belongs to the redirect only: the popup's copy of sessionStorage must not hold one.
    sessionStore()?.removeItem(EXTERNAL_RETURN_KEY);
    // No `noopener`: the callback page must be able to post its result back to this window.
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
    // No secret: only where the callback page at the redirect URI sends the user back.
    try {
      sessionStore()?.setItem(EXTERNAL_RETURN_KEY, JSON.stringify({ returnUrl: location.href, expires: Date.now() + RETURN_TTL_MS }));
    } catch {
      // Blocked storage: the callback page falls back to its data-return-url.
    }
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
