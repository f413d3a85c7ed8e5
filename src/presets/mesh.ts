import type { VendorPreset } from './types.js';

/** MESH, Moscow (seeds 002, 003). */
export const mesh: VendorPreset = {
  id: 'mesh',
  serviceName: { ru: 'МЭШ.ВКС', en: 'MESH.VCS' },
  texts: {
    ru: {
      entryTitle: 'Мессенджер не подключён',
      entryDescription:
        'Для работы мессенджера необходимо связать вашу учётную запись МЭШ с учебным профилем Сферум, чтобы общаться в чатах и проводить онлайн-звонки.',
      entryAction: 'Перейти к подключению',
    },
    en: {
      entryTitle: 'The messenger is not connected',
      entryDescription:
        'To use the messenger, link your MESH journal account to a Sferum educational profile so that you can chat and hold online calls.',
      entryAction: 'Go to connection',
    },
  },
  unlinkPolicy: { student: 'external', parent: 'external', teacher: 'support', staff: 'support' },
  unlinkUrl: 'https://passport.mos.ru/security',
  allowedHosts: ['passport.mos.ru'],
  support: { email: 'info@sferum.ru' },
  standingNotices: [],
  features: { browserHint: true, vpnHint: true, autoChatsNote: false, openButton: 'sferum', methods: ['vkid'] },
  theme: {
    '--sferum-color-accent': '#0b5ed7',
    '--sferum-color-accent-dark': '#5597f6',
    '--sferum-color-accent-contrast': '#ffffff',
    '--sferum-radius': '12px',
    '--sferum-font-family': '"Mos Sans", Roboto, Arial, sans-serif',
  },
};
