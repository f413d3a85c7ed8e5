import type { ChatListInput, ConferenceListInput, StepInput } from '../src/adapter/schemas.js';

/** What a person types into the mock VK ID screens. Shown in the demo; never real data. */
export const MOCK_CREDENTIALS = Object.freeze({
  phone: '+7 952 111-11-11',
  phoneE164: '+79521111111',
  password: 'Sferum-2024!',
  smsCode: '123456',
  callCode: '1234',
  emailCode: '654321',
  /** A code that the mock backend always reports as expired. */
  expiredCode: '000000',
  /** A new password that satisfies the seed's rules. */
  newPassword: 'Novyi-Parol-1!',
});

export const LINKED_PHONE = '+79521234567';
export const SFERUM_URL = 'https://sferum.ru/?p=messages';
/** The mock MAX bot a deep link opens (a made-up name: the demo's QR code leads nowhere real). */
export const MAX_BOT_URL = 'https://max.ru/sferum_demo_bot';

export const SEED_CHATS: ChatListInput['chats'] = [
  { id: 'c1', name: '7 «А» — классный чат', type: 'class', members: 28, admin: 'Иванова Мария Петровна', subject: null, url: 'https://sferum.ru/chat/c1' },
  { id: 'c2', name: 'Родители 7 «А»', type: 'parents', members: 41, admin: 'Иванова Мария Петровна', subject: null, url: 'https://sferum.ru/chat/c2' },
  { id: 'c3', name: 'Учительская', type: 'teachers', members: 63, admin: 'Петров Сергей Николаевич', subject: null, url: 'https://sferum.ru/chat/c3' },
  { id: 'c4', name: 'Алгебра, 7 «А»', type: 'other', members: 22, admin: 'Смирнова Ольга Викторовна', subject: 'Алгебра', url: 'https://sferum.ru/chat/c4' },
  { id: 'c5', name: 'Сферум', type: 'other', members: 3, admin: 'Иванов Иван Иванович', subject: null, url: 'https://sferum.ru/chat/c5' },
  { id: 'c6', name: 'Ёлочные игрушки — кружок', type: 'other', members: 1, admin: 'Фёдорова Алёна Юрьевна', subject: 'Технология', url: 'https://sferum.ru/chat/c6' },
  { id: 'c7', name: 'Физика, 7 «А»', type: 'other', members: 24, admin: 'Кузнецов Артём Олегович', subject: 'Физика', url: 'https://sferum.ru/chat/c7' },
];

const CHAT_NAMES = ['Классный чат', 'Родительский чат', 'Учительская', 'Кружок'];
const SUBJECTS = ['Алгебра', 'Геометрия', 'Русский язык', 'Литература', 'Физика', 'Химия', 'История', null];
const ADMINS = ['Иванова Мария Петровна', 'Петров Сергей Николаевич', 'Смирнова Ольга Викторовна', 'Фёдорова Алёна Юрьевна'];
const TYPES = ['class', 'parents', 'teachers', 'other'] as const;

/** A school-wide administrator's list: `count` chats, deterministic. */
export function manyChats(count: number): ChatListInput['chats'] {
  const chats: ChatListInput['chats'] = [];
  for (let i = 0; i < count; i++) {
    const grade = (i % 11) + 1;
    const letter = 'АБВГД'[i % 5];
    chats.push({
      id: `chat-${i}`,
      name: `${CHAT_NAMES[i % 4]} ${grade} «${letter}» №${i + 1}`,
      type: TYPES[i % 4]!,
      members: (i * 7919) % 120,
      admin: ADMINS[i % ADMINS.length]!,
      subject: SUBJECTS[i % SUBJECTS.length] ?? null,
      url: `https://sferum.ru/chat/${i}`,
    });
  }
  return chats;
}

/** ISO 8601 with the Moscow offset, the way a Russian journal sends times. */
export function moscowIso(ms: number): string {
  const shifted = new Date(ms + 3 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+03:00`;
}

/** Conferences around `now`: one live, one starting in 12 minutes, one tomorrow, one ended. */
export function conferencesAround(now: number): ConferenceListInput {
  const min = 60_000;
  return {
    serverTime: moscowIso(now),
    timeZone: 'Europe/Moscow',
    conferences: [
      { id: 'vc-live', title: 'Алгебра: системы уравнений', type: 'online-lesson', start: moscowIso(now - 10 * min), end: moscowIso(now + 35 * min), organizer: 'Смирнова Ольга Викторовна', url: 'https://sferum.ru/call/vc-live' },
      { id: 'vc-soon', title: 'Родительское собрание 7 «А»', type: 'meeting', typeName: 'Собрание', start: moscowIso(now + 12 * min), end: moscowIso(now + 72 * min), organizer: 'Иванова Мария Петровна', url: 'https://sferum.ru/call/vc-soon' },
      { id: 'vc-tomorrow', title: 'Физика: законы Ньютона', type: 'online-lesson', start: moscowIso(now + 24 * 60 * min), end: moscowIso(now + 24 * 60 * min + 45 * min), organizer: 'Кузнецов Артём Олегович', url: 'https://sferum.ru/call/vc-tomorrow' },
      { id: 'vc-ended', title: 'История: Смутное время', type: 'online-lesson', start: moscowIso(now - 3 * 60 * min), end: moscowIso(now - 2 * 60 * min - 15 * min), organizer: 'Орлов Дмитрий Андреевич', url: 'https://sferum.ru/call/vc-ended' },
    ],
  };
}

/** The step the MAX flow starts with. */
export const maxPhoneStep = (id: string): StepInput => ({ id, kind: 'max-phone' });
