import { consume } from '@lit/context';
import { LitElement, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SferumAdapter, ValidatedAdapter } from '../../adapter/adapter.js';
import { SferumError, toSferumError } from '../../adapter/errors.js';
import { SferumAuthRequiredEvent } from '../../events/sferum-auth-required.js';
import { SferumErrorEvent } from '../../events/sferum-error.js';
import { faultText } from './error-text.js';
import { urlPolicy, type UrlPolicy } from '../../adapter/urls.js';
import { validateAdapter } from '../../adapter/validate.js';
import { sferumConfigContext, type SferumConfig, type ThemeMode } from '../../controllers/config.js';
import { watchLang } from '../../controllers/lang-observer.js';
import { Translator, isLocaleLoaded, loadLocale, nearestLang, toLocale, type Locale, type MessageOverrides } from '../../i18n/translator.js';
import { isPresetLoaded, loadPreset, resolvePreset } from '../../presets/registry.js';
import type { PresetOverrides, Role, VendorPreset } from '../../presets/types.js';
import type { TextPack } from '../../i18n/pack.js';
import { Memo } from '../../utils/memo.js';

/**
 * How long after the page's `load` event (and after the element first rendered without one) an
 * element waits for its adapter before it reports `no-adapter`. Frameworks and lazily imported API
 * clients set the adapter late; until then the element shows its loading state and fires nothing.
 */
export const NO_ADAPTER_GRACE_MS = 3000;

/** Runs `run` at the window's `load` event, at once when it has passed. */
const afterLoad = (run: () => void): void =>
  document.readyState === 'complete' ? run() : addEventListener('load', run, { once: true });

/**
 * What every `sferum-*` element shares: its configuration comes from the nearest
 * `<sferum-provider>` and can be set on the element itself, which wins. The theme tokens below
 * apply to every element; a vendor preset supplies the accent, radius and font when unset.
 *
 * @cssprop --sferum-color-accent - Main action colour (buttons, links, the active tab).
 * @cssprop --sferum-color-accent-dark - The accent on a dark surface (`theme="dark"`); default: `--sferum-color-accent`, else the preset's dark accent.
 * @cssprop --sferum-color-accent-contrast - Text on the main action colour.
 * @cssprop --sferum-color-text - Text colour.
 * @cssprop --sferum-color-text-muted - Secondary text (hints, captions, «Завершена»).
 * @cssprop --sferum-color-surface - Background of the element.
 * @cssprop --sferum-color-surface-subtle - Background of table headers, notices and cards.
 * @cssprop --sferum-color-border - Borders and dividers.
 * @cssprop --sferum-color-field-border - The edge of a text field (keep 3:1 against the surface).
 * @cssprop --sferum-color-danger - Error text and accents.
 * @cssprop --sferum-color-danger-surface - Background of an error box.
 * @cssprop --sferum-color-warning-surface - Background of a notice.
 * @cssprop --sferum-color-success - «Идёт» and other success accents.
 * @cssprop --sferum-color-focus - Keyboard focus ring.
 * @cssprop --sferum-radius - Corner radius of buttons, fields and boxes.
 * @cssprop --sferum-font-family - Font family.
 * @cssprop --sferum-font-size - Base font size, in px (never rem: the host's root size does not leak in).
 * @cssprop --sferum-space - Inner padding of the link's card (default 16px).
 */
