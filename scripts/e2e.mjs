#!/usr/bin/env node
// `npm run test:e2e`: the *built* demo (`npm run build:demo`) served from a sub-path on a local
// static server, clicked through by playwright-core in Debian's Chromium as a person would.
// Fails on any console error or page error. Screenshots go to e2e-results/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const site = join(root, 'dist-demo');
const out = join(root, 'e2e-results');
const BASE = '/sferum/';
// Screenshots of this run only (no stale failure pictures from an earlier one).
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '-s', 'build:demo'], { cwd: root, stdio: 'inherit' });
if (!existsSync(join(site, 'index.html'))) throw new Error('dist-demo is missing: run npm run build:demo');

const server = await serveStatic(site, { base: BASE });
const { origin } = server;

const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
const problems = [];
let passed = 0;
let failed = 0;

async function scenario(name, fn, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
    page.on('console', (m) => {
      // The fault scenarios of the gallery answer 4xx/5xx on purpose: those resource errors are expected.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`${name}: console: ${m.text()}`);
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  try {
    await fn(page);
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error.message.split('\n')[0]}`);
    await page.screenshot({ path: join(out, `failed-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
  } finally {
    await context.close();
  }
}

const url = (query) => `${origin}${BASE}?${query}`;

await scenario('VK ID hosted popup (MESH, with consent) links the account', async (page) => {
  await page.goto(url('scenario=vkid-hosted&vendor=mesh'));
  const live = page.locator('#live-link');
  await live.getByRole('button', { name: 'Перейти к подключению' }).click();
  const [popup] = await Promise.all([page.waitForEvent('popup'), live.getByRole('button', { name: 'Войти через VK ID' }).click()]);
  await popup.locator('input[name=login]').fill('+7 952 111-11-11');
  await popup.locator('input[name=login]').press('Enter');
  await popup.locator('input[name=password]').fill('Sferum-2024!');
  await popup.locator('input[name=password]').press('Enter');
  await popup.locator('input[name=code]').fill('123456');
  // The right code ends VK ID's part: the popup closes itself, possibly before the key press returns.
  await Promise.all([
    popup.waitForEvent('close'),
    popup.locator('input[name=code]').press('Enter').catch((error) => {
      if (!popup.isClosed()) throw error;
    }),
  ]);
  await live.locator('dialog[open]').waitFor();
  await page.screenshot({ path: join(out, 'desktop-mesh-consent.png') });
  await live.getByRole('button', { name: 'Привязать' }).click();
  await live.locator('[part=phone]').waitFor();
});

await scenario('VK ID embedded, variant 1 (BARS), with the keyboard', async (page) => {
  await page.goto(url('scenario=vkid-variant-1&vendor=bars'));
  const live = page.locator('#live-link');
  await live.getByRole('button', { name: 'Привязать учётную запись к Сферум' }).press('Enter');
  await live.locator('input[name=login]').fill('+7 952 111-11-11');
  await page.screenshot({ path: join(out, 'desktop-bars-vkid-login.png') });
  await live.locator('input[name=login]').press('Enter');
  await live.locator('input[name=password]').fill('Sferum-2024!');
  await live.locator('input[name=password]').press('Enter');
  await live.locator('input[name=code]').fill('123456');
  await live.locator('input[name=code]').press('Enter');
  await live.locator('input[type=radio]').first().check();
  await live.getByRole('button', { name: 'Продолжить в учебном профиле' }).click();
  await live.getByRole('button', { name: 'Продолжить' }).click();
  await live.locator('[part=phone]').waitFor();
});

await scenario('VK ID embedded, variant 2 (BARS): password, push code, «Создать учебный профиль»', async (page) => {
  await page.goto(url('scenario=vkid-variant-2&vendor=bars'));
  const live = page.locator('#live-link');
  await live.getByRole('button', { name: 'Привязать учётную запись к Сферум' }).click();
  await live.locator('input[name=login]').fill('+7 952 111-11-11');
  await live.locator('input[name=login]').press('Enter');
  await live.locator('input[name=password]').fill('Sferum-2024!');
  await live.locator('input[name=password]').press('Enter');
  await live.locator('input[name=code]').fill('123456');
  await live.locator('input[name=code]').press('Enter');
  await live.getByRole('button', { name: 'Создать учебный профиль' }).click();
  await live.getByRole('button', { name: 'Продолжить' }).click();
  await live.locator('[part=phone]').waitFor();
});

await scenario('VK ID embedded, variant 3 (MESH, no VK ID): about you typed, create profile, consent', async (page) => {
  await page.goto(url('scenario=vkid-variant-3&vendor=mesh'));
  const live = page.locator('#live-link');
  await live.getByRole('button', { name: 'Перейти к подключению' }).click();
  await live.locator('input[name=login]').fill('8 952 111 11 11');
  await live.locator('input[name=login]').press('Enter');
  await live.locator('input[name=code]').fill('123456');
  await live.locator('input[name=code]').press('Enter');
  for (const [name, value] of [['lastName', 'Иванова-Петрова'], ['firstName', 'Анна'], ['middleName', 'Сергеевна'], ['birthDate', '05.03.1985']]) {
    await live.locator(`input[name=${name}]`).fill('');
    await live.locator(`input[name=${name}]`).pressSequentially(value);
  }
  await live.locator('input[value=female]').check();
  await live.getByRole('button', { name: 'Продолжить' }).click();
  await live.getByRole('button', { name: 'Создать учебный профиль' }).click();
  await live.locator('dialog[open]').waitFor();
  await live.getByRole('button', { name: 'Привязать' }).click();
  await live.locator('[part=phone]').waitFor();
});

await scenario('MAX through the «Подключить» control of the outside world', async (page) => {
  await page.goto(url('scenario=unlinked&vendor=bars'));
  const live = page.locator('#live-link');
  await live.getByRole('button', { name: 'Привязать через MAX' }).click();
  await live.locator('input[name=phone]').fill('8 952 123 45 67');
  await live.getByRole('button', { name: 'Привязать учебный аккаунт Сферум' }).click();
  await live.getByText('Подтвердите привязку в MAX').waitFor();
  // Nothing happens until the person answers in MAX.
  await page.waitForTimeout(2500);
  if (await live.locator('[part=phone]').count()) throw new Error('linked before «Подключить» was pressed');
  await page.getByRole('button', { name: 'В MAX нажали «Подключить»' }).click();
  await live.locator('[part=phone]').waitFor({ timeout: 20_000 });
});

await scenario('journal pages: MESH navbar «Чаты Сферум», «Партнеры» → «Подключить», schedule «Подключиться»', async (page) => {
  await page.goto(url('scenario=vkid-variant-1&vendor=mesh'));
  const journal = page.locator('#journal');
  await journal.getByRole('button', { name: 'Чаты Сферум' }).click();
  await journal.locator('#mesh-chats').getByRole('heading', { name: 'Мессенджер не подключён' }).waitFor();
  await journal.locator('#mesh-chats').getByRole('button', { name: 'Перейти к подключению' }).waitFor();
  await journal.getByRole('button', { name: 'Чаты Сферум' }).click();
  await journal.getByRole('button', { name: 'Подключить', exact: true }).click();
  await journal.locator('#mesh-partner-widget input[name=login]').waitFor();
  await page.locator('#journal-frame').screenshot({ path: join(out, 'desktop-mesh-journal-partners.png') });
  const lesson = journal.locator('sferum-join[lesson-id="lesson-live"]').getByRole('link', { name: /Подключиться/ });
  if ((await lesson.getAttribute('href')) !== 'https://sferum.ru/call/vc-live') throw new Error('no live lesson link in the MESH schedule');
});

await scenario('journal pages: BARS desktop shortcut, Perm «Личные сообщения»', async (page) => {
  await page.goto(url('scenario=linked&vendor=bars'));
  await page.locator('#journal').getByRole('button', { name: 'Привязать аккаунт к Сферум' }).click();
  await page.locator('#journal sferum-hub').getByRole('tab', { name: 'Видеоконференции' }).waitFor();
  await page.locator('#journal-frame').screenshot({ path: join(out, 'desktop-bars-journal-section.png') });
  await page.goto(url('scenario=unlinked&vendor=perm&width=360'));
  await page.locator('#journal').getByRole('button', { name: 'Личные сообщения' }).click();
  await page.locator('#perm-messages').getByRole('button', { name: 'Привязать учебный профиль Сферум' }).waitFor();
  await page.locator('#journal-frame').screenshot({ path: join(out, 'phone-360-perm-journal-messages.png') });
}, { width: 420, height: 900 });

await scenario('gallery: every link step opens as a live tile', async (page) => {
  await page.goto(url('scenario=unlinked&vendor=bars'));
  await page.locator('sferum-link[storage-key]').first().waitFor();
  for (const name of ['login', 'password', 'code', 'choose-profile', 'create-profile', 'about-you', 'external', 'new-password', 'max-phone']) {
    const found = await page.waitForFunction(
      (name) => [...document.querySelectorAll('#gallery sferum-link')].some((l) => l.shadowRoot?.querySelector('sferum-link-flow')?.shadowRoot?.querySelector(`sferum-step-${name}`)),
      name,
      { timeout: 10_000 },
    );
    if (!found) throw new Error(`no tile at ${name}`);
  }
  await page.locator('#gallery').screenshot({ path: join(out, 'desktop-gallery.png') });
});

await scenario('MAX at phone width: phone, pending, confirmed', async (page) => {
  await page.goto(url('scenario=max-confirmed&vendor=bars&width=360'));
  const live = page.locator('#live-link');
  await live.getByRole('button', { name: 'Привязать через MAX' }).click();
  await live.locator('input[name=phone]').fill('8 495 123 45 67');
  await live.getByRole('button', { name: 'Привязать учебный аккаунт Сферум' }).click();
  await live.getByText('Это городской номер').waitFor();
  await live.locator('input[name=phone]').fill('8 952 123 45 67');
  await live.getByRole('button', { name: 'Привязать учебный аккаунт Сферум' }).click();
  await live.getByText('Подтвердите привязку в MAX').waitFor();
  await page.locator('#live-frame').screenshot({ path: join(out, 'phone-360-max-pending.png') });
  await live.locator('[part=phone]').waitFor({ timeout: 20_000 });
});

await scenario('unlink from the linked card (BARS)', async (page) => {
  await page.goto(url('scenario=linked&vendor=bars'));
  const live = page.locator('#live-link');
  await live.getByRole('button', { name: 'Отвязать учётную запись' }).click();
  await page.screenshot({ path: join(out, 'desktop-unlink-dialog.png') });
  await live.getByRole('button', { name: 'Да' }).click();
  await live.getByRole('heading', { name: 'Авторизация в Сферум' }).waitFor();
});

await scenario('the «Сферум» section: search the chats, join a live lesson from the schedule', async (page) => {
  await page.goto(url('scenario=linked&vendor=mesh'));
  const hub = page.locator('#hub');
  await hub.locator('input[type=search]').fill('ёлочные');
  await hub.getByRole('link', { name: /Ёлочные игрушки/ }).waitFor();
  await page.locator('#hub-frame').screenshot({ path: join(out, 'desktop-hub-chats-search.png') });
  const joinLink = page.locator('#hub-frame sferum-join[lesson-id="lesson-live"]').getByRole('link', { name: /Подключиться/ });
  if ((await joinLink.getAttribute('href')) !== 'https://sferum.ru/call/vc-live') throw new Error('no live lesson link');
  await hub.getByRole('tab', { name: 'Видеоконференции' }).click();
  await hub.getByRole('link', { name: /Перейти в видеоконференцию/ }).first().waitFor();
});

await scenario('English and dark mode', async (page) => {
  await page.goto(url('scenario=linked&vendor=perm&locale=en&theme=dark&width=360'));
  await page.locator('#live-link').getByRole('heading', { name: 'Journal account linked to Sferum' }).waitFor();
  await page.locator('#hub').getByRole('tab', { name: 'Chats' }).waitFor();
  await page.screenshot({ path: join(out, 'phone-360-perm-en-dark.png'), fullPage: true });
}, { width: 420, height: 900 });

await browser.close();
await server.close();
for (const p of problems) console.log(`PROBLEM ${p}`);
if (problems.length) failed++;
console.log(`\ne2e: screenshots in e2e-results/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
