import { ContextProvider } from '@lit/context';
import { css, html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { LinkStatus, NoticeKind } from '../../adapter/schemas.js';
import { CONFIG_KEYS, sferumConfigContext, type SferumConfig } from '../../controllers/config.js';
import { defineElement } from '../../define/define.js';
import { listsPack } from '../../i18n/lists.js';
import type { TextPack } from '../../i18n/pack.js';
import { baseStyles } from '../../styles/base.styles.js';
import { SferumElement } from '../base/sferum-element.js';
import { SferumChats } from '../chats/sferum-chats.js';
import { SferumLink } from '../link/sferum-link.js';
import { SferumVcs } from '../vcs/sferum-vcs.js';

type Tab = 'chats' | 'vcs';
type Retryable = Element & { retry(): void };
const NOTICE_KEYS: Record<NoticeKind, 'noticeNewSchoolYear' | 'noticeRestored' | 'noticeSecurity'> = {
  'new-school-year': 'noticeNewSchoolYear',
  restored: 'noticeRestored',
  security: 'noticeSecurity',
};

/**
 * The whole «Сферум» section of the journals: the link state on top (`<sferum-link>`: the entry
 * while unlinked, the linked card with the phone once linked), notices, and the tabs «Чаты» /
 * «Видеоконференции» (ARIA tabs: arrow keys, Home, End). While unlinked it shows the way to link
 * instead of empty lists.
 *
 * @summary The «Сферум» section: link state, notices, chats and conferences.
 * @tag sferum-hub
 *
 * @fires {SferumLinkStatusChangeEvent} sferum-link-status-change - From the link element inside.
 * @fires {SferumErrorEvent} sferum-error - From an element inside that showed an error state; `detail.kind` names the fault.
 * @fires {SferumAuthRequiredEvent} sferum-auth-required - From an element inside: the journal session ended; re-authenticate, then call `retry()`.
 *
 * @csspart base - The element's inner wrapper.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart panel - The tab panel.
 * @csspart notice - Each notice.
 * @csspart link-card - The card of the link inside (`<sferum-link>`'s `card`): drop its frame where the hub sits in a frame of its own.
 * @csspart link-title - The heading of the link's card.
 * @csspart link-button - Every action button of the link.
 * @csspart link-phone - The linked phone in the link's card.
 * @csspart link-error - The link's error message box.
 */
export class SferumHub extends SferumElement {
  static override styles = [
    baseStyles,
    css`
      .root {
        display: grid;
        gap: 16px;
      }
      .notice {
        margin: 0;
        padding: 12px 16px;
        border-radius: var(--_radius);
        background: var(--_warning-bg);
        border-inline-start: 4px solid #d09a00;
      }
      [role='tablist'] {
        display: flex;
        gap: 4px;
        border-bottom: 1px solid var(--_border);
      }
      [role='tab'] {
        padding: 10px 16px;
        border: 0;
        border-bottom: 3px solid transparent;
        background: none;
        color: var(--_muted);
        font: inherit;
        font-weight: 600;
        cursor: pointer;
      }
      [role='tab'][aria-selected='true'] {
        color: var(--_fg);
        border-bottom-color: var(--_accent);
      }
      [role='tab']:focus-visible,
      [role='tabpanel']:focus-visible {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
    `,
  ];

  @state() private status?: LinkStatus;
  @state() private tab: Tab = 'chats';
  @query('sferum-link') private link?: SferumLink;
  /** The elements inside that showed an error since the last `retry()`. */
  private readonly failed = new Set<Retryable>();

  /** The hub hands its own settings to the elements inside it. */
  private readonly provider = new ContextProvider(this, { context: sferumConfigContext, initialValue: {} });

  override connectedCallback(): void {
    super.connectedCallback();
    defineElement('sferum-link', SferumLink);
    defineElement('sferum-chats', SferumChats);
    defineElement('sferum-vcs', SferumVcs);
  }

  protected override get textPacks(): readonly TextPack[] {
    return [listsPack];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const value: SferumConfig = { ...(this.inherited ?? {}) };
    for (const key of CONFIG_KEYS) {
      const own = (this as unknown as Record<string, unknown>)[key];
      if (own !== undefined) (value as Record<string, unknown>)[key] = own;
    }
    this.provider.setValue(value);
  }

  /**
   * Re-sends what failed inside the hub (the link status or the flow's last request, the open tab's
   * list), for example after the host re-authenticated on `sferum-auth-required`. What loaded stays.
   */
  retry(): void {
    const failed = [...this.failed];
    this.failed.clear();
    for (const el of failed) if (el.isConnected) el.retry();
  }

  private onError(event: Event): void {
    // The link, or the open tab's list (the link fires its wizard's errors too). Not `instanceof`: another copy of the kit may have defined the tags.
    const source = event.target as Partial<Retryable> | null;
    if (source?.retry) this.failed.add(source as Retryable);
  }

  private onStatus(): void {
    this.status = this.link?.status;
  }

  private select(tab: Tab, focus: boolean): void {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private onTabKey(event: KeyboardEvent): void {
    const order: Tab[] = ['chats', 'vcs'];
    const index = order.indexOf(this.tab);
    const next =
      event.key === 'ArrowRight' ? order[(index + 1) % order.length]
      : event.key === 'ArrowLeft' ? order[(index - 1 + order.length) % order.length]
      : event.key === 'Home' ? order[0]
      : event.key === 'End' ? order[order.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    this.select(next, true);
  }

  protected override render() {
    const i18n = this.i18n;
    const status = this.status;
    const linked = status?.state === 'linked';
    // Every notice the adapter sends, for every journal; then the preset's standing ones (Perm's warning), each once.
    // The section's texts are a chunk of their own, asked for at the first render: notices and tabs wait for them.
    const ready = listsPack.loaded(i18n.locale);
    const notices = new Set<NoticeKind>(ready ? [...(status?.notices ?? []).map((n) => n.kind), ...this.resolvedPreset.standingNotices] : []);
    // The linked card shows the phone: the hub adds no field of its own (one phone, never an empty box).
    return html`<div part="base" class=${classMap(this.rootClasses)} lang=${i18n.locale} @sferum-error=${this.onError}>
      <sferum-link
        .headingLevel=${this.headingLevel}
        exportparts="card:link-card,title:link-title,button:link-button,phone:link-phone,error:link-error"
        @sferum-link-status-change=${this.onStatus}
      ></sferum-link>
      ${[...notices].map((kind) => html`<p class="notice" part="notice" role="note">${i18n.t(NOTICE_KEYS[kind])}</p>`)}
      ${linked && ready
        ? html`<div role="tablist" part="tabs" aria-label=${i18n.t('hubTabs')} @keydown=${this.onTabKey}>
              ${(['chats', 'vcs'] as const).map(
                (tab) => html`<button
                  role="tab"
                  part="tab"
                  id="tab-${tab}"
                  type="button"
                  aria-selected=${this.tab === tab ? 'true' : 'false'}
                  aria-controls="panel-${tab}"
                  tabindex=${this.tab === tab ? '0' : '-1'}
                  @click=${() => this.select(tab, false)}
                >
                  ${i18n.t(tab === 'chats' ? 'hubChats' : 'hubVcs')}
                </button>`,
              )}
            </div>
            <div role="tabpanel" part="panel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}" tabindex="0">
              ${this.tab === 'chats' ? html`<sferum-chats></sferum-chats>` : html`<sferum-vcs></sferum-vcs>`}
            </div>`
        : nothing}
    </div>`;
  }
}
