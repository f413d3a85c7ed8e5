/**
 * Schema pieces that only the lists and the flows use: they load with those schemas, not with
 * every element's first screen (which validates only the link status).
 */
import * as z from 'zod/mini';
import { cutText } from './schemas.js';
import { toSafeUrl, type UrlPolicy } from './urls.js';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when year/month/day name a day that exists (no 30 February). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, , oh, om] = m;
  if (!isRealDate(Number(y), Number(mo), Number(d))) return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return false;
  if (oh !== undefined && (Number(oh) > 14 || Number(om) > 59)) return false;
  return true;
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export const CHAT_TYPES = ['class', 'parents', 'teachers', 'other'] as const;
export const CONFERENCE_TYPES = ['online-lesson', 'meeting', 'webinar', 'other'] as const;
export const CODE_CHANNELS = ['sms', 'push', 'call', 'email', 'app'] as const;
export const CODE_ALTERNATIVES = ['other-method', 'password', 'change-phone', 'no-email-access'] as const;
export const RECOVERY_METHODS = ['app', 'email', 'friends'] as const;

/** Text (see `text`) that must not be empty: a chat's name, a conference's title. */
export const nonEmpty = () => z.pipe(z.string().check(z.minLength(1)), z.transform(cutText));
export const dateTime = () => z.string().check(z.refine(isIsoDateTime, 'Not an ISO 8601 date-time with offset'));
export const date = () => z.string().check(z.refine(isIsoDate, 'Not a real calendar date'));

/** A URL that must be safe for the response to make sense (the hosted login page). */
export const requiredSafeUrl = (policy: UrlPolicy) =>
  z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      const safe = toSafeUrl(value, policy);
      if (safe === null) {
        ctx.issues.push({ code: 'custom', message: 'URL is not allowed', input: value });
        return z.NEVER;
      }
      return safe;
    }),
  );

export const origin = () =>
  z.string().check(
    z.refine((value) => {
      try {
        return new URL(value).origin === value;
      } catch {
        return false;
      }
    }, 'Not an origin'),
  );
