// The package root: classes, types, events and helpers. No side effects: import
// `sferum-widgets/<name>` (or `sferum-widgets/all`) to register the tags.
export type {
  ConferencePeriod,
  ExternalResult,
  SferumAdapter,
  StartLinkInput,
  StepAction,
  StepAnswer,
  ValidatedAdapter,
} from './adapter/adapter.js';
export { ERROR_KINDS, SferumError, isErrorKind, isSferumError, type SferumErrorKind } from './adapter/errors.js';
export { createHttpAdapter, errorBodySchema, parseRetryAfter, type HttpAdapterOptions } from './adapter/http-adapter.js';
export * from './adapter/schemas.js';
export * from './adapter/field-schemas.js';
export { schemasFor, type Schemas } from './adapter/all-schemas.js';
export { flowSchemas } from './adapter/flow-schemas.js';
export { listSchemas } from './adapter/list-schemas.js';
export { DEFAULT_ALLOWED_HOSTS, toSafeUrl, urlPolicy, type UrlPolicy } from './adapter/urls.js';
export { validateAdapter } from './adapter/validate.js';
export { SferumChats, VIRTUALIZE_ABOVE } from './components/chats/sferum-chats.js';
export { SferumHub } from './components/hub/sferum-hub.js';
export { SferumJoin } from './components/join/sferum-join.js';
export { SferumLink } from './components/link/sferum-link.js';
export { SferumVcs, type ConferenceFilter } from './components/vcs/sferum-vcs.js';
export { ManualClock, getClock, setClock, type Clock } from './controllers/clock.js';
export { SferumProvider } from './components/provider/sferum-provider.js';
export { sferumConfigContext, type SferumConfig, type ThemeMode } from './controllers/config.js';
export { SferumAuthRequiredEvent } from './events/sferum-auth-required.js';
export { SferumErrorEvent, type SferumErrorDetail } from './events/sferum-error.js';
export { SferumLinkStatusChangeEvent, type SferumLinkStatusChangeDetail } from './events/sferum-link-status-change.js';
export { SferumReminderEvent, type SferumReminderDetail } from './events/sferum-reminder.js';
export { en } from './i18n/en.js';
export { pluralCategoryRu, type PluralMessage } from './i18n/plural.js';
export type { FlowMessages } from './i18n/flow-ru.js';
export { ru, type CoreMessages, type MessageKey, type Messages } from './i18n/ru.js';
export { Translator, loadLocale, toLocale, type Locale, type MessageOverrides } from './i18n/translator.js';
export { checkPhone, formatPhone, maskPhone, normalizePhoneInput, type PhoneCheck, type PhoneRejection } from './phone/phone.js';
export { bars, generic, loadPreset, mesh, perm, presets, registerAllPresets, registerPreset, resolvePreset, type VendorId } from './presets/presets.js';
export type { PresetOverrides, Role, SupportContact, UnlinkPolicy, VendorPreset } from './presets/types.js';
