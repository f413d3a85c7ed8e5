/**
 * Texts of «Добавить в календарь» and «Напомнить о начале» on conferences. They ship with that
 * lazily loaded code, not with the elements. `extras-en.ts` must have the same keys.
 */
export const extrasRu = {
  calendarAdd: 'Добавить в календарь',
  calendarAddNamed: 'Добавить в календарь: «{title}»',
  calendarFileFallback: 'Видеоконференция',
  calendarOrganizer: 'Организатор: {name}',
  calendarLink: 'Ссылка: {url}',
  reminderSet: 'Напомнить о начале',
  reminderSetNamed: 'Напомнить о начале: «{title}»',
  reminderOn: 'Напомним за {time} до начала «{title}».',
  reminderOnAtStart: 'Напомним, когда «{title}» начнётся.',
  reminderOff: 'Напоминание о «{title}» отменено.',
  reminderLessonSoon: 'Урок «{title}» начнётся через {time}.',
  reminderEventSoon: 'Видеоконференция «{title}» начнётся через {time}.',
  reminderLessonLive: 'Урок «{title}» начался.',
  reminderEventLive: 'Видеоконференция «{title}» началась.',
  reminderDismiss: 'Закрыть напоминание о «{title}»',
  reminderList: 'Напоминания',
};

export type ExtrasMessages = { [K in keyof typeof extrasRu]: string };
