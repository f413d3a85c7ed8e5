/**
 * The zod schemas at the adapter boundary. Everything an adapter returns is parsed here
 * before an element sees it. `zod/mini` keeps the bundle small; no zod locale is loaded.
 */
import * as z from 'zod/mini';
import { ERROR_KINDS } from './errors.js';
import { DEFAULT_URL_POLICY, toSafeUrl, type UrlPolicy } from './urls.js';

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

const text = (max = 500) => z.string().check(z.maxLength(max));
const nonEmpty = (max = 500) => z.string().check(z.minLength(1), z.maxLength(max));
const id = () => z.string().check(z.minLength(1), z.maxLength(200));
const dateTime = () => z.string().check(z.refine(isIsoDateTime, 'Not an ISO 8601 date-time with offset'));
const date = () => z.string().check(z.refine(isIsoDate, 'Not a real calendar date'));
/** A linked phone: a Russian mobile number in E.164. */
const e164RuMobile = () => z.string().check(z.regex(/^\+79\d{9}$/));

/** A URL that may be unsafe: it becomes `null` (rendered as «link unavailable»), never a link. */
const optionalSafeUrl = (policy: UrlPolicy) =>
  z.pipe(
    z.nullish(z.string()),
    z.transform((value) => (value == null ? null : toSafeUrl(value, policy))),
  );

/** A URL that must be safe for the response to make sense (the hosted login page). */
const requiredSafeUrl = (policy: UrlPolicy) =>
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

const origin = () =>
  z.string().check(
    z.refine((value) => {
      try {
        return new URL(value).origin === value;
      } catch {
        return false;
      }
    }, 'Not an origin'),
  );

export const NOTICE_KINDS = ['new-school-year', 'restored', 'security'] as const;
export const CHAT_TYPES = ['class', 'parents', 'teachers', 'other'] as const;
export const CONFERENCE_TYPES = ['online-lesson', 'meeting', 'webinar', 'other'] as const;
export const CODE_CHANNELS = ['sms', 'push', 'call', 'email', 'app'] as const;
export const CODE_ALTERNATIVES = ['other-method', 'password', 'change-phone', 'no-email-access'] as const;
export const RECOVERY_METHODS = ['app', 'email', 'friends'] as const;
export const LINK_METHODS = ['vkid', 'max'] as const;

