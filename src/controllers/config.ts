import { createContext } from '@lit/context';
import type { SferumAdapter } from '../adapter/adapter.js';
import type { Locale, MessageOverrides } from '../i18n/translator.js';
import type { PresetOverrides, Role } from '../presets/types.js';

export type ThemeMode = 'light' | 'dark' | 'auto';

/** What a `<sferum-provider>` hands to every `sferum-*` element inside it. */
export interface SferumConfig {
  adapter?: SferumAdapter | undefined;
  vendor?: string | undefined;
  preset?: PresetOverrides | undefined;
  locale?: Locale | undefined;
  userRole?: Role | undefined;
  timeZone?: string | undefined;
  allowedHosts?: readonly string[] | undefined;
  messages?: MessageOverrides | undefined;
  theme?: ThemeMode | undefined;
}

/**
 * `Symbol.for` makes the key global: a page that loads two copies of the bundle still has
 * their providers and elements meet. The `@1` marks the shape of `SferumConfig`.
 */
export const sferumConfigContext = createContext<SferumConfig>(Symbol.for('sferum/config@1'));

export const CONFIG_KEYS = [
  'adapter',
  'vendor',
  'preset',
  'locale',
  'userRole',
  'timeZone',
  'allowedHosts',
  'messages',
  'theme',
] as const satisfies readonly (keyof SferumConfig)[];
