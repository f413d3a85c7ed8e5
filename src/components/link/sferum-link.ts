import { html, isServer, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ValidatedAdapter } from '../../adapter/adapter.js';
import { SferumError, isAbortError, toSferumError } from '../../adapter/errors.js';
import type { FlowState, LinkMethod, LinkStatus } from '../../adapter/schemas.js';
import { toSafeUrl } from '../../adapter/urls.js';
import { AdapterTask } from '../../controllers/adapter-task.js';
import { SferumLinkStatusChangeEvent } from '../../events/sferum-link-status-change.js';
import { clearFlow, loadFlow } from '../../flows/flow-store.js';
import type { TextPack } from '../../i18n/pack.js';
import { formatPhone } from '../../phone/format.js';
import { baseStyles } from '../../styles/base.styles.js';
import { faultText } from '../base/error-text.js';
import { heading } from '../base/heading.js';
import { SferumElement } from '../base/sferum-element.js';
import type { SferumUnlinkDialog } from '../dialog/unlink-dialog.js';
import type { SferumLinkFlow } from './flow.js';
import { linkCardStyles } from './link-card.styles.js';
import { linkStyles } from './sferum-link.styles.js';

type FlowModule = typeof import('./flow.js');
let flowModule: Promise<FlowModule> | undefined;
/** The wizard and its steps load once per page, when first needed. */
function loadFlowModule(): Promise<FlowModule> {
  flowModule ??= import('./flow.js').catch((error: unknown) => {
    flowModule = undefined;
    throw new SferumError('network', 'Could not load the linking wizard', { cause: error });
  });
  return flowModule;
}

type Linked = Extract<LinkStatus, { state: 'linked' }>;

type UnlinkModule = typeof import('../dialog/unlink-dialog.js');
/** Unlinking (the dialog, the notes for the other policies, the success styles): loaded once per page, when first needed. */
let unlinkModule: UnlinkModule | undefined;
async function loadUnlinkModule(): Promise<UnlinkModule> {
  unlinkModule ??= await import('../dialog/unlink-dialog.js');
  unlinkModule.defineUnlinkDialog();
  return unlinkModule;
}

let instances = 0;

/** Our own check mark (no emoji, no icon font): beside the linked phone and in the success message. */
const checkMark = html`<svg class="mark" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
  <path fill="currentColor" fill-rule="evenodd" d="M10 0a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM8.2 14.4 4.5 10.7l1.5-1.5 2.2 2.2 5.6-6 1.6 1.4z"></path>
</svg>`;

/**
 * The whole linking experience: loads the link status; when the account is not linked shows
 * the entry screen and the linking wizard (VK ID hosted or embedded, password recovery, MAX
 * with live status); when linked shows the card with the phone, «Перейти в Сферум» and
 * unlinking as the vendor's policy allows for the user's role. A flow survives a page reload.
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
 * @csspart phone - The linked phone.
 * @csspart unlink - «Отвязать учётную запись» (a quiet destructive action).
 * @csspart message - The success message after linking or unlinking (it stays a few seconds).
 * @csspart dialog - The unlink confirmation dialog.
 *
 */
export class SferumLink extends SferumElement {
  static override styles = [baseStyles, linkStyles, linkCardStyles];

  /**
   * Key under which a flow in progress is remembered for a reload (only its id). Defaults to
   * the element's `id`, else its position among the page's `sferum-link` elements.
   */
  @property({ attribute: 'storage-key' }) storageKey?: string;

  @state() private current?: LinkStatus;
  @state() private flow?: FlowState;
  @state() private starting?: LinkMethod;
  @state() private actionError?: SferumError;
  /** The unlink dialog's module has loaded (on the first «Отвязать учётную запись»). */
  @state() private unlinkReady = false;
  /** The success message on screen (after linking or unlinking), until its animation ends. */
  @state() private message = '';
  @state() private flowPack?: TextPack;

