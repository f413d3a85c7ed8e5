/** Chats and conferences: loaded by the list elements, not by `<sferum-link>`. */
import * as z from 'zod/mini';
import { CHAT_TYPES, CONFERENCE_TYPES, dateTime, nonEmpty } from './field-schemas.js';
import { id, memoByPolicy, optionalSafeUrl, text } from './schemas.js';
import type { UrlPolicy } from './urls.js';

export const listSchemas = memoByPolicy((policy: UrlPolicy) => {
  const chat = z.object({
    id: id(),
    name: nonEmpty(),
    type: z.enum(CHAT_TYPES),
    members: z.int().check(z.gte(0), z.lte(1_000_000)),
    admin: text(),
    subject: z.nullish(text()),
    url: optionalSafeUrl(policy),
  });
  const chatList = z.object({ chats: z.array(chat).check(z.maxLength(100_000)) });

  const conference = z
    .object({
      id: id(),
      title: nonEmpty(),
      type: z.enum(CONFERENCE_TYPES),
      typeName: z.optional(text()),
      start: dateTime(),
      end: dateTime(),
      organizer: text(),
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

  return { chat, chatList, conference, conferenceList, lessonConference };
});

/**
 * After validation, a row whose every field came through unchanged is replaced by the adapter's
 * own object: 10,000 chats then cost the element no copy. Nothing an element reads differs from
 * the validated row, and the link is checked again whenever a row renders, so a host that changes
 * an object afterwards still cannot turn its URL into a link. The fields compared are the validated
 * row's own, so a field the schema gains (or transforms) is compared without a list to keep.
 */
export function adoptUnchangedChats(list: ChatList, input: unknown): ChatList {
  const given = (input as { chats: readonly Record<string, unknown>[] }).chats;
  const rows = list.chats;
  next: for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    const original = given[i]!;
    for (const key in row) if (row[key] !== original[key]) continue next;
    rows[i] = original as Chat;
  }
  return list;
}

type ListSchemas = ReturnType<typeof listSchemas>;
export type Chat = z.output<ListSchemas['chat']>;
export type ChatList = z.output<ListSchemas['chatList']>;
export type ChatListInput = z.input<ListSchemas['chatList']>;
export type Conference = z.output<ListSchemas['conference']>;
export type ConferenceList = z.output<ListSchemas['conferenceList']>;
export type ConferenceListInput = z.input<ListSchemas['conferenceList']>;
export type LessonConference = z.output<ListSchemas['lessonConference']>;
export type LessonConferenceInput = z.input<ListSchemas['lessonConference']>;
