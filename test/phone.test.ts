import { expect } from '@open-wc/testing';
import { checkPhone, formatPhone, maskPhone, normalizePhoneInput, type PhoneRejection } from '../src/phone/phone.js';

const OK = '+79521234567';

/** [what a person typed or pasted, expected E.164 or rejection reason] */
const CASES: [string, string | PhoneRejection][] = [
  // accepted forms
  ['8 952 123-45-67', OK],
  ['89521234567', OK],
  ['8(952)123-45-67', OK],
  ['8 (952) 123 45 67', OK],
  ['+7 952 123-45-67', OK],
  ['+7 (952) 123-45-67', OK],
  ['+79521234567', OK],
  ['+7-952-123-45-67', OK],
  ['7 952 123 45 67', OK],
  ['79521234567', OK],
  ['9521234567', OK],
  ['952 123 45 67', OK],
  ['(952) 123-45-67', OK],
  ['  +7 952 123 45 67  ', OK],
  ['+7\u00a0952\u00a0123\u00a045\u00a067', OK], // NBSP
  ['+7\u2009952\u2009123\u200945\u200967', OK], // thin space
  ['+7\u202f952\u202f123\u202f45\u202f67', OK], // narrow NBSP
  ['+7 952 123\u201345\u201367', OK], // en dash
  ['+7 952 123\u201445\u201467', OK], // em dash
  ['+7 952 123\u221245\u221267', OK], // minus sign
  ['+7 952 123\u201045\u201167', OK], // hyphen, non-breaking hyphen
  ['\u202a+7 952 123-45-67\u202c', OK], // bidi embedding (iOS Contacts)
  ['\u200e+7\u200e 952 123-45-67', OK], // LRM
  ['\u2066+79521234567\u2069', OK], // isolates
  ['+7\u200b952\u200b1234567', OK], // zero-width space
  ['\ufeff89521234567', OK], // BOM
  ['＋７　９５２　１２３－４５－６７', OK], // full-width
  ['٨٩٥٢١٢٣٤٥٦٧', OK], // Arabic-Indic digits
  ['۸۹۵۲۱۲۳۴۵۶۷', OK], // Extended Arabic-Indic digits
  ['८९५२१२३४५६७', OK], // Devanagari digits
  ['tel:+79521234567', OK],
  ['TEL:+7-952-123-45-67', OK],
  ['Телефон: +7 952 123-45-67', OK],
  ['Тел.: 8 952 123 45 67', OK],
  ['Мобильный: 89521234567', OK],
  ['Phone: +7 (952) 123-45-67', OK],
  ['Телефон: tel:+79521234567', OK],
  ['+7 (999) 000-00-00', '+79990000000'],
  ['8 900 123 45 67', '+79001234567'],
  ['+7 (981) 765-43-21', '+79817654321'],
  ['8.952.123.45.67', OK],
  ['8 10 7 952 123 45 67', OK],
  // rejections
  ['', 'empty'],
  ['   ', 'empty'],
  ['\u200e\u200f', 'empty'],
  ['Телефон:', 'empty'],
  ['952123456', 'too-short'], // 9 digits
  ['+7 952 123 45 6', 'too-short'],
  ['8 952 123', 'too-short'],
  ['95212345678', 'too-long'], // 11 digits starting with 9
  ['+7 952 123 45 678', 'too-long'],
  ['8 952 123 45 678', 'too-long'],
  ['+7 495 123-45-67', 'landline'], // Moscow
  ['8 (812) 123-45-67', 'landline'], // St Petersburg
  ['+7 343 123 45 67', 'landline'],
  ['8 800 555-35-35', 'toll-free'],
  ['+7 800 100-00-00', 'toll-free'],
  ['+7 701 123 45 67', 'kazakhstan'],
  ['8 (727) 123-45-67', 'kazakhstan'],
  ['+7 600 123 45 67', 'kazakhstan'],
  ['+375 29 123-45-67', 'foreign'], // Belarus
  ['+1 (202) 555-0143', 'foreign'], // US
  ['+44 20 7946 0958', 'foreign'],
  ['8 10 375 29 123 45 67', 'foreign'],
  ['+7 952 123-45-67 доб. 123', 'extension'],
  ['+7 952 123-45-67 ext. 5', 'extension'],
  ['tel:+79521234567;ext=12', 'extension'],
  ['89521234567 #12', 'extension'],
  ['+7 952 123-45-67 x12', 'extension'],
  ['abc', 'letters'],
  ['восемь девятьсот', 'letters'],
  ['+7 952 ABC-45-67', 'letters'],
  ['+7 952 123*45*67', 'letters'],
  ['++79521234567', 'letters'],
  ['+7 (200) 123-45-67', 'not-mobile'],
];

describe('phone rules', () => {
  it('has at least 60 table cases', () => {
    expect(CASES.length).to.be.at.least(60);
  });

  for (const [input, expected] of CASES) {
    const label = JSON.stringify(input);
    if (expected.startsWith('+')) {
      it(`accepts ${label}`, () => {
        const check = checkPhone(input);
        expect(check, label).to.deep.include({ ok: true, e164: expected });
      });
    } else {
      it(`rejects ${label} as ${expected}`, () => {
        expect(checkPhone(input), label).to.deep.equal({ ok: false, reason: expected });
      });
    }
  }

  it('gives each rejection reason a distinct case', () => {
    const reasons = new Set(CASES.map(([, e]) => e).filter((e) => !e.startsWith('+')));
    expect([...reasons].sort()).to.deep.equal(
      ['empty', 'extension', 'foreign', 'kazakhstan', 'landline', 'letters', 'not-mobile', 'too-long', 'too-short', 'toll-free'].sort(),
    );
  });

  it('displays the seeds\u2019 format, built from the national number', () => {
    expect(formatPhone(OK)).to.equal('+7 (952) 123-45-67');
    const check = checkPhone('8 952 123 45 67');
    expect(check.ok && check.display).to.equal('+7 (952) 123-45-67');
    expect(check.ok && check.national).to.equal('9521234567');
  });

  it('masks a number for screens such as «+7 *** ** *»', () => {
    expect(maskPhone(OK)).to.equal('+7 *** ***-**-67');
    expect(maskPhone('not a phone')).to.equal('+7 *** ** *');
    expect(maskPhone(OK)).not.to.contain('952');
  });

  it('normalises without losing letters that must be reported', () => {
    expect(normalizePhoneInput('\u200e＋７\u00a0９５２')).to.equal('+7 952');
    expect(normalizePhoneInput('٠١٢٣٤٥٦٧٨٩')).to.equal('0123456789');
    expect(normalizePhoneInput('abc')).to.equal('abc');
  });
});
