/**
 * Texts of the linking flows (the phone field now; every wizard step with the wizard).
 * They ship with the code that shows them, so that an element that never opens a flow
 * does not carry them. Russian is the reference; `flow-en.ts` must have the same keys.
 */
export const flowRu = {
  // phone (SPEC §4.3)
  phoneLabel: 'Номер телефона',
  phoneHint: 'В формате +7 (9XX) XXX-XX-XX',
  phoneEmpty: 'Введите номер мобильного телефона.',
  phoneLetters: 'Номер телефона может содержать только цифры.',
  phoneTooShort: 'В номере не хватает цифр. Номер должен соответствовать формату +7 (9XX) XXX-XX-XX.',
  phoneTooLong: 'В номере лишние цифры. Номер должен соответствовать формату +7 (9XX) XXX-XX-XX.',
  phoneLandline: 'Это городской номер. Введите номер мобильного телефона в формате +7 (9XX) XXX-XX-XX.',
  phoneTollFree: 'Номера 8-800 не подходят. Введите номер мобильного телефона в формате +7 (9XX) XXX-XX-XX.',
  phoneKazakhstan: 'Это номер Казахстана. Нужен российский мобильный номер в формате +7 (9XX) XXX-XX-XX.',
  phoneForeign: 'Нужен российский мобильный номер в формате +7 (9XX) XXX-XX-XX.',
  phoneExtension: 'Добавочный номер не нужен. Введите номер мобильного телефона в формате +7 (9XX) XXX-XX-XX.',
  phoneNotMobile: 'Номер не соответствует формату +7 (9XX) XXX-XX-XX.',

};

export type FlowMessages = { [K in keyof typeof flowRu]: string };
