// «Добавить в календарь» and «Напомнить о начале» for upcoming conferences in <sferum-vcs> and
// <sferum-join>: loaded the first time an element shows an upcoming conference, so that the
// elements' own bundles do not grow. The element hands over its texts, URL check, the school's
// zone and the server's time, and the kit's `html` and clock: this chunk imports nothing the
// elements load themselves, so adding it does not split their initial bundles into more files.
import type { ReactiveController, ReactiveElement, TemplateResult, html as litHtml, nothing as litNothing } from 'lit';
import type { Conference } from '../adapter/schemas.js';
import { buildCalendar, calendarFileName } from '../calendar/ics.js';
import { downloadText } from '../calendar/download.js';
import type { UrlPolicy, toSafeUrl as safeUrlOf } from '../adapter/urls.js';
import type { getClock as pageClock } from '../controllers/clock.js';
import type { TextPack } from '../i18n/pack.js';
import type { Locale, Translator } from '../i18n/translator.js';
import { dueReminders, reminderFor, removeReminder, setReminder, watchReminders, type Reminder } from '../reminders/reminders.js';
import { extrasRu } from './extras-ru.js';

/** Lit's template tag, the page clock and the URL check, as the element's own bundle has them. */
export interface Kit {
  html: typeof litHtml;
  nothing: typeof litNothing;
  getClock: typeof pageClock;
  toSafeUrl: typeof safeUrlOf;
}

let kit: Kit;

/** Called once, by the elements' hook, when this chunk has loaded. */
export function init(given: Kit): void {
  kit = given;
}

let english: ExtrasMessagesEn | undefined;
type ExtrasMessagesEn = (typeof import('./extras-en.js'))['extrasEn'];

/** The texts, as a layer of the element's translator (a TextPack: Russian here, English on demand). */
export const extrasPack = {
  get layer() {
    return english ? { ru: extrasRu, en: english } : { ru: extrasRu };
  },
  loaded: (locale: Locale) => locale === 'ru' || english !== undefined,
  load: async (locale: Locale) => {
    if (locale === 'en') english ??= (await import('./extras-en.js')).extrasEn;
  },
} as unknown as TextPack;

/** What the element knows at render time. */
export interface ExtrasContext {
  i18n: Translator;
  policy: UrlPolicy;
  /** The school's IANA zone (the answer's `timeZone`): it names the day in the file name. */
  zone: string;
  /** The server's time now (ms), from the element's server clock. */
  now: number;
  /** `<sferum-join>`'s lesson id (its own button is «Подключиться»: the message does not repeat it). */
  lesson?: string;
}

type Host = ReactiveElement & HTMLElement;

const DEFAULT_MINUTES = 5;

export const extrasStyles = `
  .extras {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
  }
  .extra {
    padding: 2px 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    font-size: 13px;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
  .extra[aria-pressed='true'] {
    text-decoration: none;
    font-weight: 600;
  }
  .extra[aria-pressed='true']::before {
    content: '✓ ' / '';
  }
  .extra:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .reminders:not(:has(.reminder)) {
    display: contents;
  }
  .reminders {
    display: grid;
    gap: 8px;
    margin-block-end: 12px;
  }
  .reminder {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    padding: 10px 12px;
    border-radius: var(--_radius);
    /* Not the warning surface: the accent links on it fall below 4.5:1 in the dark theme. */
    background: var(--_bg-subtle);
    border-inline-start: 4px solid var(--_accent);
  }
  .reminder p {
    flex: 1 1 16em;
    margin: 0;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .reminder {
      border: 1px solid CanvasText;
    }
  }
`;

/** The element's calendar and reminder UI: one per element, made on first use. */
export class ConferenceExtras implements ReactiveController {
  private unwatch?: () => void;
  /** The last thing said in the element's live region (a reminder set, removed, or due). */
  private announcement = '';

