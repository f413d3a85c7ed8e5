import type { PluralMessage } from './plural.js';

/**
 * Texts of the «Сферум» section: chats, conferences, joining a lesson, the hub. They ship with the
 * list elements only. Quoted texts are the seeds' own. `lists-en.ts` must have the same keys.
 */
export const listsRu = {
  // chats (seeds 000, 001, 004)
  chatsCaption: 'Чаты',
  chatsName: 'Наименование',
  chatsType: 'Тип',
  chatsMembers: 'Количество участников',
  chatsAdmin: 'Администратор чата',
  chatsSubject: 'Предмет',
  chatsOpen: 'Открыть чат',
  chatsOpenNamed: 'Открыть чат «{name}»',
  chatTypeClass: 'Классный чат',
  chatTypeParents: 'Родительский чат',
  chatTypeTeachers: 'Учительская',
  chatTypeOther: 'Другое',
  chatsEmpty: 'Чатов пока нет. Они появятся здесь, когда вас добавят в чат класса или школы.',
  chatsSearch: 'Поиск по чатам',
  chatsSearchHint: 'По названию, администратору или предмету',
  chatsNothingFound: 'Ничего не найдено по запросу «{query}».',
  chatsFound: { one: 'Найден {n} чат', few: 'Найдено {n} чата', many: 'Найдено {n} чатов', other: 'Найдено {n} чата' } as PluralMessage,
  sortBy: 'Сортировать по столбцу «{column}»',
  noSubject: '—',
  /** The word after a member count in cards: «28 участников». */
  membersUnit: { one: 'участник', few: 'участника', many: 'участников', other: 'участника' } as PluralMessage,

  // conferences (seeds 000, 001)
  vcsCaption: 'Видеоконференции',
  vcsTitle: 'Название',
  vcsType: 'Тип',
  vcsTime: 'Время',
  vcsOrganizer: 'Организатор',
  vcsLink: 'Ссылка',
  vcsGo: 'Перейти',
  vcsGoNamed: 'Перейти в видеоконференцию «{title}»',
  vcsEnded: 'Завершена',
  vcsLiveNow: 'Идёт сейчас',
  vcsStartsIn: 'через {time}',
  vcsStartsTomorrow: 'завтра в {time}',
  vcsStartsOn: '{date} в {time}',
  vcsOnlineLesson: 'Онлайн-урок',
  vcsMeeting: 'Собрание',
  vcsWebinar: 'Вебинар',
  vcsOther: 'Видеоконференция',
  vcsEmpty: 'Видеоконференций нет.',
  vcsFilter: 'Показать',
  vcsToday: 'Сегодня',
  vcsUpcoming: 'Предстоящие',
  vcsPast: 'Прошедшие',
  vcsZone: 'по\u00a0{zone}',
  minutesShortIn: { one: '{n} минуту', few: '{n} минуты', many: '{n} минут', other: '{n} минуты' } as PluralMessage,
  hoursShortIn: { one: '{n} час', few: '{n} часа', many: '{n} часов', other: '{n} часа' } as PluralMessage,

  // join (seeds 000, 003)
  joinButton: 'Подключиться',
  joinNotOnline: 'Урок проходит не онлайн.',
  joinNotStarted: 'Подключиться можно будет {when}.',
  joinEnded: 'Онлайн-урок завершён.',
  joinParent: 'Если у вашего ребёнка дистанционный урок, то переход в дистанционный урок реализуется непосредственно из учётной записи ребёнка в электронном дневнике.',

  // hub (seeds 000, 001, 004)
  hubTitle: 'Сферум',
  hubTabs: 'Разделы Сферума',
  hubChats: 'Чаты',
  hubVcs: 'Видеоконференции',
  noticeNewSchoolYear: 'Вы были переведены на новый учебный год! Ниже будут отображены чаты, в которых вы являетесь участником.',
  noticeRestored: 'Вы восстановлены из реестра «Выпускники и отчисленные»: вы снова добавлены в чаты своего класса.',
  noticeSecurity: 'Никому не передавайте свои регистрационные данные — даже коллегам или руководителю. Это может угрожать безопасности вашей учётной записи, а также репутации вашей организации.',
};

export type ListsMessages = { [K in keyof typeof listsRu]: (typeof listsRu)[K] extends PluralMessage ? PluralMessage : string };
