import { everyone } from './generic.js';
import type { VendorPreset } from './types.js';

/** Perm «ЭПОС» (seed 004). */
export const perm: VendorPreset = {
  id: 'perm',
  serviceName: { ru: 'Электронная Пермская Образовательная система', en: 'Perm Electronic Education System' },
  texts: {
    ru: { entryTitle: 'Личные сообщения', entryAction: 'Привязать учебный профиль Сферум' },
    en: { entryTitle: 'Personal messages', entryAction: 'Link a Sferum educational profile' },
  },
  unlinkPolicy: everyone('self'),
  support: { email: 'info@sferum.ru' },
  // ЭПОС shows its warning «Никому не передавайте свои регистрационные данные…» at all times.
  standingNotices: ['security'],
  features: { browserHint: false, vpnHint: false, autoChatsNote: true, openButton: 'vk-messenger', methods: ['vkid'] },
  theme: {
    '--sferum-color-accent': '#0061d6',
    '--sferum-color-accent-dark': '#4d9dff',
    '--sferum-color-accent-contrast': '#ffffff',
    '--sferum-radius': '10px',
    '--sferum-font-family': '"PT Sans", Arial, sans-serif',
  },
};
