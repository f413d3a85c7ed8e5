import type { CoreMessages } from './ru.js';

export const en: CoreMessages = {
  loading: 'Loading…',
  retry: 'Try again',
  continue: 'Continue',
  back: 'Back',
  close: 'Close',
  cancel: 'Cancel',
  yes: 'Yes',
  sferum: 'Sferum',
  linkUnavailable: 'Link unavailable',

  entryTitle: 'Sign in to Sferum',
  entryDescription: 'Before you use the messenger, link your account to a Sferum educational profile once.',
  entryAction: 'Link account to Sferum',
  entryActionVkid: 'Link a VK ID educational profile',
  entryActionMax: 'Link a Sferum educational account',

  pendingTitle: 'Waiting for confirmation in MAX',
  pendingText:
    'Open MAX, go to the “Sferum” tab and choose the chat from the Sferum community. Check your details and tap “Connect”.',
  checkStatus: 'Check status',

  linkedTitle: 'Account linked to Sferum',
  linkedPhoneLabel: 'Phone linked to Sferum',
  goToSferum: 'Go to Sferum',
  goToVkMessenger: 'Go to VK Messenger',
  unlink: 'Unlink account',
  opensInNewTab: '(opens in a new tab)',

  errorTitle: 'Could not load the data',
  errorNetwork: 'No connection to the server. Check your internet connection and try again.',
  errorTimeout: 'The server is taking too long to answer. Try again.',
  errorUnauthorized: 'Your journal session has ended. Sign in to the journal again and repeat the action.',
  errorRateLimited: 'Too many requests. Try again in {time}.',
  errorServer: 'The service is temporarily unavailable. Try again a little later.',
  errorInvalidResponse: 'The server sent an answer we could not read. Try again a little later.',
  errorNotFound: 'Nothing was found. Reload the page.',
  errorGeneric: 'Something went wrong. Try again.',
  errorNoAdapter: 'The widget is not connected to the journal: no API adapter is set.',
  vpnHint: 'Linking does not work while a VPN is on.',
  browserHint: 'We recommend Google Chrome or Yandex Browser.',

  secondsShort: '{n} s',
  minutesShort: '{n} min',
  seconds: { one: '{n} second', few: '{n} seconds', many: '{n} seconds', other: '{n} seconds' },
  minutes: { one: '{n} minute', few: '{n} minutes', many: '{n} minutes', other: '{n} minutes' },
  members: { one: '{n} member', few: '{n} members', many: '{n} members', other: '{n} members' },
  chatsCount: { one: '{n} chat', few: '{n} chats', many: '{n} chats', other: '{n} chats' },
};