  @query('sferum-link-flow') private flowElement?: SferumLinkFlow;
  @query('sferum-unlink-dialog') private unlinkDialog?: SferumUnlinkDialog;

  private readonly instance = ++instances;
  private lastState?: LinkStatus['state'];
  private actionController?: AbortController;
  private focusAfterRender?: 'title';

  private readonly statusTask = new AdapterTask(this, {
    task: ([api], { signal }) => this.load(api!, signal),
    args: () => [this.api] as const,
    onComplete: ({ status, flow }) => {
      this.flow = flow;
      this.setStatus(status);
    },
    onError: (error) => this.reportError(error, 'getLinkStatus'),
  });

  /** The flow texts, once the wizard has loaded (they come with it). */
  protected override get textPacks(): readonly TextPack[] {
    return this.flowPack ? [this.flowPack] : [];
  }

  private get key(): string {
    if (this.storageKey) return this.storageKey;
    if (this.id) return this.id;
    const all = [...document.querySelectorAll('sferum-link')];
    const index = all.indexOf(this);
    return `sferum-link-${index >= 0 ? index : this.instance}`;
  }

  /** Loads the status and, where a flow is in progress (pending MAX, or one kept for a reload), resumes it. */
  private async load(api: ValidatedAdapter, signal: AbortSignal): Promise<{ status: LinkStatus; flow?: FlowState }> {
    const [status] = await Promise.all([api.getLinkStatus(signal), this.localeReady(), this.presetReady().then(() => this.unlinkInfoReady())]);
    const stored = status.state === 'pending' ? { flowId: status.flowId } : status.state === 'unlinked' ? loadFlow(this.key) : undefined;
    if (status.state === 'linked') clearFlow(this.key);
    if (!stored) return { status };
    try {
      const [flow] = await Promise.all([api.getFlow(stored.flowId, signal), this.ensureFlowModule()]);
      return { status, flow };
    } catch (error) {
      const e = toSferumError(error);
      // A fault is shown with «Повторить»; a flow that is gone (expired, cancelled elsewhere) starts over.
      if (e.kind !== 'flow-expired' && e.kind !== 'not-found') throw e;
      clearFlow(this.key);
      return { status: status.state === 'pending' ? { state: 'unlinked', notices: status.notices } : status };
    }
  }

  /** Where the user unlinks elsewhere (support, another service), the card's note; nothing to load otherwise. */
  private async unlinkInfoReady(): Promise<void> {
    // A note that fails to load leaves the card without it, not the element in an error.
    if (this.unlinkPolicy !== 'self') await loadUnlinkModule().catch(() => undefined);
  }

  private async ensureFlowModule(): Promise<void> {
    const module = await loadFlowModule();
    this.adopt(module.successStyles);
    const pack = module.setupFlow();
    await pack.load(this.resolvedLocale);
    this.flowPack ??= pack;
  }

  /** The link status as last loaded or changed (read it on `sferum-link-status-change`); `undefined` while loading. */
  get status(): LinkStatus | undefined {
    return this.current;
  }

  /** Loads again after a fault, or re-sends the flow's last request (after the host re-authenticated). */
  retry(): void {
    if (this.flow && this.flowElement) {
      this.flowElement.retry();
      return;
    }
    this.actionError = undefined;
    void this.statusTask.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A hosted VK ID result leaves the address bar whatever the flow (expired, past that step, none);
    // the module that keeps it for its step loads only then (the fragment's key: external-return.ts).
    if (!isServer && location.hash.includes('sferum-vkid-result=')) void import('./external-return.js').then((m) => m.takeReturnedResult());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.actionController?.abort();
    this.starting = undefined;
  }

  private setStatus(status: LinkStatus): void {
    this.current = status;
    if (status.state === this.lastState) return;
    this.lastState = status.state;
    this.emit(new SferumLinkStatusChangeEvent(status.state === 'unlinked' ? { state: 'unlinked' } : { state: status.state, method: status.method }));
  }

