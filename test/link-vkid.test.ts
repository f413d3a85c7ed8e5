import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MOCK_CREDENTIALS } from '../mocks/data.js';
import type { SferumLink } from '../src/components/link/sferum-link.js';
import '../src/define/sferum-link.js';
import { byText, click, field, fill, heading, linkedCard, press, shadow, step, storedEverything, textOf, type } from './flow-helpers.js';
import { scenario } from './mocks.js';

async function start(name: Parameters<typeof scenario>[0], vendor = 'bars') {
  sessionStorage.clear();
  const mock = await scenario(name, { vendor });
  const link = await fixture<SferumLink>(html`<sferum-link vendor=${vendor} .adapter=${mock.adapter}></sferum-link>`);
  await waitUntil(() => shadow(link).querySelector('h2'), 'entry not shown', { timeout: 5000 });
  return { ...mock, link };
}

async function begin(link: SferumLink, label: string) {
  const button = byText(link, 'button', label);
  button.focus();
  await press('Enter');
}

describe('<sferum-link> VK ID, embedded', () => {
  it('variant 1 (VK ID and a profile) end to end, with the keyboard alone', async () => {
    const { link, backend } = await start('vkid-variant-1');
    await begin(link, 'Привязать учётную запись к Сферум');

    let s = await step(link, 'sferum-step-login');
    expect(heading(s)).to.equal('Вход в VK ID');
    expect(textOf(wizard(link))).to.contain('С сервисом «БАРС.Электронная школа» можно связать свой учебный профиль');
    expect(textOf(s)).to.contain('Нажимая «Продолжить», вы принимаете пользовательское соглашение и политику конфиденциальности.');
    expect(shadow(s).activeElement, 'focus moves to the step heading').to.equal(shadow(s).querySelector('h2'));
    await expect(link).to.be.accessible();
    await fill(s, 'login', MOCK_CREDENTIALS.phone);

    s = await step(link, 'sferum-step-password');
    expect(heading(s)).to.equal('Введите пароль');
    // The backend sends «+7 952 111-11-11»: shown in the kit's one format, on one line.
    expect(textOf(s)).to.contain('Введите ваш текущий пароль, привязанный к номеру +7 (952) 111-11-11.');
    expect(field(s, 'password').type).to.equal('password');
    await expect(link).to.be.accessible();
    await fill(s, 'password', MOCK_CREDENTIALS.password);

    s = await step(link, 'sferum-step-code');
    expect(heading(s)).to.equal('Подтвердите вход');
    expect(field(s, 'code').autocomplete).to.equal('one-time-code');
    await expect(link).to.be.accessible();
    await fill(s, 'code', MOCK_CREDENTIALS.smsCode);

    s = await step(link, 'sferum-step-choose-profile');
    expect(heading(s)).to.equal('Выберите профиль для связки');
    await expect(link).to.be.accessible();
    shadow(s).querySelector<HTMLInputElement>('input[type=radio]')!.focus();
    await press('Space');
    byText(s, 'button', 'Продолжить в учебном профиле').focus();
    await press('Enter');

    s = await step(link, 'sferum-step-about-you');
    expect(heading(s)).to.equal('Информация о себе');
    expect(field(s, 'lastName').value).to.equal('Власенков');
    expect(field(s, 'birthDate').value).to.equal('12.12.1978');
    await expect(link).to.be.accessible();
    const changed = oneEvent(link, 'sferum-link-status-change');
    byText(s, 'button', 'Продолжить').focus();
    await press('Enter');

    await linkedCard(link);
    expect((await changed).detail).to.deep.equal({ state: 'linked', method: 'vkid' });
    expect(shadow(link).activeElement?.id).to.equal('title');
    expect(backend.requests.filter((r) => r.startsWith('POST')).length).to.equal(6);
    const stored = storedEverything();
    for (const secret of [MOCK_CREDENTIALS.password, MOCK_CREDENTIALS.smsCode, '9521111111', '111-11-11', 'mock-authorization']) expect(stored).not.to.contain(secret);
  });
});

function wizard(link: SferumLink) {
  return shadow(link).querySelector('sferum-link-flow')!;
}

async function continueWith(s: HTMLElement, label = 'Продолжить') {
  await click(byText(s, 'button', label));
}

