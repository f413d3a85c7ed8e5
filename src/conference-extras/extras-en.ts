import type { ExtrasMessages } from './extras-ru.js';

export const extrasEn: ExtrasMessages = {
  calendarAdd: 'Add to calendar',
  calendarAddNamed: 'Add to calendar: “{title}”',
  calendarFileFallback: 'Video conference',
  calendarOrganizer: 'Organiser: {name}',
  calendarLink: 'Link: {url}',
  reminderSet: 'Remind me at the start',
  reminderSetNamed: 'Remind me at the start: “{title}”',
  reminderOn: 'We will remind you {time} before “{title}” starts.',
  reminderOnAtStart: 'We will remind you when “{title}” starts.',
  reminderOff: 'The reminder for “{title}” is off.',
  reminderLessonSoon: 'The lesson “{title}” starts in {time}.',
  reminderEventSoon: 'The video conference “{title}” starts in {time}.',
  reminderLessonLive: 'The lesson “{title}” has started.',
  reminderEventLive: 'The video conference “{title}” has started.',
  reminderDismiss: 'Close the reminder for “{title}”',
  reminderList: 'Reminders',
};