  /**
   * Starts linking, as the entry's own button does: for a journal page that has its own
   * «Подключить» (MESH: account settings → «Партнеры»). Without a method, the preset's first.
   * Does nothing unless the account is unlinked and no flow is open.
   */
  start(method?: LinkMethod): void {
    if (this.current?.state !== 'unlinked' || this.flow) return;
    const methods = this.resolvedPreset.features.methods;
    const chosen = method && methods.includes(method) ? method : methods[0];
    if (chosen) void this.startFlow(chosen);
  }

  private async startFlow(method: LinkMethod): Promise<void> {
    const api = this.api;
    if (!api || this.starting) return;
    this.starting = method;
    this.actionError = undefined;
    this.onMessageEnd();
    const controller = new AbortController();
    this.actionController = controller;
    try {
      await this.ensureFlowModule();
      const flow = await api.startLink({ method, returnUrl: location.href }, controller.signal);
      if (controller.signal.aborted) return;
      this.flow = flow;
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      this.actionError = toSferumError(error);
      this.reportError(error, 'startLink');
    } finally {
      if (this.actionController === controller) this.starting = undefined;
    }
  }

  // The wizard reports through these callbacks, not DOM events (a flow carries what the user typed).
  private readonly onFlowDone = (status: Linked): void => {
    this.succeed('linkedMessage');
    this.flow = undefined;
    this.setStatus(status);
  };

