import { ContextProvider, consume } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SferumAdapter } from '../../adapter/adapter.js';
import { CONFIG_KEYS, sferumConfigContext, type SferumConfig, type ThemeMode } from '../../controllers/config.js';
import type { Locale, MessageOverrides } from '../../i18n/translator.js';
import type { PresetOverrides, Role } from '../../presets/types.js';

/**
 * Gives every `sferum-*` element inside it the adapter, vendor preset, locale, role and
 * time zone. Renders only its children. A provider inside another one inherits what it
 * does not set itself; sibling providers stay independent.
 *
 * @summary Supplies configuration to the Sferum widgets inside it.
 * @tag sferum-provider
 * @slot - The page content with `sferum-*` elements.
 */
export class SferumProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The journal's API adapter (for example from `createHttpAdapter`). */
  @property({ attribute: false }) adapter?: SferumAdapter;
  /** Vendor preset: `bars`, `mesh`, `perm` or `generic`. */
  @property() vendor?: string;
  /** Overrides of single preset keys. */
  @property({ attribute: false }) preset?: PresetOverrides;
  /** `ru` (default) or `en`. */
  @property() locale?: Locale;
  /** The user's role: `student`, `parent`, `teacher` or `staff`. */
  @property({ attribute: 'user-role' }) userRole?: Role;
  /** The user's IANA time zone. */
  @property({ attribute: 'time-zone' }) timeZone?: string;
  /** Hosts or origins added to the allowed list for links from the data. */
  @property({ attribute: false }) allowedHosts?: readonly string[];
  /** Per-locale text overrides, any single key. */
  @property({ attribute: false }) messages?: MessageOverrides;
  /** `light`, `dark` or `auto`. */
  @property() theme?: ThemeMode;

  @consume({ context: sferumConfigContext, subscribe: true })
  @state()
  private parentConfig?: SferumConfig;

  private readonly provider = new ContextProvider(this, { context: sferumConfigContext, initialValue: {} });

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const value: SferumConfig = { ...(this.parentConfig ?? {}) };
    for (const key of CONFIG_KEYS) {
      const own = this[key];
      if (own !== undefined) (value as Record<string, unknown>)[key] = own;
    }
    if (this.parentConfig?.messages && this.messages) {
      value.messages = {
        ru: { ...this.parentConfig.messages.ru, ...this.messages.ru },
        en: { ...this.parentConfig.messages.en, ...this.messages.en },
      };
    }
    this.provider.setValue(value);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
