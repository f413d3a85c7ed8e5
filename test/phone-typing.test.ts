// The phone field formats a Russian mobile number as it is typed (issue 11, item 6): the pure
// function with many cases, then the field itself driven by real keys.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { formatAsTyped } from '../src/components/link/steps/phone-typing.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import { checkPhone } from '../src/phone/phone.js';
import '../src/define/sferum-link.js';
import { byText, click, press, shadow, step } from './flow-helpers.js';
import { scenario } from './mocks.js';

/** Types `text` one character at a time into an empty field, as the browser would (caret at the end). */
function typeAll(text: string): string {
  let value = '';
  for (const ch of text) {
    const raw = value + ch;
    value = formatAsTyped(raw, raw.length, value, 'insertText').value;
  }
  return value;
}

describe('formatAsTyped', () => {
  const table: [string, string][] = [
    ['89521234567', '+7 (952) 123-45-67'],
    ['79521234567', '+7 (952) 123-45-67'],
    ['+79521234567', '+7 (952) 123-45-67'],
    ['9521234567', '+7 (952) 123-45-67'],
    ['8 952 123 45 67', '+7 (952) 123-45-67'],
    ['+7 (952) 123-45-67', '+7 (952) 123-45-67'],
    ['895', '+7 (95'],
    ['8952', '+7 (952'],
    ['89521', '+7 (952) 1'],
    ['8952123', '+7 (952) 123'],
    ['89521234', '+7 (952) 123-4'],
    ['895212345', '+7 (952) 123-45'],
    ['8952123456', '+7 (952) 123-45-6'],
    ['8', '8'],
    ['7', '7'],
    ['+', '+'],
    ['+7', '+7'],
    ['+7 7', '+7 (7'],
    // Left as typed, for the phone rules to judge: not plainly a Russian mobile, or too long.
    ['8 800 555 35 35', '8 800 555 35 35'],
    ['8 495 123-45-67', '8 495 123-45-67'],
    ['+375 29 123 45 67', '+375 29 123 45 67'],
    // Past ten national digits nothing is reformatted: the extra digits stay where they were typed.
    ['89521234567890', '+7 (952) 123-45-67890'],
    ['Телефон: +7 952 123-45-67', 'Телефон: +7 952 123-45-67'],
    ['tel:+79521234567', 'tel:+79521234567'],
    // Formatted until a letter comes, then left alone (the rules then name the extension).
    ['+7 952 123-45-67 доб. 12', '+7 (952) 123-45-67доб. 12'],
    ['８９５２１２３４５６７', '８９５２１２３４５６７'],
  ];
  for (const [typed, shown] of table) {
    it(`«${typed}» → «${shown}»`, () => {
      expect(typeAll(typed)).to.equal(shown);
    });
  }

  it('a pasted or typed number keeps the phone rules\u2019 verdict', () => {
    for (const raw of ['89521234567', '952 123 45', '+7 701 123 45 67', '+7 952 123-45-678', '79521234567', '+7 952 123-45-67 доб. 12']) {
      const formatted = typeAll(raw);
      const [a, b] = [checkPhone(raw), checkPhone(formatted)];
      expect(b.ok ? b.e164 : b.reason, raw).to.equal(a.ok ? a.e164 : a.reason);
    }
    // «8 952…» one digit short reads as what the person meant: a mobile number missing a digit.
    const short = checkPhone(typeAll('8952123456'));
    expect(short.ok ? short.e164 : short.reason).to.equal('too-short');
  });

  it('keeps the caret after the digit it followed', () => {
    // A digit typed in the middle: «+7 (952) 1|23-45» + 9.
    const result = formatAsTyped('+7 (952) 1923-45', '+7 (952) 19'.length, '+7 (952) 123-45', 'insertText');
    expect(result.value).to.equal('+7 (952) 192-34-5');
    expect(result.value.slice(0, result.caret)).to.equal('+7 (952) 19');
    // The caret before the first national digit stays there.
    const start = formatAsTyped('8952', 1);
    expect(start.value.slice(0, start.caret)).to.equal('+7 (');
  });

  it('Backspace on a separator removes the digit before it; Delete the digit after it', () => {
    const shown = '+7 (952) 123-45-67';
    // Caret after «-» between 123 and 45; Backspace deleted the «-».
    const back = formatAsTyped('+7 (952) 12345-67', '+7 (952) 123'.length, shown, 'deleteContentBackward');
    expect(back.value).to.equal('+7 (952) 124-56-7');
    expect(back.value.slice(0, back.caret)).to.equal('+7 (952) 12');
    // Caret before «)»; Delete removed it: the next digit goes.
    const forward = formatAsTyped('+7 (952 123-45-67', '+7 (952'.length, shown, 'deleteContentForward');
    expect(forward.value).to.equal('+7 (952) 234-56-7');
    expect(forward.value.slice(0, forward.caret)).to.equal('+7 (952');
  });
});