  /** Adds styles that came with a lazily loaded module (constructed sheets: no style element, strict CSP holds). */
  private adopt(styles: CSSResult): void {
    const root = this.shadowRoot;
    const sheet = styles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /**
   * Linking or unlinking went through: the message stays a few seconds (its CSS animation) and is
   * read out once (the region is always there). Meanwhile the element keeps the height it had, the
   * new card filling it, so that nothing collapses under the reader (DESIGN.md 2, 3); then it eases down.
   */
  private succeed(key: 'linkedMessage' | 'unlinked'): void {
    this.keepHeight(true);
    this.message = this.i18n.t(key);
    this.focusAfterRender = 'title';
  }

  private readonly onMessageEnd = (): void => {
    this.message = '';
    this.keepHeight(false);
  };

  /**
   * CSSOM, never a style attribute (strict CSP). Kept from `auto` (measured there: no transition
   * from auto, so it holds at once); let go to 0px rather than none, so that it eases down.
   */
  private keepHeight(keep: boolean): void {
    const root = this.renderRoot.querySelector<HTMLElement>('.root');
    if (!root) return;
    if (keep) root.style.minHeight = '';
    root.style.minHeight = keep ? `${root.offsetHeight}px` : '0px';
  }

  private readonly onFlowEnd = (reason: 'cancelled' | 'restart'): void => {
    const method = this.flow?.method ?? 'vkid';
    this.flow = undefined;
    this.setStatus({ state: 'unlinked', notices: this.current?.notices ?? [] });
    if (reason === 'restart') void this.startFlow(method);
    else this.focusAfterRender = 'title';
  };

  private readonly onFlowStep = (flow: FlowState): void => {
    // Keep our copy current: a re-render hands the wizard this flow again.
    this.flow = flow;
    if (flow.step.kind === 'max-pending') this.setStatus({ state: 'pending', flowId: flow.flowId, method: 'max', notices: this.current?.notices ?? [] });
    else if (this.current?.state === 'pending') this.setStatus({ state: 'unlinked', notices: this.current.notices });
  };

  private readonly onFlowError = (error: SferumError, operation: string): void => {
    this.reportError(error, operation);
    if (error.kind === 'declined' || error.kind === 'expired') {
      if (this.current?.state === 'pending') this.setStatus({ state: 'unlinked', notices: this.current.notices });
    }
  };

  private async openUnlink(): Promise<void> {
    const opener = this.renderRoot.querySelector<HTMLElement>('[part~="unlink"]');
    this.actionError = undefined;
    try {
      this.adopt((await loadUnlinkModule()).successStyles);
    } catch (error) {
      // Offline, or the chunk is blocked: a network fault the card shows.
      this.actionError = toSferumError(error);
      this.reportError(error, 'unlink');
      return;
    }
    this.unlinkReady = true;
    await this.updateComplete;
    await this.unlinkDialog?.show(opener);
  }

  private readonly onUnlinked = (status: LinkStatus): void => {
    this.succeed('unlinked');
    this.setStatus(status);
  };

  private readonly onUnlinkError = (error: SferumError): void => this.reportError(error, 'unlink');

  protected override updated(changed: PropertyValues): void {
    // A new message while another shows: its few seconds start again.
    if (changed.get('message') && this.message) {
      for (const animation of this.renderRoot.querySelector('.message')?.getAnimations() ?? []) animation.currentTime = 0;
    }
    if (this.focusAfterRender === 'title') {
      this.focusAfterRender = undefined;
      this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
    }
  }

  protected override render() {
    const i18n = this.i18n;
    let body: unknown;
    const missing = this.adapterMissing;
    if (missing) body = this.renderFault(missing);
    else if (this.statusTask.state === 'error') body = this.renderFault(this.statusTask.error, () => this.retry());
    else if (this.statusTask.state !== 'complete' || !this.current) body = this.renderLoading();
    else if (this.flow && this.flowPack) body = this.renderFlow(this.flow);
    else body = this.renderStatus(this.current);
    // The message region is always there (so that it is read out once), after the card; it shows above it.
    return html`<div part="base" class=${this.dark ? 'root dark stack' : 'root stack'} lang=${i18n.locale}>
      ${body}
      <p class="message" part="message" role="status" @animationend=${this.onMessageEnd}>${this.message ? html`${checkMark}${this.message}` : nothing}</p>
    </div>`;
  }

  /** A skeleton of the card that will come (entry or linked: the same rows), so that nothing jumps. */
  protected override renderLoading(): TemplateResult {
    return html`<div class="card skeleton" part="card">
      <p class="visually-hidden" role="status">${this.i18n.t('loading')}</p>
      <i></i><i></i><i></i><b></b>
    </div>`;
  }

  private renderFlow(flow: FlowState): TemplateResult {
    return html`<section class="card" part="card">
      <sferum-link-flow
        .api=${this.api!}
        .flow=${flow}
        .i18n=${this.i18n}
        .preset=${this.resolvedPreset}
        .storageKey=${this.key}
        .focusOnStart=${this.lastState !== undefined && !this.statusTask.value?.flow}
        .headingLevel=${this.headingLevel}
        .onDone=${this.onFlowDone}
        .onEnd=${this.onFlowEnd}
        .onStep=${this.onFlowStep}
        .onError=${this.onFlowError}
      ></sferum-link-flow>
    </section>`;
  }

  private renderStatus(status: LinkStatus): TemplateResult {
    switch (status.state) {
      case 'unlinked':
        return this.renderEntry();
      case 'pending':
        // A pending link always comes with its flow (see `load`); this is only a transition.
        return this.renderLoading();
      case 'linked':
        return this.renderLinked(status);
    }
  }

  private renderEntry(): TemplateResult {
    const i18n = this.i18n;
    const preset = this.resolvedPreset;
    const [first, ...others] = preset.features.methods;
    const startLabel = (method: LinkMethod) => (method === 'vkid' ? i18n.t('entryStartVkid') : i18n.t('entryStartMax'));
    const busy = this.starting !== undefined;
    return html`<section class="card" part="card">
      ${heading(this.headingLevel, 'title', i18n.t('entryTitle'), true, 'title')}
      <p>${i18n.t('entryDescription')}</p>
      ${preset.features.browserHint ? html`<p class="hint">${i18n.t('browserHint')}</p>` : nothing}
      ${preset.features.vpnHint ? html`<p class="hint">${i18n.t('vpnHint')}</p>` : nothing}
      <div role="alert">${this.actionError ? html`<p class="error" part="error">${this.startErrorText(this.actionError)}</p>` : nothing}</div>
      ${first
        ? html`<div class="row">
            <button class="button" part="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.startFlow(first)}>
              ${this.starting === first ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${i18n.t('entryAction')}
            </button>
            ${others.map(
              (method) => html`<button class="button secondary" part="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.startFlow(method)}>
                ${this.starting === method ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${startLabel(method)}
              </button>`,
            )}
          </div>`
        : nothing}
    </section>`;
  }

  private startErrorText(error: SferumError): string {
    const i18n = this.i18n;
    if (this.flowPack && error.kind === 'phone-linked-elsewhere') return i18n.t('errPhoneLinkedElsewhere');
    if (this.flowPack && error.kind === 'vpn-blocked') return i18n.t('errVpn');
    const text = faultText(i18n, error);
    return (error.kind === 'network' || error.kind === 'timeout') && this.resolvedPreset.features.vpnHint ? `${text} ${i18n.t('vpnHint')}` : text;
  }

  private renderLinked(status: Linked): TemplateResult {
    const i18n = this.i18n;
    const preset = this.resolvedPreset;
    const openLabel = i18n.t(preset.features.openButton === 'vk-messenger' ? 'goToVkMessenger' : 'goToSferum');
    return html`<section class="card" part="card">
      ${heading(this.headingLevel, 'title', i18n.t('linkedTitle'), true, 'title')}
      <div>
        <p class="hint">${i18n.t('linkedPhoneLabel')}</p>
        <p class="row">${checkMark}<span class="phone" part="phone">${formatPhone(status.phone)}</span></p>
      </div>
      ${preset.features.autoChatsNote && status.autoChats ? html`<p>${i18n.t('autoChatsNote')}</p>` : nothing}
      <div class="row">
        ${status.sferumUrl
          ? html`<a class="button" part="button" href=${status.sferumUrl} target="_blank" rel="noopener noreferrer"
              >${openLabel}<span class="visually-hidden"> ${i18n.t('opensInNewTab')}</span></a
            >`
          : html`<span class="muted">${openLabel}: ${i18n.t('linkUnavailable')}</span>`}
        ${this.unlinkPolicy === 'self'
          ? html`<button class="button quiet danger" part="button unlink" type="button" @click=${() => void this.openUnlink()}>${i18n.t('unlink')}</button>`
          : nothing}
      </div>
      ${this.actionError ? html`<p class="error" part="error" role="alert">${faultText(i18n, this.actionError)}</p>` : nothing} ${this.renderUnlinkInfo()}
    </section>`;
  }

  private get dark(): boolean {
    return this.rootClasses['dark'] === true;
  }

  private get unlinkPolicy() {
    return this.resolvedPreset.unlinkPolicy[this.resolvedRole];
  }

  private renderUnlinkInfo(): TemplateResult | typeof nothing {
    const i18n = this.i18n;
    const policy = this.unlinkPolicy;
    if (policy !== 'self') {
      if (unlinkModule) return unlinkModule.renderUnlinkInfo(policy, i18n, this.resolvedPreset, toSafeUrl(this.resolvedPreset.unlinkUrl, this.urlPolicy));
      // Not loaded yet (the role or the vendor changed since the status came): shown once it has.
      void this.unlinkInfoReady().then(() => this.requestUpdate());
      return nothing;
    }
    // Policy «self»: the confirmation, once its module has loaded (on the first click).
    return this.unlinkReady
      ? html`<sferum-unlink-dialog
          .i18n=${i18n}
          .headingLevel=${this.headingLevel + 1}
          .dark=${this.dark}
          .unlink=${(signal: AbortSignal) => this.api!.unlink(signal)}
          .onUnlinked=${this.onUnlinked}
          .onError=${this.onUnlinkError}
        ></sferum-unlink-dialog>`
      : nothing;
  }
}
