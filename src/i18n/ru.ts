import type { PluralMessage } from './plural.js';

/**
 * The reference dictionary. Texts quoted from the seeds are kept exactly as written there.
 * `{name}` placeholders are filled by `Translator.t(key, params)`.
 */
export const ru = {
  // common
  loading: 'Загрузка…',
  retry: 'Повторить',
  continue: 'Продолжить',
  back: 'Назад',
  close: 'Закрыть',
  cancel: 'Отмена',
  yes: 'Да',
  sferum: 'Сферум',
  linkUnavailable: 'Ссылка недоступна',

  // entry (vendor presets override these)
  entryTitle: 'Авторизация в Сферум',
  entryDescription:
    'Перед началом работы в мессенджере нужно однократно связать свою учётную запись с учебным профилем Сферум.',
  entryAction: 'Привязать учётную запись к Сферум',
  entryActionVkid: 'Привязать учебный профиль Сферум',
  entryActionMax: 'Привязать учебный аккаунт Сферум',

  // pending (MAX)
  checkStatus: 'Проверить статус',

  // linked card
  linkedTitle: 'Учётная запись привязана к Сферум',
  linkedPhoneLabel: 'Телефон, привязанный к Сферум',
  goToSferum: 'Перейти в Сферум',
  goToVkMessenger: 'Перейти в VK Мессенджер',
  unlink: 'Отвязать учётную запись',
  opensInNewTab: '(откроется в новой вкладке)',
  // entry buttons, linked card and unlinking
  entryStartMax: 'Привязать через MAX',
  entryStartVkid: 'Привязать через VK ID',
  autoChatsNote: 'Созданы чаты: «Учительская», чат с родителями и чат с учениками вашего класса.',
  unlinkTitle: 'Отвязать учётную запись?',
  unlinkText: 'Учётная запись журнала будет отвязана от учебного профиля Сферум. Чаты и видеоконференции перестанут отображаться в журнале.',
  unlinkSupport: 'Отвязать учебный профиль от вашей учётной записи в журнале возможно только через службу технической поддержки.',
  unlinkSupportContact: 'Служба технической поддержки: {contact}',
  unlinkExternal: 'Чтобы отвязать учебный профиль, перейдите в «Мой паспорт» и откройте вкладку «Безопасность» → «Внешние аккаунты».',
  unlinkExternalLink: 'Открыть «Мой паспорт»',
  unlinked: 'Учётная запись отвязана.',
  errUnlinkForbidden: 'Отвязать учётную запись здесь нельзя. Обратитесь в службу технической поддержки.',
  tryAgain: 'Попробовать снова',


  // errors
  errorTitle: 'Не удалось загрузить данные',
  errorNetwork: 'Нет соединения с сервером. Проверьте подключение к интернету и попробуйте ещё раз.',
  errorTimeout: 'Сервер долго не отвечает. Попробуйте ещё раз.',
  errorUnauthorized: 'Сеанс работы в журнале завершён. Войдите в журнал снова и повторите действие.',
  errorRateLimited: 'Слишком много запросов. Повторите через {time}.',
  errorServer: 'Сервис временно недоступен. Попробуйте ещё раз немного позже.',
  errorInvalidResponse: 'Сервер вернул непонятный ответ. Попробуйте ещё раз немного позже.',
  errorNotFound: 'Данные не найдены. Обновите страницу.',
  errorGeneric: 'Что-то пошло не так. Попробуйте ещё раз.',
  errorNoAdapter: 'Виджет не подключён к журналу: не задан адаптер API.',
  vpnHint: 'Привязка не работает при подключении VPN.',
  browserHint: 'Для работы рекомендуем использовать Google Chrome и Яндекс.Браузер.',

  // counts
  chatsCount: { one: '{n} чат', few: '{n} чата', many: '{n} чатов', other: '{n} чата' } as PluralMessage,

  // the success message after linking (after unlinking: «unlinked»)
  linkedMessage: 'Готово: учебный профиль Сферум привязан.',
};

import type { FlowMessages } from './flow-ru.js';
import type { ListsMessages } from './lists-ru.js';
import type { ExtrasMessages } from '../conference-extras/extras-ru.js';

/** Texts every element carries. */
export type CoreMessages = { [K in keyof typeof ru]: (typeof ru)[K] extends PluralMessage ? PluralMessage : string };
/** Every text of the kit: the core, plus the packs that flow code registers when it loads. */
export type Messages = CoreMessages & FlowMessages & ListsMessages & ExtrasMessages;
export type MessageKey = keyof Messages;
export type PluralKey = { [K in MessageKey]: Messages[K] extends PluralMessage ? K : never }[MessageKey];
export type TextKey = Exclude<MessageKey, PluralKey>;