describe('the phone field, typed into', () => {
  async function phoneField() {
    sessionStorage.clear();
    const mock = await scenario('max-confirmed', { vendor: 'bars' });
    const link = await fixture<SferumLink>(html`<sferum-link vendor="bars" .adapter=${mock.adapter}></sferum-link>`);
    await waitUntil(() => shadow(link).querySelector('h2'), 'entry not shown', { timeout: 5000 });
    await click(byText(link, 'button', 'Привязать через MAX'));
    const s = await step(link, 'sferum-step-max-phone');
    const input = shadow(s).querySelector<HTMLInputElement>('[name="phone"]')!;
    input.focus();
    return { link, input, s, backend: mock.backend };
  }

  it('formats digit by digit, edits in the middle keep the caret, Backspace passes separators; the number is sent as E.164', async () => {
    const { input, link, backend } = await phoneField();
    const seen: string[] = [];
    for (const ch of '89521234567') {
      await sendKeys({ type: ch });
      seen.push(input.value);
    }
    expect(seen).to.deep.equal([
      '8',
      '+7 (9',
      '+7 (95',
      '+7 (952',
      '+7 (952) 1',
      '+7 (952) 12',
      '+7 (952) 123',
      '+7 (952) 123-4',
      '+7 (952) 123-45',
      '+7 (952) 123-45-6',
      '+7 (952) 123-45-67',
    ]);
    // Five keys left: «+7 (952) 123-4|5-67»; Backspace twice removes «4» and «3», not the «-».
    for (let i = 0; i < 4; i++) await press('ArrowLeft');
    expect(input.value.slice(0, input.selectionStart!)).to.equal('+7 (952) 123-4');
    await press('Backspace');
    expect(input.value).to.equal('+7 (952) 123-56-7');
    expect(input.value.slice(0, input.selectionStart!)).to.equal('+7 (952) 123');
    await press('Backspace');
    expect(input.value).to.equal('+7 (952) 125-67');
    expect(input.value.slice(0, input.selectionStart!)).to.equal('+7 (952) 12');
    await sendKeys({ type: '34' });
    expect(input.value).to.equal('+7 (952) 123-45-67');
    expect(input.value.slice(0, input.selectionStart!)).to.equal('+7 (952) 123-4');
    await press('Enter');
    await step(link, 'sferum-step-max-pending');
    expect(backend.requests.filter((r) => r.startsWith('POST') && r.includes('/steps/'))).to.have.length(1);
  });

  it('a Kazakhstan number is formatted but refused with its own message; what was typed stays', async () => {
    const { input, s } = await phoneField();
    await sendKeys({ type: '+77011234567' });
    expect(input.value).to.equal('+7 (701) 123-45-67');
    await press('Enter');
    await waitUntil(() => shadow(s).querySelector('#f-phone-error')?.textContent?.includes('Это номер Казахстана'));
    expect(input.value).to.equal('+7 (701) 123-45-67');
  });
});