describe('<sferum-link> VK ID, other variants', () => {
  it('variant 2 (VK ID, no profile): password, push code, «Создать учебный профиль», about you', async () => {
    const { link } = await start('vkid-variant-2');
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    await fill(await step(link, 'sferum-step-password'), 'password', MOCK_CREDENTIALS.password);
    let s = await step(link, 'sferum-step-code');
    expect(textOf(s)).to.contain('Мы отправили push-уведомление с кодом на ваше устройство.');
    expect(textOf(s)).to.contain('Подтвердить другим способом');
    expect(textOf(s)).to.contain('Войти при помощи пароля');
    await fill(s, 'code', MOCK_CREDENTIALS.smsCode);
    s = await step(link, 'sferum-step-create-profile');
    expect(heading(s)).to.equal('Создайте учебный профиль');
    expect(textOf(s)).to.contain('Ваш учебный профиль будет связан с аккаунтом VK ID.');
    expect(textOf(s)).to.match(/\+7 \*\*\* \*\*\*-\*\*-11/);
    await expect(link).to.be.accessible();
    await continueWith(s, 'Создать учебный профиль');
    s = await step(link, 'sferum-step-about-you');
    expect(field(s, 'firstName').value).to.equal('Иван');
    await continueWith(s);
    await linkedCard(link);
  });

  it('variant 3 (no VK ID) on MESH: code, about you typed in full, create profile, the consent dialog «Привязать»', async () => {
    const { link } = await start('vkid-variant-3', 'mesh');
    await click(byText(link, 'button', 'Перейти к подключению'));
    let s = await step(link, 'sferum-step-login');
    expect(textOf(wizard(link))).to.contain('С сервисом «МЭШ.ВКС» можно связать свой учебный профиль');
    await fill(s, 'login', '8 952 111 11 11');
    await fill(await step(link, 'sferum-step-code'), 'code', MOCK_CREDENTIALS.smsCode);
    s = await step(link, 'sferum-step-about-you');
    expect(field(s, 'lastName').value).to.equal('');
    await type(field(s, 'lastName'), 'Иванова-Петрова');
    await type(field(s, 'firstName'), 'Анна');
    await type(field(s, 'middleName'), 'Сергеевна');
    await type(field(s, 'birthDate'), '05.03.1985');
    await click(shadow(s).querySelector<HTMLInputElement>('input[value="female"]')!);
    await continueWith(s);
    s = await step(link, 'sferum-step-create-profile');
    await continueWith(s, 'Создать учебный профиль');
    s = await step(link, 'sferum-step-consent');
    const dialog = shadow(s).querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the consent dialog did not open');
    expect(textOf(s)).to.contain('Добавление профиля Сферум');
    expect(textOf(s)).to.contain('Вы действительно хотите привязать учебный профиль Сферум к вашей учётной записи?');
    expect(shadow(s).activeElement?.textContent).to.contain('Привязать');
    await expect(link).to.be.accessible();
    await press('Enter');
    await linkedCard(link);
  });

  it('MESH consent «Отмена» returns to the entry', async () => {
    const { link, backend } = await start('vkid-known-session', 'mesh');
    await click(byText(link, 'button', 'Перейти к подключению'));
    await continueWith(await step(link, 'sferum-step-known-account'));
    await continueWith(await step(link, 'sferum-step-about-you'));
    const s = await step(link, 'sferum-step-consent');
    await waitUntil(() => shadow(s).querySelector('dialog')!.open);
    await press('Escape');
    await waitUntil(() => !shadow(link).querySelector('sferum-link-flow'), 'still in the flow');
    expect(shadow(link).querySelector('h2')!.textContent).to.equal('Мессенджер не подключён');
    await waitUntil(() => backend.requests.some((r) => r.startsWith('DELETE /api/sferum/link/flows/')), 'the flow was not cancelled');
  });

  it('known browser session: «Ваш профиль для связки», and «Войти в другой аккаунт» goes to the login', async () => {
    const { link } = await start('vkid-known-session');
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    let s = await step(link, 'sferum-step-known-account');
    expect(heading(s)).to.equal('Ваш профиль для связки');
    expect(textOf(s)).to.contain('Семён Власенков');
    await expect(link).to.be.accessible();
    await continueWith(s, 'Войти в другой аккаунт');
    s = await step(link, 'sferum-step-login');
    expect(heading(s)).to.equal('Вход в VK ID');
    await fill(s, 'login', MOCK_CREDENTIALS.phone);
    await step(link, 'sferum-step-password');
  });

  it('«←» goes back a step, keeping the login that was typed', async () => {
    const { link } = await start('vkid-variant-1');
    await click(byText(link, 'button', 'Привязать учётную запись к Сферум'));
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    const s = await step(link, 'sferum-step-password');
    await click(shadow(s).querySelector<HTMLElement>('button.back')!);
    await step(link, 'sferum-step-login');
  });
});

