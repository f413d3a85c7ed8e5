/**
 * The zod schemas at the adapter boundary. Everything an adapter returns is parsed here
 * before an element sees it. `zod/mini` keeps the bundle small; no zod locale is loaded. What
 * only the lists and the flows need is in field-schemas.ts, which loads with them.
 */
import * as z from 'zod/mini';
import type { CHAT_TYPES, CODE_CHANNELS, CONFERENCE_TYPES, RECOVERY_METHODS } from './field-schemas.js';
import { DEFAULT_URL_POLICY, toSafeUrl, type UrlPolicy } from './urls.js';

/** Text is kept up to this many characters (docs/http-contract.md, «Limits»). */
export const TEXT_MAX = 1000;

/** Longer text is cut (one oversized name must not fail a list of 10,000), ending with «…», never inside a surrogate pair. */
export function cutText(value: string): string {
  if (value.length <= TEXT_MAX) return value;
  const kept = value.slice(0, TEXT_MAX - 1);
  return `${/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept}…`;
}

/** Text from the data (names, titles, hints): any length, the first 1,000 characters kept. */
export const text = () => z.pipe(z.string(), z.transform(cutText));
/** Identifiers are never cut (a cut one would name another thing): 1 to 1,000 characters. */
export const id = () => z.string().check(z.minLength(1), z.maxLength(TEXT_MAX));
/** A linked phone: a Russian mobile number in E.164. */
export const e164RuMobile = () => z.string().check(z.regex(/^\+79\d{9}$/));

/** A URL that may be unsafe: it becomes `null` (rendered as «link unavailable»), never a link. */
export const optionalSafeUrl = (policy: UrlPolicy) =>
  z.pipe(
    z.nullish(z.string()),
    z.transform((value) => (value == null ? null : toSafeUrl(value, policy))),
  );

export const NOTICE_KINDS = ['new-school-year', 'restored', 'security'] as const;
export const LINK_METHODS = ['vkid', 'max'] as const;

/** Memoises a schema builder per URL policy (the host list is part of the schemas). */
export function memoByPolicy<T>(build: (policy: UrlPolicy) => T): (policy?: UrlPolicy) => T {
  const cache = new Map<string, T>();
  return (policy = DEFAULT_URL_POLICY) => {
    const key = policy.allowedHosts.join('\n');
    let built = cache.get(key);
    if (!built) {
      built = build(policy);
      cache.set(key, built);
    }
    return built;
  };
}

/** The link status: what every `<sferum-link>` loads first. */
export const linkSchemas = memoByPolicy((policy: UrlPolicy) => {
  // A notice kind this version does not know (a newer backend's) is dropped, not a failed status.
  const notices = z._default(
    z.pipe(
      z.array(z.object({ kind: z.string(), id: z.optional(id()) })),
      z.transform((list): Notice[] => list.filter((n): n is Notice => (NOTICE_KINDS as readonly string[]).includes(n.kind))),
    ),
    [],
  );

  const linkStatus = z.discriminatedUnion('state', [
    z.object({ state: z.literal('unlinked'), notices }),
    z.object({
      state: z.literal('pending'),
      flowId: id(),
      method: z.literal('max'),
      notices,
    }),
    z.object({
      state: z.literal('linked'),
      method: z.enum(LINK_METHODS),
      phone: e164RuMobile(),
      sferumUrl: optionalSafeUrl(policy),
      profileName: z.optional(text()),
      /** Perm: chats «Учительская», parents' and class chats were created automatically. */
      autoChats: z._default(z.boolean(), false),
      notices,
    }),
  ]);

  return { linkStatus };
});

type LinkSchemas = ReturnType<typeof linkSchemas>;
export type LinkStatus = z.output<LinkSchemas['linkStatus']>;
export type LinkStatusInput = z.input<LinkSchemas['linkStatus']>;
export type Notice = { kind: NoticeKind; id?: string };
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type LinkMethod = (typeof LINK_METHODS)[number];
export type CodeChannel = (typeof CODE_CHANNELS)[number];
export type RecoveryMethod = (typeof RECOVERY_METHODS)[number];
export type ChatType = (typeof CHAT_TYPES)[number];
export type ConferenceType = (typeof CONFERENCE_TYPES)[number];
export type { Chat, ChatList, ChatListInput, Conference, ConferenceList, ConferenceListInput, LessonConference, LessonConferenceInput } from './list-schemas.js';
export type { FlowState, FlowStateInput, Step, StepInput, StepKind, StepOf } from './flow-schemas.js';
