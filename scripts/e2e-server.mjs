#!/usr/bin/env node
// `npm run test:e2e:server`: the widgets against the real server (`demo:server`: createSferumHandler
// in Node, flows in a redis-server on loopback when one is installed), clicked through in Debian's
// Chromium with playwright-core as a person would: hosted VK ID in a popup (mock VK ID page → the
// callback page → linked), the same by redirect when popups are blocked, a refusal, and MAX (phone →
// pending → «Подключить» in the mock MAX → the contact → linked), with and without the deep link.
// Fails on any console or page error (a CSP or Trusted Types violation included). Screenshots go
// to e2e-results/server/. Ends with `N passed, N failed`.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { launchDemoServer } from './demo-server.mjs';
import { findRedisServer } from './redis.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'e2e-results/server');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const redis = Boolean(findRedisServer());
const server = await launchDemoServer({ redis });
console.log(`demo:server at ${server.url} (flows in ${redis ? 'Redis' : 'memory'})`);
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
const problems = [];
// The page runs under the project's CSP: a violation is a console error, and every console error fails.
let passed = 0;
let failed = 0;

async function scenario(name, fn, { blockPopups = false } = {}) {
  // A fresh context is a fresh journal session (a new user).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (blockPopups) await context.addInitScript(() => (window.open = () => null));
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
    page.on('console', (m) => {
      // Refusals (409) are answers the widgets expect; the browser still logs the status.
      if (m.type() !== 'error' || m.text().startsWith('Failed to load resource')) return;
      problems.push(`${name}: console: ${m.text()}`);
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

/** Clicks something that closes its own window (the popup's last click). */
async function clickClosing(popup, locator) {
  await Promise.all([
    popup.waitForEvent('close'),
    locator.click().catch((error) => {
      if (!popup.isClosed()) throw error;
    }),
  ]);
}

const panel = (page) => page.locator('.outside');
const linkedPhone = async (live, expected) => {
  await live.locator('[part=phone]').waitFor({ timeout: 20_000 });
  const shown = (await live.locator('[part=phone]').textContent()).replace(/\s+/g, ' ').trim();
  if (!shown.includes(expected)) throw new Error(`linked card shows «${shown}», expected «${expected}»`);
};

await scenario('hosted VK ID in a popup: mock VK ID page → callback page → linked', async (page) => {
  await page.goto(`${server.url}/`);
  const live = page.locator('#live');
  await live.getByRole('button', { name: 'Привязать учётную запись к Сферум' }).click();
  const [popup] = await Promise.all([page.waitForEvent('popup'), live.getByRole('button', { name: 'Войти через VK ID' }).click()]);
  await popup.getByRole('heading', { name: /запрашивает доступ/ }).waitFor();
  const authorize = new URL(popup.url());
  if (authorize.searchParams.get('code_challenge_method') !== 'S256' || !authorize.searchParams.get('code_challenge')) throw new Error('no PKCE in the authorize URL');
  await popup.screenshot({ path: join(out, 'mock-vkid-page.png') });
  await clickClosing(popup, popup.getByRole('link', { name: 'Разрешить' }));
  await linkedPhone(live, '+7 (952) 111-11-11');
  await page.locator('#chats').getByRole('link', { name: /Ёлочные игрушки/ }).waitFor();
  await page.screenshot({ path: join(out, 'vkid-linked.png'), fullPage: true });
  await live.getByRole('button', { name: 'Отвязать учётную запись' }).click();
  await live.getByRole('button', { name: 'Да' }).click();
  await live.getByRole('heading', { name: 'Авторизация в Сферум' }).waitFor();
});

await scenario('hosted VK ID by redirect (popups blocked): back to the page, which resumes the flow', async (page) => {
  await page.goto(`${server.url}/`);
  const live = page.locator('#live');
  await live.getByRole('button', { name: 'Привязать учётную запись к Сферум' }).click();
  await live.getByRole('button', { name: 'Войти через VK ID' }).click();
  await live.getByRole('button', { name: 'Открыть VK ID в этом окне' }).click();
  await page.getByRole('link', { name: 'Разрешить' }).click();
  await page.waitForURL(`${server.url}/`);
  await linkedPhone(page.locator('#live'), '+7 (952) 111-11-11');
  if (new URL(page.url()).search !== '') throw new Error(`the code stayed in the address bar: ${page.url()}`);
}, { blockPopups: true });

await scenario('hosted VK ID refused on the VK ID page → the widget says so', async (page) => {
  await page.goto(`${server.url}/`);
  const live = page.locator('#live');
  await live.getByRole('button', { name: 'Привязать учётную запись к Сферум' }).click();
  const [popup] = await Promise.all([page.waitForEvent('popup'), live.getByRole('button', { name: 'Войти через VK ID' }).click()]);
  await clickClosing(popup, popup.getByRole('link', { name: 'Отказаться' }));
  await live.getByText('Вход через VK ID не завершён').first().waitFor();
});

await scenario('MAX: phone → pending → «Подключить» and the contact in MAX → linked', async (page) => {
  await page.goto(`${server.url}/`);
  const live = page.locator('#live');
  await live.getByRole('button', { name: 'Привязать через MAX' }).click();
  await live.locator('input[name=phone]').fill('8 952 123 45 67');
  await live.getByRole('button', { name: 'Привязать учебный аккаунт Сферум' }).click();
  await live.getByText('Подтвердите привязку в MAX').waitFor();
  // The bot wrote to Семён (he has started it): nothing links until he answers.
  const messages = panel(page).locator('#max-messages');
  await messages.getByRole('button', { name: 'Подключить', exact: true }).waitFor();
  await page.screenshot({ path: join(out, 'max-pending-bot-message.png'), fullPage: true });
  if (await live.locator('[part=phone]').count()) throw new Error('linked before «Подключить»');
  await messages.getByRole('button', { name: 'Подключить', exact: true }).click();
  await messages.getByRole('button', { name: 'Отправить номер телефона' }).click();
  await linkedPhone(live, '+7 (952) 123-45-67');
});

await scenario('MAX with the deep link: a person who never started the bot opens it, then confirms', async (page) => {
  await page.goto(`${server.url}/`);
  const live = page.locator('#live');
  await panel(page).getByLabel('Кто в MAX').selectOption({ label: 'Анна Смирнова, +7 (952) 765-43-21 (бота не запускал)' });
  await live.getByRole('button', { name: 'Привязать через MAX' }).click();
  await live.locator('input[name=phone]').fill('+7 952 765-43-21');
  const [answer] = await Promise.all([
    page.waitForResponse((r) => /\/link\/flows\/[\w-]+\/steps\//.test(r.url()) && r.request().method() === 'POST'),
    live.getByRole('button', { name: 'Привязать учебный аккаунт Сферум' }).click(),
  ]);
  const deepLink = (await answer.json()).step.deepLink;
  if (!/^https:\/\/max\.ru\/sferum_mock_bot\?start=[\w-]{22}$/.test(deepLink ?? '')) throw new Error(`no deep link in the pending step: ${deepLink}`);
  await live.getByText('Подтвердите привязку в MAX').waitFor();
  const open = panel(page).getByRole('button', { name: 'Открыть ссылку из журнала в MAX' });
  await page.waitForFunction(() => !document.querySelector('#max-open').disabled);
  await open.click();
  const messages = panel(page).locator('#max-messages');
  await messages.getByRole('button', { name: 'Подключить', exact: true }).click();
  await messages.getByRole('button', { name: 'Отправить номер телефона' }).click();
  await linkedPhone(live, '+7 (952) 765-43-21');
});

await scenario('MAX «Не подключать» → the widget says the link was declined', async (page) => {
  await page.goto(`${server.url}/`);
  const live = page.locator('#live');
  await live.getByRole('button', { name: 'Привязать через MAX' }).click();
  await live.locator('input[name=phone]').fill('8 952 123 45 67');
  await live.getByRole('button', { name: 'Привязать учебный аккаунт Сферум' }).click();
  await live.getByText('Подтвердите привязку в MAX').waitFor();
  const messages = panel(page).locator('#max-messages');
  // Semyon's earlier messages are in the chat too: answer the newest.
  await messages.locator('li').last().getByRole('button', { name: 'Не подключать' }).click();
  await live.getByText('Привязка отклонена').first().waitFor({ timeout: 20_000 });
});

// Every linked flow was recorded by the journal exactly once.
const recorded = await (await fetch(`${server.url}/mock/recorded`)).json();
const counts = Object.values(recorded);
if (counts.length !== 4 || counts.some((n) => n !== 1)) problems.push(`recordLink calls per flow: ${JSON.stringify(counts)} (expected four flows, once each)`);

await browser.close();
await server.close();
for (const p of problems) console.log(`PROBLEM ${p}`);
if (problems.length) failed++;
console.log(`\ne2e (server): screenshots in e2e-results/server/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