describe('<sferum-link> VK ID password recovery (seed 003)', () => {
  it('phone → SMS code → account → method → e-mail code → new password → back to login', async () => {
    const { link } = await start('vkid-recovery', 'mesh');
    await click(byText(link, 'button', 'Перейти к подключению'));
    await fill(await step(link, 'sferum-step-login'), 'login', MOCK_CREDENTIALS.phone);
    let s = await step(link, 'sferum-step-password');
    await click(byText(s, 'button', 'Забыли или не установили пароль?'));
    s = await step(link, 'sferum-step-recovery-phone');
    await expect(link).to.be.accessible();
    await fill(s, 'phone', MOCK_CREDENTIALS.phone);
    s = await step(link, 'sferum-step-code');
    await fill(s, 'code', MOCK_CREDENTIALS.smsCode);
    s = await step(link, 'sferum-step-recovery-account');
    expect(heading(s)).to.equal('Проверьте, правильный ли выбран аккаунт');
    await expect(link).to.be.accessible();
    await continueWith(s);
    s = await step(link, 'sferum-step-recovery-method');
    expect(heading(s)).to.equal('Как вы хотите подтвердить, что аккаунт принадлежит вам?');
    expect(textOf(s)).to.contain('С помощью приложения-генератора кодов');
    expect(textOf(s)).to.contain('Мы отправим код на почту ka***@mail.ru');
    expect(textOf(s)).to.contain('С помощью друзей, которым доверяете');
    await expect(link).to.be.accessible();
    // The ways are cards over native radios, then one «Продолжить».
    await continueWith(s);
    await waitUntil(() => textOf(s).includes('Выберите способ подтверждения.'), 'no message for no choice');
    await click(byText(s, 'label', 'С помощью электронной почты'));
    expect(shadow(s).querySelector<HTMLInputElement>('input[value="email"]')!.checked).to.equal(true);
    await expect(link).to.be.accessible();
    await continueWith(s);
    s = await step(link, 'sferum-step-code');
    expect(heading(s)).to.equal('Введите код из письма');
    expect(textOf(s)).to.contain('Мы отправили код на почту ka***@mail.ru');
    expect(textOf(s)).to.match(/Отправить код повторно через 4:5\d/);
    expect(textOf(s)).to.contain('У меня нет доступа к почте');
    await fill(s, 'code', MOCK_CREDENTIALS.emailCode);
    s = await step(link, 'sferum-step-new-password');
    expect(textOf(s)).to.contain('Минимум 8 символов — заглавные и строчные буквы');
    expect(textOf(s)).to.contain('Выйти на всех устройствах, кроме этого');
    await expect(link).to.be.accessible();
    await type(field(s, 'password'), 'short');
    await type(field(s, 'repeat'), 'other');
    await press('Enter');
    await waitUntil(() => textOf(s).includes('Пароль не подходит'), 'no rule message');
    expect(textOf(s)).to.contain('Пароли не совпадают.');
    expect(field(s, 'password').value, 'what was typed stays').to.equal('short');
    await expect(link).to.be.accessible();
    field(s, 'password').select();
    await type(field(s, 'password'), MOCK_CREDENTIALS.newPassword);
    field(s, 'repeat').select();
    await type(field(s, 'repeat'), MOCK_CREDENTIALS.newPassword);
    await click(field(s, 'logoutOthers'));
    await press('Enter');
    s = await step(link, 'sferum-step-login');
    expect(heading(s)).to.equal('Вход в VK ID');
    expect(storedEverything()).not.to.contain(MOCK_CREDENTIALS.newPassword);
  });
});