export class SferumElement extends LitElement {
  /** The journal's API adapter. Everything it returns is validated before it is shown. */
  @property({ attribute: false }) adapter?: SferumAdapter;
  /** Vendor preset: `bars`, `mesh`, `perm` or `generic`. */
  @property() vendor?: string;
  /** Overrides of single preset keys. */
  @property({ attribute: false }) preset?: PresetOverrides;
  /** `ru` (default) or `en`; without it, the nearest `lang` attribute decides. */
  @property() locale?: Locale;
  /** The user's role in the journal: `student`, `parent`, `teacher` or `staff`. */
  @property({ attribute: 'user-role' }) userRole?: Role;
  /** The user's IANA time zone (defaults to the browser's). */
  @property({ attribute: 'time-zone' }) timeZone?: string;
  /** Hosts or origins added to the allowed list for links from the data. */
  @property({ attribute: false }) allowedHosts?: readonly string[];
  /** Per-locale text overrides, any single key. */
  @property({ attribute: false }) messages?: MessageOverrides;
  /** `light`, `dark`, or `auto` (follows the system). */
  @property() theme?: ThemeMode;
  /** The level of the element's top heading, 1–6 (default 2); headings inside it are one level below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @consume({ context: sferumConfigContext, subscribe: true })
  @state()
  protected inherited?: SferumConfig;

  private unwatchLang?: () => void;
  private readonly presetMemo = new Memo<VendorPreset>();
  private readonly i18nMemo = new Memo<Translator>();
  private validatedFor?: { raw: SferumAdapter; key: string; adapter: ValidatedAdapter };
  private adapterOverdue?: boolean;
  private adapterWaiting?: boolean;
  private appliedTheme?: object;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatchLang = watchLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchLang?.();
  }

  protected get vendorId(): string | undefined {
    return this.vendor ?? this.inherited?.vendor;
  }

  /** Resolves once the vendor's preset is loaded (presets load per vendor). */
  protected presetReady(): Promise<void> {
    return loadPreset(this.vendorId);
  }

  protected get resolvedPreset(): VendorPreset {
    const vendor = this.vendorId;
    const loaded = isPresetLoaded(vendor);
    if (!loaded) void loadPreset(vendor).then(() => this.requestUpdate(), () => undefined);
    return this.presetMemo.get([vendor, loaded, this.inherited?.preset, this.preset], () => {
      const overrides = this.inherited?.preset || this.preset ? { ...(this.inherited?.preset ?? {}), ...(this.preset ?? {}) } : undefined;
      return resolvePreset(vendor, overrides);
    });
  }

  protected get resolvedLocale(): Locale {
    return this.locale ?? this.inherited?.locale ?? toLocale(nearestLang(this)) ?? 'ru';
  }

  protected get resolvedRole(): Role {
    return this.userRole ?? this.inherited?.userRole ?? 'student';
  }