function build(policy: UrlPolicy) {
  const notice = z.object({ kind: z.enum(NOTICE_KINDS), id: z.optional(id()) });

  const linkStatus = z.discriminatedUnion('state', [
    z.object({ state: z.literal('unlinked'), notices: z._default(z.array(notice), []) }),
    z.object({
      state: z.literal('pending'),
      flowId: id(),
      method: z.literal('max'),
      notices: z._default(z.array(notice), []),
    }),
    z.object({
      state: z.literal('linked'),
      method: z.enum(LINK_METHODS),
      phone: e164RuMobile(),
      sferumUrl: optionalSafeUrl(policy),
      profileName: z.optional(text(200)),
      /** Perm: chats «Учительская», parents' and class chats were created automatically. */
      autoChats: z._default(z.boolean(), false),
      notices: z._default(z.array(notice), []),
    }),
  ]);

  const account = z.object({
    name: nonEmpty(200),
    avatarUrl: optionalSafeUrl(policy),
    phoneMasked: z.optional(text(40)),
  });

  const base = { id: id(), canGoBack: z._default(z.boolean(), false) };

  const step = z.discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('login'), value: z.optional(text(200)) }),
    z.object({ ...base, kind: z.literal('known-account'), account, hasProfile: z.boolean() }),
    z.object({ ...base, kind: z.literal('password'), phoneDisplay: text(40) }),
    z.object({
      ...base,
      kind: z.literal('code'),
      purpose: z._default(z.enum(['login', 'recovery']), 'login'),
      channel: z.enum(CODE_CHANNELS),
      length: z.int().check(z.gte(4), z.lte(8)),
      destination: z.optional(text(80)),
      resendAfter: z.nullish(z.int().check(z.gte(0), z.lte(3600))),
      alternatives: z._default(z.array(z.enum(CODE_ALTERNATIVES)), []),
    }),
    z.object({
      ...base,
      kind: z.literal('choose-profile'),
      profiles: z
        .array(z.object({ id: id(), name: nonEmpty(200), description: z.optional(text(200)), avatarUrl: optionalSafeUrl(policy) }))
        .check(z.minLength(1), z.maxLength(50)),
    }),
    z.object({ ...base, kind: z.literal('create-profile'), phoneMasked: text(40), name: z.optional(text(200)) }),
    z.object({
      ...base,
      kind: z.literal('about-you'),
      prefill: z._default(
        z.object({
          lastName: z.optional(text(100)),
          firstName: z.optional(text(100)),
          middleName: z.optional(text(100)),
          birthDate: z.optional(date()),
          gender: z.optional(z.enum(['male', 'female'])),
        }),
        {},
      ),
    }),
    z.object({ ...base, kind: z.literal('consent') }),
    z.object({
      ...base,
      kind: z.literal('external'),
      url: requiredSafeUrl(policy),
      expectedOrigin: origin(),
      state: z.string().check(z.minLength(16), z.maxLength(256)),
    }),
    z.object({ ...base, kind: z.literal('recovery-phone'), value: z.optional(text(40)) }),
    z.object({ ...base, kind: z.literal('recovery-account'), account }),
    z.object({
      ...base,
      kind: z.literal('recovery-method'),
      methods: z.array(z.object({ method: z.enum(RECOVERY_METHODS), hint: z.optional(text(120)) })).check(z.minLength(1)),
    }),
    z.object({ ...base, kind: z.literal('new-password'), minLength: z._default(z.int().check(z.gte(6), z.lte(64)), 8) }),
    z.object({ ...base, kind: z.literal('max-phone'), value: z.optional(text(40)) }),
    z.object({
      ...base,
      kind: z.literal('max-pending'),
      pollIntervalMs: z.int().check(z.gte(1000), z.lte(600_000)),
      slowDown: z._default(z.boolean(), false),
      expiresAt: z.optional(dateTime()),
    }),
    z.object({ ...base, kind: z.literal('done'), status: linkStatus }),
  ]);

  const flow = z.object({ flowId: id(), method: z.enum(LINK_METHODS), step });

  const chat = z.object({
    id: id(),
    name: nonEmpty(500),
    type: z.enum(CHAT_TYPES),
    members: z.int().check(z.gte(0), z.lte(1_000_000)),
    admin: text(300),
    subject: z.nullish(text(300)),
    url: optionalSafeUrl(policy),
  });
  const chatList = z.object({ chats: z.array(chat).check(z.maxLength(100_000)) });

  const conference = z
    .object({
      id: id(),
      title: nonEmpty(500),
      type: z.enum(CONFERENCE_TYPES),
      typeName: z.optional(text(100)),
      start: dateTime(),
      end: dateTime(),
      organizer: text(300),
      url: optionalSafeUrl(policy),
      live: z.optional(z.boolean()),
    })
    .check(z.refine((c) => Date.parse(c.end) > Date.parse(c.start), 'Conference ends before it starts'));

  const conferenceList = z.object({
    serverTime: dateTime(),
    timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
    conferences: z.array(conference).check(z.maxLength(20_000)),
  });

  const lessonConference = z.object({
    lessonId: id(),
    serverTime: dateTime(),
    timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
    online: z.boolean(),
    conference: z.nullable(conference),
  });

  return { notice, linkStatus, step, flow, chat, chatList, conference, conferenceList, lessonConference };
}

export type Schemas = ReturnType<typeof build>;

const cache = new Map<string, Schemas>();

/** Schemas bound to a URL policy (memoised per host list). */
export function schemasFor(policy: UrlPolicy = DEFAULT_URL_POLICY): Schemas {
  const key = policy.allowedHosts.join('\n');
  let schemas = cache.get(key);
  if (!schemas) {
    schemas = build(policy);
    cache.set(key, schemas);
  }
  return schemas;
}

export const errorBodySchema = z.object({
  error: z.object({
    kind: z.enum(ERROR_KINDS),
    message: z.optional(text(1000)),
    retryAfter: z.optional(z.number().check(z.gte(0), z.lte(86_400))),
    field: z.optional(text(100)),
  }),
});

export const schemas = schemasFor();
export type LinkStatus = z.output<Schemas['linkStatus']>;
export type LinkStatusInput = z.input<Schemas['linkStatus']>;
export type Notice = z.output<Schemas['notice']>;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type Step = z.output<Schemas['step']>;
export type StepInput = z.input<Schemas['step']>;
export type StepKind = Step['kind'];
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;
export type FlowState = z.output<Schemas['flow']>;
export type FlowStateInput = z.input<Schemas['flow']>;
export type Chat = z.output<Schemas['chat']>;
export type ChatType = (typeof CHAT_TYPES)[number];
export type ChatList = z.output<Schemas['chatList']>;
export type ChatListInput = z.input<Schemas['chatList']>;
export type Conference = z.output<Schemas['conference']>;
export type ConferenceType = (typeof CONFERENCE_TYPES)[number];
export type ConferenceList = z.output<Schemas['conferenceList']>;
export type ConferenceListInput = z.input<Schemas['conferenceList']>;
export type LessonConference = z.output<Schemas['lessonConference']>;
export type LessonConferenceInput = z.input<Schemas['lessonConference']>;
export type LinkMethod = (typeof LINK_METHODS)[number];
export type CodeChannel = (typeof CODE_CHANNELS)[number];
export type RecoveryMethod = (typeof RECOVERY_METHODS)[number];
