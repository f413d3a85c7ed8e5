import type { Role, UnlinkPolicy, VendorPreset } from './types.js';

/** Every role under one policy. */
export const everyone = (policy: UnlinkPolicy): Record<Role, UnlinkPolicy> => ({
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
  standingNotices: [],
  features: { browserHint: false, vpnHint: true, autoChatsNote: false, openButton: 'sferum', methods: ['vkid', 'max'] },
  theme: {
    '--sferum-color-accent': '#1a66c2',
    '--sferum-color-accent-contrast': '#ffffff',
    '--sferum-radius': '8px',
    '--sferum-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  },
};
