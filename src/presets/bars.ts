import { everyone } from './generic.js';
import type { VendorPreset } from './types.js';

/** BARS «Электронная школа» (seeds 000, 001). */
export const bars: VendorPreset = {
  id: 'bars',
  serviceName: { ru: 'БАРС.Электронная школа', en: 'BARS.Electronic School' },
  texts: {
    ru: { entryTitle: 'Авторизация в Сферум', entryAction: 'Привязать учётную запись к Сферум' },
    en: { entryTitle: 'Sign in to Sferum', entryAction: 'Link your journal account to Sferum' },
  },
  unlinkPolicy: everyone('self'),
  support: { email: 'info@sferum.ru' },
  standingNotices: [],
  features: { browserHint: false, vpnHint: true, autoChatsNote: false, openButton: 'sferum', methods: ['vkid', 'max'] },
  theme: {
    '--sferum-color-accent': '#1e6bb8',
    '--sferum-color-accent-dark': '#66a6e6',
    '--sferum-color-accent-contrast': '#ffffff',
    '--sferum-radius': '4px',
    '--sferum-font-family': 'Arial, "Helvetica Neue", Helvetica, sans-serif',
  },
};