  constructor(
    private readonly host: Host,
    private context: ExtrasContext,
  ) {
    host.addController(this);
    const root = host.renderRoot as ShadowRoot;
    // An adopted sheet, not a <style> or a style attribute: the strict CSP's `style-src 'self'` holds.
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(extrasStyles);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  hostConnected(): void {
    this.unwatch ??= watchReminders(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  /** Takes the element's context for this render. */
  update(context: ExtrasContext): this {
    this.context = context;
    return this;
  }

  /** «Добавить в календарь» and «Напомнить о начале» for one upcoming conference. */
  actions(c: Conference): TemplateResult {
    const { html } = kit;
    const t = this.context.i18n;
    const title = this.quoted(c.title);
    const on = reminderFor(c.id) !== undefined;
    return html`<span class="extras">
      <button class="extra" type="button" aria-label=${t.t('calendarAddNamed', { title })} @click=${() => this.download(c)}>${t.t('calendarAdd')}</button>
      <button class="extra" type="button" part="remind" aria-pressed=${on ? 'true' : 'false'} aria-label=${t.t('reminderSetNamed', { title })} @click=${() => void this.toggle(c)}>
        ${t.t('reminderSet')}
      </button>
    </span>`;
  }

  /** The due reminders' messages, and the live region that says each change once. */
  panel(): TemplateResult {
    const { html, nothing } = kit;
    const t = this.context.i18n;
    const due = dueReminders(this.host);
    return html`<div class="reminders" part="reminders">
      ${due.map((r) => {
        const url = !this.context.lesson && r.state === 'live' ? kit.toSafeUrl(r.conference.url, this.context.policy) : null;
        return html`<div class="reminder" part="reminder">
          <p>${this.message(r)}</p>
          ${url
            ? html`<a class="button" part="join" href=${url} target="_blank" rel="noopener noreferrer"
                >${t.t('joinButton')}<span class="visually-hidden"> ${t.t('opensInNewTab')}</span></a
              >`
            : nothing}
          <button class="extra" type="button" aria-label=${t.t('reminderDismiss', { title: this.quoted(r.conference.title) })} @click=${() => removeReminder(r.conference.id)}>
            ${t.t('close')}
          </button>
        </div>`;
      })}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private message(r: Reminder): string {
    const t = this.context.i18n;
    const lesson = r.conference.type === 'online-lesson';
    const title = this.quoted(r.conference.title);
    if (r.state === 'live') return t.t(lesson ? 'reminderLessonLive' : 'reminderEventLive', { title });
    return t.t(lesson ? 'reminderLessonSoon' : 'reminderEventSoon', { title, time: t.plural('minutesShortIn', r.minutesLeft) });
  }

  /** A title inside our «ёлочки»: its own «» become „“ (DESIGN.md). */
  private quoted(title: string): string {
    return this.context.i18n.locale === 'ru' ? title.replace(/«/g, '„').replace(/»/g, '“') : title;
  }

  private say(text: string): void {
    this.announcement = text;
    this.host.requestUpdate();
  }

  private async toggle(c: Conference): Promise<void> {
    const { i18n: t, now: serverNow, lesson: lessonId } = this.context;
    const title = this.quoted(c.title);
    if (reminderFor(c.id)) {
      removeReminder(c.id);
      this.say(t.t('reminderOff', { title }));
      return;
    }
    const minutes = reminderMinutes(this.host);
    const reminder = setReminder(
      {
        conference: c,
        lessonId,
        minutes,
        offsetMs: serverNow - kit.getClock().now(),
        owner: this.host,
        onDue: (r) => this.due(r),
      },
      kit.getClock(),
    );
    const atStart = reminder.dueAt === Date.parse(c.start);
    this.say(atStart ? t.t('reminderOnAtStart', { title }) : t.t('reminderOn', { title, time: t.plural('minutesShortIn', minutes) }));
    // Asked only now, right after the person pressed the button; never on load.
    if ('Notification' in window && Notification.permission === 'default') {
      try {
        await Notification.requestPermission();
      } catch {
        // A browser that refuses to ask: the message on the page is enough.
      }
    }
  }

  private due(r: Reminder): void {
    const text = this.message(r);
    this.say(text);
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    try {
      // One per conference even with two copies of the kit on the page (the tag replaces).
      new Notification(text, { tag: `sferum-reminder:${r.conference.id}`, lang: this.context.i18n.locale });
    } catch {
      // Chrome on Android shows notifications only from a service worker: the page message stays.
    }
  }

  private download(c: Conference): void {
    const { i18n: t, policy, zone: schoolZone } = this.context;
    const url = kit.toSafeUrl(c.url, policy);
    const description = [c.typeName ?? '', c.organizer ? t.t('calendarOrganizer', { name: c.organizer }) : '', url ? t.t('calendarLink', { url }) : '']
      .filter(Boolean)
      .join('\n');
    const start = Date.parse(c.start);
    const text = buildCalendar([
      {
        uid: `${encodeURIComponent(c.id)}@${location.hostname || 'sferum-widgets'}`,
        start,
        end: Date.parse(c.end),
        stamp: kit.getClock().now(),
        summary: c.title,
        description,
        url,
      },
    ]);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: schoolZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start);
    downloadText(this.host.renderRoot as ShadowRoot, calendarFileName(c.title, day, t.t('calendarFileFallback')), text, 'text/calendar;charset=utf-8');
  }
}

/** `reminder-minutes` on the element (1–120), else 5. */
function reminderMinutes(host: HTMLElement): number {
  const value = Number(host.getAttribute('reminder-minutes'));
  return Number.isInteger(value) && value >= 1 && value <= 120 ? value : DEFAULT_MINUTES;
}

const instances = new WeakMap<Host, ConferenceExtras>();
let sheet: CSSStyleSheet | undefined;

/** The element's extras, made on first use and given this render's context. */
export function extrasFor(host: Host, context: ExtrasContext): ConferenceExtras {
  let extras = instances.get(host);
  if (!extras) instances.set(host, (extras = new ConferenceExtras(host, context)));
  return extras.update(context);
}
