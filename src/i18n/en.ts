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
  entryDescription: 'Before you use the messenger, link your journal account to a Sferum educational profile once.',
  entryAction: 'Link your journal account to Sferum',
  entryActionVkid: 'Link a Sferum educational profile',
  entryActionMax: 'Link a Sferum educational account',

  checkStatus: 'Check status',

  linkedTitle: 'Journal account linked to Sferum',
  linkedPhoneLabel: 'Phone linked to Sferum',
  goToSferum: 'Go to Sferum',
  goToVkMessenger: 'Go to VK Messenger',
  unlink: 'Unlink the journal account',
  opensInNewTab: '(opens in a new tab)',
  // entry buttons, linked card and unlinking
  entryStartMax: 'Link through MAX',
  entryStartVkid: 'Link through VK ID',
  autoChatsNote: 'Chats were created: “Staff room”, a chat with parents and a chat with the students of your class.',
  unlinkTitle: 'Unlink the journal account?',
  unlinkText: 'Your journal account will be unlinked from the Sferum educational profile. Chats and video conferences will no longer show in the journal.',
  unlinkSupport: 'The educational profile can be unlinked from your journal account only through technical support.',
  unlinkSupportContact: 'Technical support: {contact}',
  unlinkExternal: 'To unlink the educational profile, open “My passport” and go to “Security” → “External accounts”.',
  unlinkExternalLink: 'Open “My passport”',
  unlinked: 'The journal account was unlinked.',
  errUnlinkForbidden: 'The journal account cannot be unlinked here. Contact technical support.',
  tryAgain: 'Try again',


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

  chatsCount: { one: '{n} chat', few: '{n} chats', many: '{n} chats', other: '{n} chats' },

  linkedMessage: 'Done: your Sferum educational profile is linked.',
};
