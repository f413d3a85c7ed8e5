import type { FlowMessages } from './flow-ru.js';

export const flowEn: FlowMessages = {
  phoneLabel: 'Phone number',
  phoneHint: 'Format: +7 (9XX) XXX-XX-XX',
  phoneEmpty: 'Enter a mobile phone number.',
  phoneLetters: 'A phone number can contain digits only.',
  phoneTooShort: 'The number is missing digits. It must match +7 (9XX) XXX-XX-XX.',
  phoneTooLong: 'The number has extra digits. It must match +7 (9XX) XXX-XX-XX.',
  phoneLandline: 'This is a landline number. Enter a mobile number as +7 (9XX) XXX-XX-XX.',
  phoneTollFree: '8-800 numbers are not accepted. Enter a mobile number as +7 (9XX) XXX-XX-XX.',
  phoneKazakhstan: 'This is a Kazakhstan number. A Russian mobile number +7 (9XX) XXX-XX-XX is needed.',
  phoneForeign: 'A Russian mobile number +7 (9XX) XXX-XX-XX is needed.',
  phoneExtension: 'No extension is needed. Enter a mobile number as +7 (9XX) XXX-XX-XX.',
  phoneNotMobile: 'The number does not match +7 (9XX) XXX-XX-XX.',
};
