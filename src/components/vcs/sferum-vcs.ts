import { css, html, nothing, type TemplateResult } from 'lit';
import type { Translator } from '../../i18n/translator.js';
import { state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { Conference, ConferenceList } from '../../adapter/schemas.js';
import type { ConferenceExtras } from '../../conference-extras/extras.js';
import { AdapterTask } from '../../controllers/adapter-task.js';
import { getClock } from '../../controllers/clock.js';
import { listsPack } from '../../i18n/lists.js';
import type { TextPack } from '../../i18n/pack.js';
import { baseStyles } from '../../styles/base.styles.js';
import { longText } from '../base/long-text.js';
import { SferumElement } from '../base/sferum-element.js';
import { TableMode, firstUpdate, tableSkeleton } from '../chats/table.js';
import { boneStyles } from '../chats/bone.styles.js';
import { cardStyles, tableStyles } from '../chats/table.styles.js';
import { linkStyles } from '../link/sferum-link.styles.js';
import { conferenceState, formatClock, isSameDay, sameZone, startsLabel, zoneName } from './conference-time.js';
import { conferenceExtras, withExtras } from './extras-hook.js';
import { ServerClock } from './server-clock.js';

export type ConferenceFilter = 'today' | 'upcoming' | 'past';
const TYPE_KEYS = { 'online-lesson': 'vcsOnlineLesson', meeting: 'vcsMeeting', webinar: 'vcsWebinar', other: 'vcsOther' } as const;
const DAY = 24 * 3600_000;

/**
 * The user's video conferences: title, type («Онлайн-урок» marked), start and end in the user's
 * time zone, organiser and «Ссылка» — «Перейти» only from the start until the end, decided on the
 * server's clock; before that the time left, after that «Завершена». Rows change state by
 * themselves as time passes, on the one page-wide clock, without re-fetching. An upcoming
 * conference offers «Добавить в календарь» (an .ics file) and «Напомнить о начале» (an opt-in
 * reminder N minutes before the start), loaded lazily the first time one is shown.
 *
 * @summary Table of the user's Sferum video conferences.
 * @tag sferum-vcs
 *
 * @fires {SferumErrorEvent} sferum-error - The list could not be loaded; `detail.kind` names the fault.
 * @fires {SferumAuthRequiredEvent} sferum-auth-required - The journal session ended; re-authenticate, then call `retry()`.
 * @fires {SferumReminderEvent} sferum-reminder - A reminder the user set with «Напомнить о начале» came due; `detail` names the conference by id and time only.
 *
 * @attr {number} reminder-minutes - How many minutes before the start «Напомнить о начале» reminds (1–120, default 5).
 *
 * @csspart base - The element's inner wrapper.
 * @csspart table - The table.
 * @csspart row - Each row.
 * @csspart filter - The today / upcoming / past switch.
 * @csspart join - The «Перейти» link of a live conference.
 * @csspart error - The error message box.
 * @csspart remind - «Напомнить о начале» on an upcoming conference (`aria-pressed` when set).
 * @csspart reminders - The list of reminders that came due, above the table.
 * @csspart reminder - One reminder's message, with «Подключиться» once the conference is live.
 */
export class SferumVcs extends SferumElement {
  static override styles = [
    baseStyles,
    linkStyles,
    boneStyles,
    tableStyles,
    css`
      .table {
        --c1: 21%;
        --c2: 24%;
        --c3: 15%;
        --c4: 18%;
        --c5: 22%;
      }
      .filter {
        min-width: 0;
        margin: 0;
        padding: 0;
        border: 0;
      }
      .filter legend {
        padding: 0;
        margin-bottom: 4px;
        font-weight: 600;
      }
      .segments {
        display: inline-flex;
        flex-wrap: wrap;
        max-width: 100%;
        border: 1px solid var(--_field-border, var(--_border));
        border-radius: var(--_radius);
        overflow: hidden;
      }
      .segments label {
        position: relative;
        flex: 1 1 auto;
        padding: 8px 16px;
        text-align: center;
        white-space: nowrap;
        cursor: pointer;
      }
      .segments label + label {
        border-inline-start: 1px solid var(--_field-border, var(--_border));
      }
      .segments input {
        position: absolute;
        inset: 0;
        margin: 0;
        opacity: 0;
        cursor: pointer;
      }
      .segments label:hover {
        background: var(--_bg-subtle);
      }
      .segments label:has(:checked) {
        background: var(--_accent);
        color: var(--_accent-contrast);
      }
      .segments label:has(:focus-visible) {
        outline: 2px solid currentColor;
        outline-offset: -5px;
      }
      .badge {
        display: inline-block;
        white-space: nowrap;
        padding: 2px 8px;
        border-radius: 999px;
        background: var(--_accent);
        color: var(--_accent-contrast);
        font-size: 12px;
        font-weight: 600;
      }
      .live,
      .zone {
        display: block;
        font-size: 12px;
      }
      .live {
        color: var(--_success);
        font-weight: 600;
      }
      .zone {
        color: var(--_muted);
      }
      .join {
        min-height: 32px;
        padding: 4px 12px;
      }
      @container (max-width: 30em) {
        .segments label {
          padding: 6px 8px;
        }
        .filter.bone {
          height: 34px;
        }
      }
      @media (forced-colors: active) {
        .segments label:has(:checked) {
          forced-color-adjust: none;
          background: Highlight;
          color: HighlightText;
        }
      }
    `,
    cardStyles(51.5),
  ];

  @state() private filter: ConferenceFilter = 'today';
  private readonly server = new ServerClock(this, () => this.task.value?.conferences ?? []);

  constructor() {
    super();
    // The `cards` class on the root, for the cards' labels.
    new TableMode(this);
  }

  private readonly task = new AdapterTask(this, {
    task: async ([api], { signal }) => {
      const now = getClock().now();
      const [list] = await Promise.all([
        api!.listConferences({ from: new Date(now - 14 * DAY).toISOString(), to: new Date(now + 30 * DAY).toISOString() }, signal),
        this.localeReady(),
        this.presetReady(),
      ]);
      this.server.sync(list.serverTime);
      return list;
    },
    args: () => [this.api] as const,
    onError: (error) => this.reportError(error, 'listConferences'),
  });

  protected override get textPacks(): readonly TextPack[] {
    return withExtras(listsPack);
  }

  /** Loads the conferences again. */
  retry(): void {
    void this.task.run();
  }

  private visible(list: ConferenceList): Conference[] {
    const now = this.server.now();
    const zone = this.resolvedTimeZone;
    const rows = list.conferences.filter((c) => {
      const s = conferenceState(c, now);
      if (this.filter === 'today') return isSameDay(Date.parse(c.start), now, zone) || s === 'live';
      if (this.filter === 'upcoming') return s !== 'ended';
      return s === 'ended';
    });
    return rows.sort((a, b) => (this.filter === 'past' ? Date.parse(b.start) - Date.parse(a.start) : Date.parse(a.start) - Date.parse(b.start)));
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return firstUpdate(this, () => this.task.run(), () => super.scheduleUpdate());
  }

  protected override render() {
    const i18n = this.i18n;
    let body: unknown;
    const missing = this.adapterMissing;
    if (missing) body = this.renderFault(missing);
    else if (this.task.state === 'error') body = this.renderFault(this.task.error, () => this.retry());
    else if (this.task.state !== 'complete' || !this.task.value) body = tableSkeleton(i18n.t('loading'), 'filter');
    else body = this.renderList(i18n, this.task.value);
    return html`<div part="base" class=${classMap(this.rootClasses)} lang=${i18n.locale}>${body}<div class="probe"></div></div>`;
  }

  private renderList(i18n: Translator, list: ConferenceList): TemplateResult {
    const rows = this.visible(list);
    const filters: [ConferenceFilter, string][] = [
      ['today', i18n.t('vcsToday')],
      ['upcoming', i18n.t('vcsUpcoming')],
      ['past', i18n.t('vcsPast')],
    ];
    const headers = [i18n.t('vcsTitle'), i18n.t('vcsType'), i18n.t('vcsTime'), i18n.t('vcsOrganizer'), i18n.t('vcsLink')];
    const now = this.server.now();
    const extras = conferenceExtras(this, list.conferences.some((c) => conferenceState(c, now) === 'upcoming'), { i18n, policy: this.urlPolicy, zone: list.timeZone, now });
    return html`${extras?.panel()}<div class="toolbar">
        <fieldset class="filter" part="filter">
          <legend>${i18n.t('vcsFilter')}</legend>
          <div class="segments">
            ${filters.map(
              ([value, label]) => html`<label>
                <input type="radio" name="filter" .value=${value} .checked=${this.filter === value} @change=${() => (this.filter = value)} />${label}
              </label>`,
            )}
          </div>
        </fieldset>
      </div>
      <div class="caption"><span id="caption">${i18n.t('vcsCaption')}</span></div>
      ${rows.length === 0
        ? html`<p class="message" role="status">${i18n.t('vcsEmpty')}</p>`
        : html`<div class="table" part="table" role="table" aria-labelledby="caption" aria-rowcount=${rows.length + 1}>
            <div role="rowgroup">
              <div class="tr head" role="row" aria-rowindex="1">${headers.map((h, i) => html`<div class="td c${i + 1}" role="columnheader">${h}</div>`)}</div>
            </div>
            <div role="rowgroup">${rows.map((c, i) => this.renderRow(i18n, c, i, list.timeZone, extras))}</div>
          </div>`}`;
  }

  /** A row under the column headers; below the cards width a card, which names its time and organiser (`data-label`). */
  private renderRow(i18n: Translator, c: Conference, index: number, schoolZone: string, extras?: ConferenceExtras): TemplateResult {
    const zone = this.resolvedTimeZone;
    const now = this.server.now();
    const start = Date.parse(c.start);
    const end = Date.parse(c.end);
    const state = conferenceState(c, now);
    const typeName = c.typeName ?? i18n.t(TYPE_KEYS[c.type]);
    let link: TemplateResult;
    if (state === 'ended') link = html`<span class="muted">${i18n.t('vcsEnded')}</span>`;
    else if (state === 'upcoming') link = html`<span>${startsLabel(start, now, i18n, zone)}</span>${extras?.actions(c)}`;
    else if (!c.url) link = html`<span class="live">${i18n.t('vcsLiveNow')}</span><span class="unavailable">${i18n.t('linkUnavailable')}</span>`;
    else
      link = html`<span class="live">${i18n.t('vcsLiveNow')}</span
        ><a class="button join" part="join" href=${c.url} target="_blank" rel="noopener noreferrer" aria-label=${i18n.t('vcsGoNamed', { title: c.title })}
          >${i18n.t('vcsGo')}</a
        >`;
    return html`<div class="tr" part="row" role="row" aria-rowindex=${index + 2}>
      <div class="td c1 t" role="cell"><span class="name" title=${c.title}>${c.title}</span></div>
      <div class="td c2" role="cell">${c.type === 'online-lesson' && typeName.length <= 80 ? html`<span class="badge">${typeName}</span>` : longText(typeName)}</div>
      <div class="td c3 num" role="cell" data-label=${i18n.t('vcsTime')}>
        ${formatClock(start, i18n, zone)}–${formatClock(end, i18n, zone)}
        ${sameZone(zone, schoolZone, start) ? nothing : html`<span class="zone">${i18n.t('vcsZone', { zone: zoneName(start, i18n, zone) })}</span>`}
      </div>
      <div class="td c4 t" role="cell" data-label=${i18n.t('vcsOrganizer')}>${longText(c.organizer)}</div>
      <div class="td c5" role="cell">${link}</div>
    </div>`;
  }
}
