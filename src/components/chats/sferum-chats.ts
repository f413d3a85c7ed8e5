import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { toSafeUrl, type UrlPolicy } from '../../adapter/urls.js';
import type { Chat, ChatType } from '../../adapter/schemas.js';
import { AdapterTask } from '../../controllers/adapter-task.js';
import { listsPack } from '../../i18n/lists.js';
import type { TextPack } from '../../i18n/pack.js';
import type { Translator } from '../../i18n/translator.js';
import { baseStyles } from '../../styles/base.styles.js';
import { longText } from '../base/long-text.js';
import { SferumElement } from '../base/sferum-element.js';
import { linkStyles } from '../link/sferum-link.styles.js';
import { searchKey, sortKey } from './search.js';
import { chatsStyles } from './sferum-chats.styles.js';
import { boneStyles } from './bone.styles.js';
import { cardStyles, tableStyles } from './table.styles.js';
import { TableMode, firstUpdate, tableSkeleton } from './table.js';

export type ChatColumn = 'name' | 'type' | 'members' | 'admin' | 'subject';
type Column = ChatColumn;
const COLUMNS: readonly Column[] = ['name', 'type', 'members', 'admin', 'subject'];
const TYPE_KEYS = { class: 'chatTypeClass', parents: 'chatTypeParents', teachers: 'chatTypeTeachers', other: 'chatTypeOther' } as const;
const HEADER_KEYS = { name: 'chatsName', type: 'chatsType', members: 'chatsMembers', admin: 'chatsAdmin', subject: 'chatsSubject' } as const;
const CELLS = ['td c1', 'td c2', 'td c3', 'td c4', 'td c5'];

/**
 * Above this many rows the table is virtualized. Chosen by `npm run bench`: at 50 rows, rendering
 * every row takes about as long as the virtualizer's first screen (its loading included); above
 * it, the virtualizer's cost stays flat while rendering every row keeps growing.
 */
export const VIRTUALIZE_ABOVE = 50;

type Virtualize = typeof import('@lit-labs/virtualizer/virtualize.js');
let virtualizeModule: Promise<Virtualize> | undefined;
const loadVirtualizer = () => (virtualizeModule ??= import('@lit-labs/virtualizer/virtualize.js'));

type Row = Chat;

/** Search keys beside the rows, not copies of them (10,000 rows should cost little memory). */
const searchKeys = new WeakMap<Chat, string>();
const keyOf = (chat: Chat): string => {
  let key = searchKeys.get(chat);
  if (key === undefined) {
    key = searchKey(`${chat.name} ${chat.admin} ${chat.subject ?? ''}`);
    searchKeys.set(chat, key);
  }
  return key;
};

/**
 * The user's Sferum chats: «Наименование», «Тип», «Количество участников», «Администратор
 * чата», «Предмет», with a link to open each chat. Rows keep the journal's order until the user
 * sorts by a column (or the host sets `sort-by`); search across name, administrator and subject.
 * Below about 680 px of its own width (48.5 em) rows become cards, whose cells are labelled; above
 * 50 rows only the visible rows are rendered, in a scroller that takes focus and scrolls by keys.
 *
 * @summary Table of the user's Sferum chats.
 * @tag sferum-chats
 *
 * @fires {SferumErrorEvent} sferum-error - The list could not be loaded; `detail.kind` names the fault.
 * @fires {SferumAuthRequiredEvent} sferum-auth-required - The journal session ended; re-authenticate, then call `retry()`.
 *
 * @csspart base - The element's inner wrapper.
 * @csspart table - The table.
 * @csspart row - Each row.
 * @csspart search - The search field.
 * @csspart error - The error message box.
 * @csspart button - Every action button.
 *
 * @cssprop --sferum-table-height - Height of a virtualized table (default 480px).
 */
export class SferumChats extends SferumElement {
  static override styles = [baseStyles, linkStyles, boneStyles, tableStyles, chatsStyles, cardStyles(48.5)];

  /**
   * The column the rows are sorted by: `name`, `type`, `members`, `admin` or `subject`. Unset, the
   * rows keep the journal's order until the user presses a column header (which sets it).
   */
  @property({ attribute: 'sort-by' }) sortBy?: Column;
  /** Sort in descending order (pressing the sorted column's header again toggles it). */
  @property({ type: Boolean, attribute: 'sort-descending' }) sortDescending = false;

  @state() private query = '';
  @state() private virtualize?: Virtualize;

  constructor() {
    super();
    // The `cards` class on the root, for the cards' labels.
    new TableMode(this);
  }