  protected get resolvedTimeZone(): string {
    return this.timeZone ?? this.inherited?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  protected get resolvedTheme(): ThemeMode {
    return this.theme ?? this.inherited?.theme ?? 'light';
  }

  protected get urlPolicy(): UrlPolicy {
    return urlPolicy([...(this.resolvedPreset.allowedHosts ?? []), ...(this.inherited?.allowedHosts ?? []), ...(this.allowedHosts ?? [])]);
  }

  /** Text packs this element shows beyond the core dictionary (the flow texts, once loaded). */
  protected get messagePacks(): readonly MessageOverrides[] {
    return this.textPacks.map((pack) => pack.layer);
  }

  /** Packs of texts shipped with this element (English loads on demand). */
  protected get textPacks(): readonly TextPack[] {
    return [];
  }

  /** Resolves once the texts of the element's locale are loaded (English loads on first use). */
  protected async localeReady(): Promise<void> {
    const locale = this.resolvedLocale;
    await Promise.all([loadLocale(locale), ...this.textPacks.map((pack) => pack.load(locale))]);
  }

  /** Texts in the resolved locale: core < packs < preset texts < provider overrides < element overrides. */
  protected get i18n(): Translator {
    const locale = this.resolvedLocale;
    const packs = this.textPacks;
    const ready = isLocaleLoaded(locale) && packs.every((pack) => pack.loaded(locale));
    if (!ready) void this.localeReady().then(() => this.requestUpdate(), () => undefined);
    const texts = this.resolvedPreset.texts;
    // Rendering asks for the texts once per row: one Translator per set of inputs, not per call.
    return this.i18nMemo.get([locale, ready, texts, this.inherited?.messages, this.messages, ...packs], () => {
      return new Translator(locale, ...this.messagePacks, texts, this.inherited?.messages, this.messages);
    });
  }

  /** The adapter, wrapped so that every answer is validated; `undefined` when none is set. */
  protected get api(): ValidatedAdapter | undefined {
    const raw = this.adapter ?? this.inherited?.adapter;
    if (!raw) return undefined;
    const policy = this.urlPolicy;
    const key = policy.allowedHosts.join('\n');
    if (this.validatedFor?.raw !== raw || this.validatedFor.key !== key) {
      this.validatedFor = { raw, key, adapter: validateAdapter(raw, policy) };
    }
    return this.validatedFor.adapter;
  }

  /**
   * `undefined` while the element has an adapter or may still get one; the `no-adapter` error once
   * the host plainly has not supplied one: none `NO_ADAPTER_GRACE_MS` after both the page's `load`
   * event and the element's first render without it. Reading it starts that wait.
   */
  protected get adapterMissing(): SferumError | undefined {
    if (this.api) return undefined;
    if (this.adapterOverdue) return new SferumError('no-adapter');
    if (!isServer && !this.adapterWaiting) {
      this.adapterWaiting = true;
      afterLoad(() =>
        setTimeout(() => {
          this.adapterWaiting = false;
          if (this.api || !this.isConnected) return;
          this.adapterOverdue = true;
          this.requestUpdate();
          this.reportError(this.adapterMissing, 'adapter');
        }, NO_ADAPTER_GRACE_MS),
      );
    }
    return undefined;
  }

  /** Classes for the `.root` wrapper: the theme mode (`auto` is light on a server, which has no media queries). */
  protected get rootClasses(): Record<string, boolean> {
    const theme = this.resolvedTheme;
    const dark = theme === 'dark' || (theme === 'auto' && !isServer && matchMedia('(prefers-color-scheme: dark)').matches);
    return { root: true, dark };
  }

  /**
   * The preset's tokens go onto the `part="base"` wrapper through CSSOM after each render, never a
   * `style` attribute: a strict CSP (`style-src` without `'unsafe-inline'`) blocks the attribute,
   * and server HTML carries none (hydration then sets them here).
   */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    const root = this.renderRoot.querySelector<HTMLElement>('[part="base"]');
    if (!root) return;
    // Hydration keeps the server's attribute values, and a server sees no `lang` around the element.
    root.lang = this.resolvedLocale;
    const theme = this.resolvedPreset.theme;
    // The wrapper is the same element for the element's life (hydrated too): only a new preset changes it.
    if (theme === this.appliedTheme) return;
    this.appliedTheme = theme;
    root.style.cssText = '';
    for (const [name, value] of Object.entries(theme)) root.style.setProperty(name.replace('--sferum-', '--sferum-preset-'), value);
  }

  /** Every `sferum-*` event leaves through here; the `@fires` tags of each class document them. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /** Tells the host an error state was shown (by kind only), and asks it to re-authenticate on a 401. */
  protected reportError(error: unknown, operation: string): void {
    // Callers drop the element's own aborts; an abort that reaches here came from the adapter itself and is shown.
    const e = toSferumError(error);
    this.emit(new SferumErrorEvent({ kind: e.kind, operation }));
    if (e.kind === 'unauthorized') this.emit(new SferumAuthRequiredEvent());
  }

  protected renderLoading(): TemplateResult {
    return html`<div class="status" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true"></span><span>${this.i18n.t('loading')}</span>
    </div>`;
  }

  /** An error box with its sentence and, where trying again can help, «Повторить». */
  protected renderFault(error: unknown, retry?: () => void): TemplateResult {
    const i18n = this.i18n;
    return html`<div class="error" part="error" role="alert">
      <p><strong>${i18n.t('errorTitle')}.</strong> ${faultText(i18n, error)}</p>
      ${retry ? html`<div class="row"><button class="button" part="button" type="button" @click=${retry}>${i18n.t('retry')}</button></div>` : nothing}
    </div>`;
  }
}
