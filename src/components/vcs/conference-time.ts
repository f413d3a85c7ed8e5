import type { Conference } from '../../adapter/schemas.js';
import { dateTimeFormat } from '../../i18n/formats.js';
import type { Translator } from '../../i18n/translator.js';

export type ConferenceState = 'upcoming' | 'live' | 'ended';

/** Live or not is decided on the server's clock (`serverNow`), never on the raw client clock. */
export function conferenceState(c: Conference, serverNow: number): ConferenceState {
  if (serverNow < Date.parse(c.start)) return 'upcoming';
  if (serverNow < Date.parse(c.end)) return 'live';
  return 'ended';
}

function dayKey(ms: number, timeZone: string): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

export function formatClock(ms: number, i18n: Translator, timeZone: string): string {
  return dateTimeFormat(i18n.locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone, hour: 'numeric', minute: '2-digit' }).format(ms);
}

export function formatDay(ms: number, i18n: Translator, timeZone: string): string {
  return dateTimeFormat(i18n.locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone, day: 'numeric', month: 'long' }).format(ms);
}

/** «через 12 мин», «через 3 ч», «завтра в 9:00», «25 ноября в 9:00». */
export function startsLabel(startMs: number, serverNow: number, i18n: Translator, timeZone: string): string {
  const minutes = Math.ceil((startMs - serverNow) / 60_000);
  if (minutes < 60) return i18n.t('vcsStartsIn', { time: i18n.plural('minutesShortIn', Math.max(1, minutes)) });
  const today = dayKey(serverNow, timeZone);
  const startDay = dayKey(startMs, timeZone);
  if (startDay === today) return i18n.t('vcsStartsIn', { time: i18n.plural('hoursShortIn', Math.floor(minutes / 60)) });
  const tomorrow = dayKey(serverNow + 24 * 3600_000, timeZone);
  const time = formatClock(startMs, i18n, timeZone);
  if (startDay === tomorrow) return i18n.t('vcsStartsTomorrow', { time });
  return i18n.t('vcsStartsOn', { date: formatDay(startMs, i18n, timeZone), time });
}

/**
 * The zone as its UTC offset (`UTC+5`, `UTC−3:30`, `UTC`), shown when the user's zone differs from
 * the school's: «8:00–8:45 по UTC+5» (DESIGN.md), never a bare «время: GMT+5».
 */
export function zoneName(ms: number, i18n: Translator, timeZone: string): string {
  const parts = dateTimeFormat(i18n.locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(ms);
  const offset = parts.find((p) => p.type === 'timeZoneName')?.value;
  if (!offset) return timeZone;
  return offset.replace(/^GMT(?:[+-]0)?$/, 'UTC').replace('GMT', 'UTC').replace('-', '\u2212');
}

/** Same UTC offset now? (Asia/Yekaterinburg ≠ Europe/Moscow; Europe/Moscow = Europe/Simferopol.) */
export function sameZone(a: string, b: string, at: number): boolean {
  const offset = (zone: string) => dateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return offset(a) === offset(b);
}

export function isSameDay(ms: number, serverNow: number, timeZone: string): boolean {
  return dayKey(ms, timeZone) === dayKey(serverNow, timeZone);
}