  private readonly chatsTask = new AdapterTask(this, {
    task: async ([api], { signal }) => {
      const [list] = await Promise.all([api!.listChats(signal), this.localeReady(), this.presetReady()]);
      if (list.chats.length > VIRTUALIZE_ABOVE) this.virtualize = await loadVirtualizer();
      return list.chats;
    },
    args: () => [this.api] as const,
    onError: (error) => this.reportError(error, 'listChats'),
  });

  protected override get textPacks(): readonly TextPack[] {
    return [listsPack];
  }

  /** Loads the chats again. */
  retry(): void {
    void this.chatsTask.run();
  }

  private memo?: { all: readonly Row[]; key: string; rows: readonly Row[] };

  /** Filtered and sorted rows, recomputed only when the data, the query, the order or the locale change. */
  private rows(all: readonly Row[]): readonly Row[] {
    const key = `${this.query}\n${this.sortBy}\n${this.sortDescending}\n${this.resolvedLocale}`;
    if (this.memo?.all === all && this.memo.key === key) return this.memo.rows;
    const rows = this.computeRows(all);
    this.memo = { all, key, rows };
    return rows;
  }

  private computeRows(all: readonly Row[]): readonly Row[] {
    const q = searchKey(this.query);
    const rows = q ? all.filter((row) => keyOf(row).includes(q)) : all;
    const column = this.sortBy;
    // Unsorted, the journal's order is shown as it came: nothing is copied or computed, which is
    // what lets 10,000 rows show their first screen at once.
    if (!column || !COLUMNS.includes(column)) return rows;
    // Keys computed once per row and compared by code point: ~5× faster than a collator on 10,000
    // rows. Lower-cased Cyrillic with ё → е is in alphabetical order; numbers are zero-padded.
    // Sorting indices over a key array allocates no object per row.
    const i18n = this.i18n;
    const keys: (string | number)[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      keys[i] =
        column === 'members'
          ? row.members
          : sortKey(column === 'type' ? i18n.t(TYPE_KEYS[row.type]) : column === 'subject' ? (row.subject ?? '') : row[column]);
    }
    const order = new Uint32Array(rows.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const direction = this.sortDescending ? -1 : 1;
    order.sort((a, b) => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      return ka < kb ? -direction : ka > kb ? direction : a - b;
    });
    const sorted: Row[] = new Array(rows.length);
    for (let i = 0; i < order.length; i++) sorted[i] = rows[order[i]!]!;
    return sorted;
  }

  private sort(column: Column): void {
    if (this.sortBy === column) this.sortDescending = !this.sortDescending;
    else {
      this.sortBy = column;
      this.sortDescending = false;
    }
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return firstUpdate(this, () => this.chatsTask.run(), () => super.scheduleUpdate());
  }

  protected override render() {
    const i18n = this.i18n;
    let body: unknown;
    const missing = this.adapterMissing;
    if (missing) body = this.renderFault(missing);
    else if (this.chatsTask.state === 'error') body = this.renderFault(this.chatsTask.error, () => this.retry());
    else if (this.chatsTask.state !== 'complete' || !this.chatsTask.value) body = tableSkeleton(i18n.t('loading'), 'field');
    else body = this.renderList(i18n, this.chatsTask.value);
    return html`<div part="base" class=${classMap(this.rootClasses)} lang=${i18n.locale}>${body}<div class="probe"></div></div>`;
  }

  /**
   * Home and End go to the first and the last row by index: the browser's own jump lands where the
   * virtualizer's estimated heights put it, and the virtualizer then re-anchors a dozen rows away.
   * Arrows and pages are the browser's (the scroller has focus).
   */
  private readonly onScrollerKey = (e: KeyboardEvent) => {
    if ((e.key !== 'Home' && e.key !== 'End') || e.target !== e.currentTarget || !this.virtualize) return;
    const rows = this.rows(this.chatsTask.value ?? []);
    const virtualizer = (e.currentTarget as VirtualizerHostElement)[this.virtualize.virtualizerRef];
    e.preventDefault();
    virtualizer?.element(e.key === 'Home' ? 0 : rows.length - 1)?.scrollIntoView({ block: e.key === 'Home' ? 'start' : 'end' });
  };

  private readonly onSearch = (e: Event) => (this.query = (e.target as HTMLInputElement).value);

  /** Sorts by a column; one function per column for the element's life (no new listener per render). */
  private readonly sorters = COLUMNS.map((column) => () => this.sort(column));

