/** The phone format as texts write it: one line (no-break spaces and hyphens), as DESIGN.md asks. */
const PHONE_FORMAT = '+7\u00a0(9XX)\u00a0XXX\u2011XX\u2011XX';

/**
 * Texts of the linking flows. They ship with the wizard (a lazily loaded chunk), so that an
 * element that never opens a flow does not carry them. Quoted texts are the seeds' own.
 * Russian is the reference; `flow-en.ts` must have the same keys.
 */
export const flowRu = {
  // entry and side panel (seeds 000, 002, 004)
  vkidPanelTitle: 'С сервисом «{service}» можно связать свой учебный профиль',
  vkidPanelPoint1: 'Вход в учебный профиль в VK Мессенджере по VK ID',
  vkidPanelPoint2: 'Общение в защищённом от посторонних лиц пространстве',
  vkidPanelPoint3: 'Регистрация ВКонтакте не нужна, а если аккаунт уже есть, его никто не увидит',
  cancelLinking: 'Отменить привязку',
  starting: 'Открываем привязку…',
  sending: 'Отправляем…',

  // login
  loginTitle: 'Вход в VK ID',
  loginLabel: 'Телефон или почта',
  loginConsent: 'Нажимая «Продолжить», вы принимаете пользовательское соглашение и политику конфиденциальности.',
  loginData: 'Передаваемые данные',
  loginDataText: 'Журнал получит ваши имя, фамилию, дату рождения и номер телефона, чтобы связать учебный профиль с учётной записью.',
  loginPhoneOnly: 'Создать учебный профиль в Сферум в VK Мессенджере можно только по номеру мобильного телефона.',
  loginEmpty: 'Введите телефон или почту.',
  loginInvalid: 'Проверьте телефон или почту: нужен российский мобильный номер или адрес электронной почты.',

  // known account
  knownTitle: 'Ваш профиль для связки',
  knownNotYours: 'Если вы работаете не с личного устройства, в браузере мог сохраниться не ваш аккаунт VK ID. Внимательно проверяйте, какой аккаунт вы привязываете.',
  anotherAccount: 'Войти в другой аккаунт',
  createProfile: 'Создать учебный профиль',

  // password
  passwordTitle: 'Введите пароль',
  passwordText: 'Введите ваш текущий пароль, привязанный к номеру {phone}.',
  passwordLabel: 'Введите пароль',
  passwordShow: 'Показать пароль',
  passwordHide: 'Скрыть пароль',
  passwordForgot: 'Забыли или не установили пароль?',
  passwordEmpty: 'Введите пароль.',

  // code
  codeTitle: 'Подтвердите вход',
  codeSmsText: 'SMS с кодом отправлено на телефон {phone}.',
  codePushText: 'Мы отправили push-уведомление с кодом на ваше устройство.',
  codeCallText: 'Вам поступит звонок-сброс с уникального номера. Введите последние 4 цифры этого номера.',
  codeEmailTitle: 'Введите код из письма',
  codeEmailText: 'Мы отправили код на почту {email}.',
  codeAppTitle: 'Введите код из приложения',
  codeAppText: 'Откройте приложение-генератор кодов и введите код из него.',
  codeLabel: 'Введите код',
  codeLabelPush: 'Код',
  codeLabelCall: 'Введите 4 цифры',
  codeConfirm: 'Подтвердить',
  codeResendSmsIn: 'Отправить SMS через {time}',
  codeResendSms: 'Отправить SMS повторно',
  codeCallIn: 'Звонок поступит в течение {time}',
  codeCallAgain: 'Позвонить повторно',
  codeResendEmailIn: 'Отправить код повторно через {time}',
  codeResendEmail: 'Отправить код повторно',
  codeResendIn: 'Отправить код повторно через {time}',
  codeResend: 'Отправить код повторно',
  codeResent: 'Код отправлен повторно.',
  codeOtherMethod: 'Подтвердить другим способом',
  codeUsePassword: 'Войти при помощи пароля',
  codeChangePhone: 'Изменить номер телефона',
  codeNoEmailAccess: 'У меня нет доступа к почте',
  codeEmpty: 'Введите код.',
  codeShort: 'В коде должно быть {n} цифр.',

  // choose / create profile
  chooseTitle: 'Выберите профиль для связки',
  chooseContinue: 'Продолжить в учебном профиле',
  chooseEmpty: 'Выберите профиль.',
  createTitle: 'Создайте учебный профиль',
  createText: 'Ваш учебный профиль будет связан с аккаунтом VK ID.',

  // about you
  aboutTitle: 'Информация о себе',
  aboutNote: 'Ф.\u00a0И.\u00a0О. должны быть настоящими.',
  aboutLastName: 'Фамилия',
  aboutFirstName: 'Имя',
  aboutMiddleName: 'Отчество',
  aboutBirthDate: 'Дата рождения',
  aboutGender: 'Пол',
  aboutMale: 'Мужской',
  aboutFemale: 'Женский',
  aboutRequired: 'Заполните это поле.',
  aboutNameChars: 'Можно использовать только буквы, дефис, апостроф и пробел.',
  aboutNameLong: 'Слишком длинно: не больше 50 символов.',
  aboutDateInvalid: 'Такой даты нет. Проверьте день, месяц и год.',
  aboutDateFuture: 'Дата рождения не может быть в будущем.',
  aboutDateImplausible: 'Проверьте год рождения.',
  aboutGenderRequired: 'Выберите пол.',

  // consent (MESH)
  consentTitle: 'Добавление профиля Сферум',
  consentText: 'Вы действительно хотите привязать учебный профиль Сферум к вашей учётной записи?',
  consentConfirm: 'Привязать',

  // external (hosted VK ID)
  externalTitle: 'Вход через VK ID',
  externalText: 'Вход выполняется на странице VK ID в отдельном окне. Пароль и код вводятся только там.',
  externalOpen: 'Войти через VK ID',
  externalWaiting: 'Окно VK ID открыто. Завершите вход в нём — привязка продолжится здесь сама.',
  externalFocus: 'Перейти к окну VK ID',
  externalBlocked: 'Браузер не открыл окно VK ID. Разрешите всплывающие окна для этого сайта или откройте VK ID в этом окне — после входа вы вернётесь сюда.',
  externalRedirect: 'Открыть VK ID в этом окне',
  externalClosed: 'Окно VK ID закрыто до завершения входа.',
  externalRetry: 'Попробовать ещё раз',
  externalFinishing: 'Завершаем вход…',

  // password recovery (seed 003)
  recoveryPhoneTitle: 'Восстановление пароля',
  recoveryPhoneText: 'Введите номер телефона, указанный при регистрации.',
  recoveryAccountTitle: 'Проверьте, правильный ли выбран аккаунт',
  recoveryMethodTitle: 'Как вы хотите подтвердить, что аккаунт принадлежит вам?',
  recoveryApp: 'С помощью приложения-генератора кодов',
  recoveryAppHint: 'Будет необходимо ввести код из приложения.',
  recoveryEmail: 'С помощью электронной почты',
  recoveryEmailHint: 'Мы отправим код на почту {email}.',
  recoveryFriends: 'С помощью друзей, которым доверяете',
  recoveryFriendsHint: 'Если вы можете связаться с друзьями вне ВКонтакте — например, позвонить или написать в мессенджерах.',
  newPasswordTitle: 'Придумайте новый пароль',
  newPasswordText: 'Можно также использовать пароль, предложенный устройством.',
  newPasswordLabel: 'Введите новый пароль',
  newPasswordRules: 'Минимум 8 символов — заглавные и строчные буквы, цифры и спецсимволы (! " # $ % \' () *)',
  newPasswordRepeat: 'Повторите новый пароль',
  newPasswordLogout: 'Выйти на всех устройствах, кроме этого',
  newPasswordWeak: 'Пароль не подходит: {missing}.',
  newPasswordMissingLength: 'нужно не меньше {n} символов',
  newPasswordMissingUpper: 'нет заглавной буквы',
  newPasswordMissingLower: 'нет строчной буквы',
  newPasswordMissingDigit: 'нет цифры',
  newPasswordMissingSpecial: 'нет спецсимвола',
  newPasswordMismatch: 'Пароли не совпадают.',
  newPasswordDone: 'Пароль изменён. Войдите с новым паролем.',

  // MAX (seed 001)
  maxTitle: 'Привязка через MAX',
  maxPhoneNote: 'Номер телефона должен совпадать с номером, указанным при регистрации на платформе MAX.',
  maxSubmit: 'Привязать учебный аккаунт Сферум',
  maxPendingTitle: 'Подтвердите привязку в MAX',
  maxPendingStep1: 'Откройте MAX и перейдите на вкладку «Сферум».',
  maxPendingStep2: 'Выберите чат от сообщества Сферум.',
  maxPendingStep3: 'Проверьте свои данные в сообщении и нажмите «Подключить» (или «Не подключать», если данные не ваши).',
  maxPendingWaiting: 'Ждём подтверждения в MAX.',
  maxPendingSlow: 'Проверяем реже, чтобы не перегружать сервер.',

  // done
  doneTitle: 'Учётная запись привязана',

  // unlink

  // flow errors (the seeds' wording where they have one)
  errWrongPassword: 'Неверный пароль. Проверьте раскладку клавиатуры и попробуйте ещё раз.',
  errWrongCode: 'Неверный код. Проверьте цифры и попробуйте ещё раз.',
  errCodeExpired: 'Срок действия кода истёк. Запросите новый код.',
  errTooManyAttempts: 'Слишком много попыток. Повторите через {time}.',
  errPhoneLinkedElsewhere: 'На этот номер телефона уже совершена привязка. Не пытайтесь привязать его к другой учётной записи, а авторизуйтесь по уже существующим данным.',
  errAnotherAccount: 'На вашем номере зарегистрирован другой аккаунт VK ID. Напишите в службу технической поддержки info@sferum.ru.',
  errVpn: 'Не удалось связаться с VK ID. Привязка не работает при подключении VPN: отключите VPN и попробуйте ещё раз.',
  errBrowser: 'Этот браузер не поддерживается. Для работы рекомендуем использовать Google Chrome и Яндекс.Браузер.',
  errInvalidPhone: `Проверьте номер: нужен российский мобильный номер в формате ${PHONE_FORMAT}.`,
  errFlowExpired: 'Время на привязку истекло. Начните заново.',
  errDeclined: 'Привязка отклонена: в MAX нажали «Не подключать». Если это ошибка, отправьте запрос ещё раз.',
  errExpired: 'Время на подтверждение в MAX истекло. Отправьте запрос ещё раз.',
  errExternalDeclined: 'Вход через VK ID не завершён. Попробуйте ещё раз.',
  errRateLimitedIn: 'Слишком много запросов. Повторите через {time}.',

  // phone (SPEC §4.3)
  phoneLabel: 'Номер телефона',
  phoneHint: `В формате ${PHONE_FORMAT}`,
  phoneEmpty: 'Введите номер мобильного телефона.',
  phoneLetters: 'Номер телефона может содержать только цифры.',
  phoneTooShort: `В номере не хватает цифр. Номер должен соответствовать формату ${PHONE_FORMAT}.`,
  phoneTooLong: `В номере лишние цифры. Номер должен соответствовать формату ${PHONE_FORMAT}.`,
  phoneLandline: `Это городской номер. Введите номер мобильного телефона в формате ${PHONE_FORMAT}.`,
  phoneTollFree: `Номера 8-800 не подходят. Введите номер мобильного телефона в формате ${PHONE_FORMAT}.`,
  phoneKazakhstan: `Это номер Казахстана. Нужен российский мобильный номер в формате ${PHONE_FORMAT}.`,
  phoneForeign: `Нужен российский мобильный номер в формате ${PHONE_FORMAT}.`,
  phoneExtension: `Добавочный номер не нужен. Введите номер мобильного телефона в формате ${PHONE_FORMAT}.`,
  phoneNotMobile: `Номер не соответствует формату ${PHONE_FORMAT}.`,


  // MAX from a desktop (issue 14): the deep link, its QR code and the time left
  maxPendingAuto: 'Обновлять страницу не нужно.',
  maxDeepLinkLead: 'Откройте ссылку на телефоне с MAX.',
  maxOpen: 'Открыть MAX',
  maxCopyLink: 'Скопировать ссылку',
  maxCopied: 'Скопировано',
  maxCopyFailed: 'Скопируйте ссылку вручную.',
  maxLinkLabel: 'Ссылка для MAX',
  maxQrShow: 'Показать QR-код',
  maxQrHide: 'Скрыть QR-код',
  maxQrLabel: 'QR-код ссылки для MAX',
  maxQrNote: 'Или наведите камеру телефона на QR-код.',
  maxExpiresIn: 'Запрос действует ещё {time}',

  // phase 2: the date hint, the recovery choice, the narrow side panel, a flow that ended unlinked
  aboutBirthDateHint: 'ДД.ММ.ГГГГ',
  recoveryMethodEmpty: 'Выберите способ подтверждения.',
  vkidPanelMore: 'Что даёт учебный профиль',
  doneUnlinkedTitle: 'Учётная запись не привязана',
  doneUnlinkedText: 'Привязка не завершена. Попробуйте ещё раз.',
};

export type FlowMessages = { [K in keyof typeof flowRu]: string };
