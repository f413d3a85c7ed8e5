import type { NoticeKind } from '../adapter/schemas.js';
import type { Locale, MessageOverrides } from '../i18n/translator.js';

export type Role = 'student' | 'parent' | 'teacher' | 'staff';
export const ROLES: readonly Role[] = ['student', 'parent', 'teacher', 'staff'];

/** `self`: the user unlinks here; `support`: only technical support can; `external`: another service does it. */
export type UnlinkPolicy = 'self' | 'support' | 'external';

export interface SupportContact {
  email?: string;
  phone?: string;
  url?: string;
}

export interface VendorPreset {
  id: string;
  /** The service name of the VK ID side panel: «С сервисом „…“ можно связать свой учебный профиль». */
  serviceName: Record<Locale, string>;
  /** Texts that differ from the dictionary for this journal (entry texts, button names). */
  texts: MessageOverrides;
  unlinkPolicy: Record<Role, UnlinkPolicy>;
  /** For the `external` policy: where the user unlinks (MESH «Мой паспорт» → «Безопасность»). */
  unlinkUrl?: string;
  /** Hosts this journal's own links live on (added to the allowed list, e.g. for `unlinkUrl`). */
  allowedHosts?: readonly string[];
  support: SupportContact;
  /**
   * Notices this journal shows in the «Сферум» section at all times (Perm: its security warning),
   * besides every notice the adapter sends, which is shown for every journal. The texts are the
   * dictionary's `noticeNewSchoolYear`, `noticeRestored`, `noticeSecurity`, overridable in `texts`.
   */
  standingNotices: readonly NoticeKind[];
  /** Which optional pieces appear. */
  features: {
    /** «Для работы рекомендуем использовать Google Chrome и Яндекс.Браузер». */
    browserHint: boolean;
    /** «Привязка не работает при подключении VPN». */
    vpnHint: boolean;
    /** Perm: the note on the chats created automatically after linking. */
    autoChatsNote: boolean;
    /** «Перейти в Сферум» or, in Perm, to VK Messenger. */
    openButton: 'sferum' | 'vk-messenger';
    /** Which link methods the entry screen offers. */
    methods: readonly ('vkid' | 'max')[];
  };
  /** `--sferum-*` custom properties: the journal's colours and shapes. */
  theme: Readonly<Record<`--sferum-${string}`, string>>;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type PresetOverrides = DeepPartial<VendorPreset>;