  private renderList(i18n: Translator, all: readonly Row[]): TemplateResult {
    if (all.length === 0) return html`<p class="message" role="status">${i18n.t('chatsEmpty')}</p>`;
    const rows = this.rows(all);
    const virtual = rows.length > VIRTUALIZE_ABOVE && this.virtualize !== undefined;
    // The policy the answer was validated with (one object, so its compiled form is reused).
    const policy = this.api!.policy;
    const labels = COLUMNS.map((column) => i18n.t(HEADER_KEYS[column]));
    const row = (chat: Row, index: number) => this.renderRow(i18n, policy, labels, chat, index);
    return html`<div class="toolbar search">
        <label for="search">${i18n.t('chatsSearch')}</label>
        <input id="search" part="search" type="search" .value=${this.query} autocomplete="off" aria-describedby="search-hint" @input=${this.onSearch} />
        <span class="hint" id="search-hint">${i18n.t('chatsSearchHint')}</span>
      </div>
      <div class="caption"><span id="caption">${i18n.t('chatsCaption')}</span><p class="count" role="status">${this.query ? i18n.plural('chatsFound', rows.length) : ''}</p></div>
      <span id="new-tab" hidden>${i18n.t('opensInNewTab')}</span>
      ${rows.length === 0
        ? html`<p class="message">${i18n.t('chatsNothingFound', { query: this.query })}</p>`
        : html`<div class=${virtual ? 'table v' : 'table'} part="table" role="table" aria-labelledby="caption" aria-rowcount=${rows.length + 1}>
            <div class="thead" role="rowgroup">
              <div class="tr head" role="row" aria-rowindex="1">
                ${this.renderHeader(labels, 0)}${this.renderHeader(labels, 1)}${this.renderHeader(labels, 2)}${this.renderHeader(labels, 3)}${this.renderHeader(labels, 4)}
              </div>
            </div>
            ${virtual
              ? html`<div class="virtual" role="rowgroup" tabindex="0" aria-labelledby="caption" @keydown=${this.onScrollerKey}>
                  ${this.virtualize!.virtualize({ items: rows as Row[], keyFunction: (chat: Row) => chat.id, renderItem: row, scroller: true })}
                </div>`
              : html`<div role="rowgroup">${rows.map(row)}</div>`}
          </div>`}`;
  }

  private renderHeader(labels: readonly string[], index: number): TemplateResult {
    const sorted = this.sortBy === COLUMNS[index] ? (this.sortDescending ? 'descending' : 'ascending') : 'none';
    return html`<div class=${CELLS[index]!} role="columnheader" aria-sort=${sorted}>
      <button class="sort" type="button" @click=${this.sorters[index]}>
        ${labels[index]}<span class="arrow" aria-hidden="true">${sorted === 'none' ? '↕' : sorted === 'ascending' ? '▲' : '▼'}</span>
      </button>
    </div>`;
  }

  /**
   * A row is seven elements, like a plain table row. Cards (below the cards width) name their
   * values from `data-label` and say «28 участников» from `data-unit`: generated content that
   * only a card's rules produce.
   */
  private renderRow(i18n: Translator, policy: UrlPolicy, labels: readonly string[], row: Row, index: number): TemplateResult {
    // Checked again as it renders: the row may be the adapter's own object (see adoptUnchangedChats).
    const url = toSafeUrl(row.url, policy);
    // Counts under a thousand read the same in every locale: no formatter call for them.
    const members = row.members < 1000 ? String(row.members) : i18n.number(row.members);
    return html`<div class="tr" part="row" role="row" aria-rowindex=${index + 2}>
      <div class="td c1 t" role="cell">
        ${url
          ? html`<a class="name" href=${url} target="_blank" rel="noopener noreferrer" title=${row.name} aria-describedby="new-tab">${row.name}</a>`
          : html`<span class="name" title=${row.name}>${row.name}</span><span class="unavailable">${i18n.t('linkUnavailable')}</span>`}
      </div>
      <div class="td c2" role="cell" data-label=${labels[1]!}>${i18n.t(TYPE_KEYS[row.type as ChatType])}</div>
      <div class="td c3 num" role="cell" data-unit=${i18n.plural('membersUnit', row.members)}>${members}</div>
      <div class="td c4 t" role="cell" data-label=${labels[3]!}>${longText(row.admin)}</div>
      <div class="td c5 t" role="cell" data-label=${labels[4]!}>${row.subject ? longText(row.subject) : html`<span aria-hidden="true">${i18n.t('noSubject')}</span>`}</div>
    </div>`;
  }
}
