import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { SferumError } from '../../adapter/errors.js';
import { AdapterTask } from '../../controllers/adapter-task.js';
import { listsPack } from '../../i18n/lists.js';
import type { TextPack } from '../../i18n/pack.js';
import { baseStyles } from '../../styles/base.styles.js';
import { faultText } from '../base/error-text.js';
import { SferumElement } from '../base/sferum-element.js';
import { conferenceState, startsLabel } from '../vcs/conference-time.js';
import type { ConferenceExtras } from '../../conference-extras/extras.js';
import { conferenceExtras, withExtras } from '../vcs/extras-hook.js';
import { firstUpdate } from '../chats/table.js';
import { boneStyles } from '../chats/bone.styles.js';
import { ServerClock } from '../vcs/server-clock.js';

/**
 * The «Подключиться» button the journal puts next to a lesson in its own schedule: enabled only
 * while the lesson's conference is live (on the server's clock), and saying why it is not —
 * not an online lesson, not started yet (with the time), already ended. A parent sees the
 * seed's rule that the child joins from the child's own account. Before the lesson it offers
 * «Добавить в календарь» and «Напомнить о начале», loaded lazily.
 *
 * @summary «Подключиться» for one lesson of the journal's schedule.
 * @tag sferum-join
 *
 * @fires {SferumErrorEvent} sferum-error - The lesson's conference could not be loaded.
 * @fires {SferumAuthRequiredEvent} sferum-auth-required - The journal session ended; re-authenticate, then call `retry()`.
 * @fires {SferumReminderEvent} sferum-reminder - The reminder the user set with «Напомнить о начале» came due; `detail` names the conference and lesson by id, and the time.
 *
 * @attr {number} reminder-minutes - How many minutes before the start «Напомнить о начале» reminds (1–120, default 5).
 *
 * @csspart base - The element's inner wrapper.
 * @csspart button - «Подключиться».
 * @csspart reason - Why joining is not possible now.
 * @csspart remind - «Напомнить о начале» before the lesson (`aria-pressed` when set).
 * @csspart reminders - The reminder's message, once it came due.
 * @csspart reminder - One reminder's message.
 */
export class SferumJoin extends SferumElement {
  static override styles = [
    baseStyles,
    boneStyles,
    css`
      .root {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 12px;
        vertical-align: top;
        background: transparent;
      }
      .reason {
        color: var(--_muted);
        font-size: 13px;
      }
      .rule {
        color: var(--_fg);
      }
      .field.bone {
        width: 9.5em;
        margin: 0;
      }
      .retry {
        padding: 0;
        border: 0;
        background: none;
        color: var(--_accent);
        text-decoration: underline;
        cursor: pointer;
        font: inherit;
      }
    `,
  ];

  /** The lesson's id in the journal's schedule. */
  @property({ attribute: 'lesson-id' }) lessonId = '';

  private readonly server: ServerClock = new ServerClock(this, () => {
    const c = this.task.value?.conference;
    return c ? [c] : [];
  });

  private readonly task = new AdapterTask(this, {
    task: async ([api, lessonId], { signal }) => {
      if (!lessonId) throw new SferumError('not-found', 'No lesson id');
      const [lesson] = await Promise.all([api!.getLessonConference(lessonId, signal), this.localeReady(), this.presetReady()]);
      this.server.sync(lesson.serverTime);
      return lesson;
    },
    args: () => [this.api, this.lessonId] as const,
    onError: (error) => this.reportError(error, 'getLessonConference'),
  });

  protected override get textPacks(): readonly TextPack[] {
    return withExtras(listsPack);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return firstUpdate(this, () => this.task.run(), () => super.scheduleUpdate());
  }

  /** Loads the lesson's conference again (after `sferum-auth-required`, once the session is renewed). */
  retry(): void {
    void this.task.run();
  }

  protected override render() {
    const i18n = this.i18n;
    const disabled = (reason: string) =>
      html`<button class="button" part="button" type="button" aria-disabled="true" aria-describedby="reason">${i18n.t('joinButton')}</button
        ><span class="reason" part="reason" id="reason">${reason}</span>`;
    let body: unknown;
    let extras: ConferenceExtras | undefined;
    // The rule is all a parent sees here: body text, not a muted hint (and ≥ 4.5:1 on any page the muted token was picked for).
    // The button and its reason line in grey while loading (the lesson, or the texts): the schedule's row does not move when they arrive.
    const loading = html`<i class="bone field" aria-hidden="true"></i><i class="bone" aria-hidden="true"></i><span class="visually-hidden" role="status">${i18n.t('loading')}</span>`;
    if (this.resolvedRole === 'parent') body = listsPack.loaded(i18n.locale) ? html`<span class="reason rule" part="reason">${i18n.t('joinParent')}</span>` : loading;
    else if (this.adapterMissing) body = html`<span class="reason" part="reason" role="alert">${faultText(i18n, this.adapterMissing)}</span>`;
    else if (this.task.state === 'error')
      body = html`<span class="reason" part="reason" role="alert">${faultText(i18n, this.task.error)}</span>
        <button class="retry" type="button" @click=${this.retry}>${i18n.t('retry')}</button>`;
    else if (this.task.state !== 'complete' || !this.task.value) body = loading;
    else {
      const { online, conference, timeZone } = this.task.value;
      if (!online || !conference) body = html`<span class="reason" part="reason">${i18n.t('joinNotOnline')}</span>`;
      else {
        const now = this.server.now();
        const state = conferenceState(conference, now);
        const start = Date.parse(conference.start);
        extras = conferenceExtras(this, state === 'upcoming', { i18n, policy: this.urlPolicy, zone: timeZone, now, lesson: this.lessonId });
        if (state === 'upcoming') {
          body = html`${disabled(i18n.t('joinNotStarted', { when: startsLabel(start, now, i18n, this.resolvedTimeZone) }))}${extras?.actions(conference)}`;
        } else if (state === 'ended') body = disabled(i18n.t('joinEnded'));
        else if (!conference.url) body = disabled(i18n.t('linkUnavailable'));
        else
          body = html`<a class="button" part="button" href=${conference.url} target="_blank" rel="noopener noreferrer"
            >${i18n.t('joinButton')}<span class="visually-hidden"> ${i18n.t('opensInNewTab')}</span></a
          >`;
      }
    }
    return html`<div part="base" class=${classMap(this.rootClasses)} lang=${i18n.locale}>${body ?? nothing}${extras?.panel()}</div>`;
  }
}
