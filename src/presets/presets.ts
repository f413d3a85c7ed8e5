import type { PresetOverrides, Role, UnlinkPolicy, VendorPreset } from './types.js';

const everyone = (policy: UnlinkPolicy): Record<Role, UnlinkPolicy> => ({
  student: policy,
  parent: policy,
  teacher: policy,
  staff: policy,
});

export const generic: VendorPreset = {
  id: 'generic',
  serviceName: { ru: 'Электронный журнал', en: 'Electronic journal' },
  texts: {},
  unlinkPolicy: everyone('self'),
  support: { email: 'info@sferum.ru' },
  notices: ['new-school-year', 'restored'],
  features: { browserHint: false, vpnHint: true, autoChatsNote: false, openButton: 'sferum', methods: ['vkid', 'max'] },
  theme: {
    '--sferum-color-accent': '#1a66c2',
    '--sferum-color-accent-contrast': '#ffffff',
    '--sferum-radius': '8px',
    '--sferum-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  },
};

/** BARS «Электронная школа» (seeds 000, 001). */
export const bars: VendorPreset = {
  id: 'bars',
  serviceName: { ru: 'БАРС.Электронная школа', en: 'BARS.Electronic School' },
  texts: {
    ru: { entryTitle: 'Авторизация в Сферум', entryAction: 'Привязать аккаунт к Сферум' },
    en: { entryTitle: 'Sign in to Sferum', entryAction: 'Link account to Sferum' },
  },
  unlinkPolicy: everyone('self'),
  support: { email: 'info@sferum.ru' },
  notices: ['new-school-year', 'restored'],
  features: { browserHint: false, vpnHint: true, autoChatsNote: false, openButton: 'sferum', methods: ['vkid', 'max'] },
  theme: {
    '--sferum-color-accent': '#1e6bb8',
    '--sferum-color-accent-contrast': '#ffffff',
    '--sferum-radius': '4px',
    '--sferum-font-family': 'Arial, "Helvetica Neue", Helvetica, sans-serif',
  },
};

/** MESH, Moscow (seeds 002, 003). */
export const mesh: VendorPreset = {
  id: 'mesh',
  serviceName: { ru: 'МЭШ.ВКС', en: 'MESH.VCS' },
  texts: {
    ru: {
      entryTitle: 'Мессенджер не подключен',
      entryDescription:
        'Для работы мессенджера необходимо связать ваш аккаунт МЭШ с аккаунтом Сферум, чтобы общаться в чатах и проводить онлайн-звонки.',
      entryAction: 'Перейти к подключению',
    },
    en: {
      entryTitle: 'The messenger is not connected',
      entryDescription:
        'To use the messenger, link your MESH account to a Sferum account so that you can chat and hold online calls.',
      entryAction: 'Go to connection',
    },
  },
  unlinkPolicy: { student: 'external', parent: 'external', teacher: 'support', staff: 'support' },
  unlinkUrl: 'https://passport.mos.ru/security',
  support: { email: 'info@sferum.ru' },
  notices: [],
  features: { browserHint: true, vpnHint: true, autoChatsNote: false, openButton: 'sferum', methods: ['vkid'] },
  theme: {
    '--sferum-color-accent': '#0b5ed7',
    '--sferum-color-accent-contrast': '#ffffff',
    '--sferum-radius': '12px',
    '--sferum-font-family': '"Mos Sans", Roboto, Arial, sans-serif',
  },
};

/** Perm «ЭПОС» (seed 004). */
export const perm: VendorPreset = {
  id: 'perm',
  serviceName: { ru: 'Электронная Пермская Образовательная система', en: 'Perm Electronic Education System' },
  texts: {
    ru: { entryTitle: 'Личные сообщения', entryAction: 'Привязать учебный профиль VK ID' },
    en: { entryTitle: 'Personal messages', entryAction: 'Link a VK ID educational profile' },
  },
  unlinkPolicy: everyone('self'),
  support: { email: 'info@sferum.ru' },
  notices: ['security'],
  features: { browserHint: false, vpnHint: false, autoChatsNote: true, openButton: 'vk-messenger', methods: ['vkid'] },
  theme: {
    '--sferum-color-accent': '#0061d6',
    '--sferum-color-accent-contrast': '#ffffff',
    '--sferum-radius': '10px',
    '--sferum-font-family': '"PT Sans", Arial, sans-serif',
  },
};

export const presets: Readonly<Record<string, VendorPreset>> = { generic, bars, mesh, perm };
export type VendorId = 'generic' | 'bars' | 'mesh' | 'perm';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(patch) || !isPlainObject(base)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = merge(out[key], value);
  }
  return out as T;
}

/** A preset by id (unknown ids fall back to `generic`) with any single key overridden. */
export function resolvePreset(vendor: string | undefined, overrides?: PresetOverrides): VendorPreset {
  const base = (vendor && presets[vendor]) || generic;
  return overrides ? merge(base, overrides) : base;
}
