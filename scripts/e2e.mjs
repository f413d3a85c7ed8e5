#!/usr/bin/env node
// `npm run test:e2e`: the *built* demo (`npm run build:demo`) served from a sub-path on a local
// static server, clicked through by playwright-core in Debian's Chromium as a person would.
// Fails on any console error or page error. Screenshots go to e2e-results/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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
/**
 * The policy of README's «Content Security Policy», plus what the demo's mock backend needs: MSW's
 * worker (a `default` Trusted Types policy that lets exactly its URL through, demo/main.ts).
 */
const DEMO_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; worker-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html default";
const strictServer = await serveStatic(site, { base: BASE, headers: (path) => (path.endsWith('/') || path.endsWith('.html') ? { 'Content-Security-Policy': DEMO_CSP } : {}) });
// axe-core comes with @open-wc/testing (chai-a11y-axe); it is evaluated in the page, as the browser tests do.
const axeSource = readFileSync(createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
const problems = [];
let passed = 0;
let failed = 0;

// `--only=word,word`: only the scenarios whose name contains one of the words (while working on one).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

async function scenario(name, fn, viewport = { width: 1280, height: 900 }) {
  if (only && !only.some((word) => name.includes(word))) return;
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
    // A page check lists what it found, one line each; playwright's own errors end in a long call log.
    const lines = error.message.split('\n');
    console.log(`FAIL ${name}: ${error.findings ? lines.join('\n     ') : [lines[0], ...lines.filter((l) => l.includes('waiting for')).slice(0, 1)].join(' — ')}`);
    await page.screenshot({ path: join(out, `failed-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
  } finally {
    await context.close();
  }
}

const url = (query) => `${origin}${BASE}?${query}`;

/** Fails a page check with everything it found. */
function findings(title, found) {
  if (found.length === 0) return;
  const error = new Error(`${title}:\n${found.join('\n')}`);
  error.findings = true;
  throw error;
}

/** The demo page once every tile has loaded (the 10,000-row chats included) and the network is quiet. */
async function settled(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('#gallery-many-chats sferum-chats')?.shadowRoot?.querySelector('[role="table"]'), null, { timeout: 30_000 });
  // Fault tiles retry with backoff before they show their error: wait for the spinners to go (the «loading» tiles spin for ever).
  await page
    .waitForFunction(
      () => {
        const spinning = (root) =>
          [...root.querySelectorAll('*')].some((el) => (el.classList.contains('spinner') && el.getBoundingClientRect().width > 0 && !el.closest('figure[data-scenario="loading"]')) || (el.shadowRoot && spinning(el.shadowRoot)));
        return ![...document.querySelectorAll('main sferum-link, main sferum-chats, main sferum-vcs, main sferum-join, main sferum-hub')].some(
          (el) => !el.closest('figure[data-scenario="loading"], figure[data-scenario="pending"], figure[data-scenario^="max-"]') && el.shadowRoot && spinning(el.shadowRoot),
        );
      },
      null,
      { timeout: 30_000, polling: 500 },
    )
    .catch(() => undefined);
}

/** axe over the whole document (the demo's own chrome and every widget's shadow tree). */
async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
  });
}

/** What of each gallery tile's widget sticks out of the tile, or is cut / scrolls sideways inside it. */
function tileOverflow(page) {
  return page.evaluate(() => {
    const problems = [];
    const describe = (el) => `${el.localName}${el.getAttribute('class') ? `.${el.getAttribute('class').trim().split(/\s+/).join('.')}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`;
    const parentOf = (n) => n.parentElement ?? (n.parentNode instanceof ShadowRoot ? n.parentNode.host : null);
    for (const tile of document.querySelectorAll('#gallery figure.tile')) {
      const host = [...tile.children].find((c) => c.localName.startsWith('sferum-'));
      if (!host) continue;
      const limit = tile.getBoundingClientRect().right + 1;
      const title = tile.querySelector('h4').textContent;
      if (host.getBoundingClientRect().right > limit) problems.push(`${title}: <${host.localName}> is wider than its tile`);
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          // Visually hidden text (1 px, clipped) is for screen readers.
          if (r.width > 1 && r.height > 1) {
            let right = r.right;
            for (let a = parentOf(el); a && a !== tile; a = parentOf(a)) if (getComputedStyle(a).overflowX !== 'visible') right = Math.min(right, a.getBoundingClientRect().right);
            if (right > limit) problems.push(`${title}: ${describe(el)} ends ${Math.round(right - limit)} px outside the tile`);
            if (getComputedStyle(el).overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) problems.push(`${title}: ${describe(el)} cuts or scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px)`);
          }
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      if (host.shadowRoot) walk(host.shadowRoot);
    }
    return problems;
  });
}

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
  await live.getByText('Это городской номер').first().waitFor();
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

await scenario('demo page at 360 px: no horizontal scroll, every tile\u2019s widget within its tile, axe finds nothing', async (page) => {
  await page.goto(url('scenario=unlinked&vendor=bars'));
  await settled(page);
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
  if (width.page > width.view) {
    // What sticks out, in the page and inside the widgets (their shadow trees).
    const wide = await page.evaluate((view) => {
      const found = [];
      const parentOf = (n) => n.parentElement ?? (n.parentNode instanceof ShadowRoot ? n.parentNode.host : null);
      // Where an element really ends: a scrolling or clipping ancestor cuts it (the page does not scroll for it).
      const visibleRight = (el) => {
        let right = el.getBoundingClientRect().right;
        for (let a = parentOf(el); a; a = parentOf(a)) if (getComputedStyle(a).overflowX !== 'visible') right = Math.min(right, a.getBoundingClientRect().right);
        return right;
      };
      const walk = (root, tile, inside) => {
        for (const el of root.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width > 1 && visibleRight(el) > view + 1) found.push({ tile, inside, what: `${el.localName}${el.id ? `#${el.id}` : ''}.${el.getAttribute('class') ?? ''} ends at ${Math.round(r.right)}` });
          if (el.shadowRoot) walk(el.shadowRoot, tile ?? el.closest('figure')?.dataset.scenario, inside ?? el.localName);
        }
      };
      walk(document.body);
      return found;
    }, width.view);
    findings(
      `the page is ${width.page} px wide at ${width.view} px`,
      wide.slice(0, 20).map((found) => `${found.what}${found.inside ? ` (inside <${found.inside}>${found.tile ? `, tile «${found.tile}»` : ''})` : ''}`),
    );
  }
  const outside = await tileOverflow(page);
  findings('widgets outside their tiles', outside);
  findings('axe at 360 px', await axe(page));
  // The header scrolls away with the page: it never covers the widget.
  const header = await page.evaluate(() => getComputedStyle(document.querySelector('header')).position);
  if (header === 'sticky' || header === 'fixed') throw new Error(`the header is ${header}`);
}, { width: 360, height: 740 });

await scenario('demo page at 1280 px: axe finds nothing over the whole page; the live widget is on the first screen', async (page) => {
  await page.goto(url('scenario=linked&vendor=mesh'));
  await settled(page);
  const top = await page.locator('#live-link').evaluate((el) => el.getBoundingClientRect().top);
  if (top > 450) throw new Error(`the live widget starts at ${Math.round(top)} px`);
  findings('axe at 1280 px', await axe(page));
}, { width: 1280, height: 740 });

await scenario('demo page in English and dark at 360 px: axe finds nothing; the demo\u2019s own words are English', async (page) => {
  await page.goto(url('scenario=unlinked&vendor=perm&locale=en&theme=dark'));
  await settled(page);
  findings('axe, English, dark', await axe(page));
  // Cyrillic in the demo's own text only where it quotes a Russian name («…», “…”) or is marked lang="ru".
  const russian = await page.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, [lang="ru"]')) continue;
      const text = node.textContent.replace(/«[^»]*»|“[^”]*”/g, '');
      if (/[А-Яа-яЁё]/.test(text)) found.push(`${el.localName}: ${node.textContent.trim().slice(0, 60)}`);
    }
    return found;
  });
  findings('Russian left in the English demo', russian);
  await page.getByText('Test data', { exact: true }).click();
  await page.getByText(/^Sferum-2024!$/).waitFor();
}, { width: 360, height: 740 });

await scenario('theming: every token\u2019s example visibly changes its element', async (page) => {
  await page.goto(url('scenario=unlinked&vendor=bars'));
  await settled(page);
  const samples = await page.locator('#theming [data-token-example]').elementHandles();
  if (samples.length < 15) throw new Error(`only ${samples.length} token examples`);
  const same = [];
  for (const sample of samples) {
    const token = await sample.getAttribute('data-token-example');
    await sample.scrollIntoViewIfNeeded();
    // The focus ring shows only on keyboard focus: put it on the example's control first.
    if (token === '--sferum-color-focus') await sample.evaluate((el) => el.shadowRoot.querySelector('a, button').focus());
    const withToken = await sample.screenshot();
    // The example's stylesheet rule matches [data-token-example]: without it, the element has its defaults.
    await sample.evaluate((el) => el.removeAttribute('data-token-example'));
    await page.waitForTimeout(50);
    const without = await sample.screenshot();
    await sample.evaluate((el, name) => el.setAttribute('data-token-example', name), token);
    if (withToken.equals(without)) same.push(token);
  }
  findings('no visible change', same);
});

await scenario('the demo runs under a strict CSP (README\u2019s policy, plus MSW\u2019s worker): no violation while linking', async (page) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto(`${strictServer.origin}${BASE}?scenario=vkid-variant-1&vendor=bars`);
  const live = page.locator('#live-link');
  await live.getByRole('button', { name: 'Привязать учётную запись к Сферум' }).click();
  await live.locator('input[name=login]').fill('+7 952 111-11-11');
  await live.locator('input[name=login]').press('Enter');
  await live.locator('input[name=password]').fill('Sferum-2024!');
  await live.locator('input[name=password]').press('Enter');
  await live.locator('input[name=code]').waitFor();
  await page.selectOption('select[name=locale]', 'en');
  await page.locator('#theming [data-token-example]').first().waitFor();
  await page.waitForLoadState('networkidle');
  const violations = await page.evaluate(() => window.cspViolations);
  findings('CSP violations', violations);
  const header = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  if (!header?.includes("require-trusted-types-for 'script'")) throw new Error('the page was not served with the policy');
});

await browser.close();
await server.close();
await strictServer.close();
for (const p of problems) console.log(`PROBLEM ${p}`);
if (problems.length) failed++;
console.log(`\ne2e: screenshots in e2e-results/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
