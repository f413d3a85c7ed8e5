#!/usr/bin/env node
// `npm run screenshots`: the built demo, every gallery tile, the live widget, the hub (each tab), the
// journal sketch with each of its popovers and panels open, the header with its panels open, and each
// theming example, at 360 and 1280 px, light and dark, per vendor, into screenshots/ (git-ignored), to
// be looked at as a designer would.
//
//   npm run screenshots                         all vendors, themes and widths
//   npm run screenshots -- --vendor=mesh --theme=dark --width=360 --only=chats --no-build
//
// `--only` keeps the shots whose name contains any of the comma-separated words.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const site = join(root, 'dist-demo');
const out = join(root, 'screenshots');
const BASE = '/sferum/';

const option = (name, all) => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3).split(',') : all;
};
const vendors = option('vendor', ['bars', 'mesh', 'perm']);
const themes = option('theme', ['light', 'dark']);
const widths = option('width', ['360', '1280']).map(Number);
const only = option('only', []);
const locale = option('locale', ['ru'])[0];

if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '-s', 'build:demo'], { cwd: root, stdio: 'inherit' });
if (!existsSync(join(site, 'index.html'))) throw new Error('dist-demo is missing: run npm run build:demo');
if (only.length === 0) rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const server = await serveStatic(site, { base: BASE });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9а-яё]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
const wanted = (name) => only.length === 0 || only.some((word) => name.includes(word));
let count = 0;

/** The page once the network is quiet and every element but the ever-loading ones has stopped spinning. */
async function settled(page) {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(
      () => {
        const spinning = (root) => [...root.querySelectorAll('*')].some((el) => (el.classList.contains('spinner') && el.getBoundingClientRect().width > 0) || (el.shadowRoot && spinning(el.shadowRoot)));
        return ![...document.querySelectorAll('main sferum-link, main sferum-chats, main sferum-vcs, main sferum-join, main sferum-hub')].some(
          (el) => !el.closest('figure[data-scenario="loading"], figure[data-scenario="pending"], figure[data-scenario^="max-"]') && el.shadowRoot && spinning(el.shadowRoot),
        );
      },
      null,
      { timeout: 30_000, polling: 500 },
    )
    .catch(() => console.warn('some elements still spin after 30 s (a loaded machine?)'));
}

for (const vendor of vendors) {
  for (const theme of themes) {
    for (const width of widths) {
      const dir = join(out, `${vendor}-${theme}-${width}`);
      mkdirSync(dir, { recursive: true });
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(`${server.origin}${BASE}?vendor=${vendor}&theme=${theme}&locale=${locale}&scenario=unlinked`);
      await settled(page);
      const shoot = async (name, locator) => {
        if (!wanted(name)) return;
        await locator.scrollIntoViewIfNeeded().catch(() => undefined);
        await locator.screenshot({ path: join(dir, `${name}.png`) }).catch((error) => console.warn(`${vendor}-${theme}-${width} ${name}: ${error.message.split('\n')[0]}`));
        count++;
      };
      /** Clicks as a person does (a disclosure, a tab), waits for what it opens to answer, then shoots. */
      const after = async (name, click, locator) => {
        if (!wanted(name)) return;
        await click.scrollIntoViewIfNeeded().catch(() => undefined);
        await click.click().catch((error) => console.warn(`${vendor}-${theme}-${width} ${name}: ${error.message.split('\n')[0]}`));
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(600);
        await shoot(name, locator);
      };
      if (wanted('page')) {
        await page.screenshot({ path: join(dir, 'page-top.png') });
        await page.screenshot({ path: join(dir, 'page-full.png'), fullPage: true });
        count += 2;
      }
      await shoot('header', page.locator('header'));
      // On a phone the header's panels start closed: open them.
      for (const panel of ['#test-data-panel', '#world-panel']) {
        if (!(await page.locator(panel).evaluate((el) => el.open))) await page.locator(`${panel} > summary`).click();
      }
      await shoot('header-open', page.locator('header'));
      await shoot('live', page.locator('#live-frame'));
      await shoot('journal', page.locator('#journal-frame'));
      // The journal's own ways in: BARS's desktop shortcut, MESH's navbar popover and «Партнеры», Perm's popover.
      const journal = page.locator('#journal');
      if (vendor === 'mesh') {
        await after('journal-popover', journal.locator('button.nav-icon'), page.locator('#journal-frame'));
        await journal.locator('button.nav-icon').click();
        await after('journal-partners', journal.locator('.partner .j-button'), page.locator('#journal-frame'));
      } else if (vendor === 'perm') {
        await after('journal-popover', journal.locator('button.nav-icon'), page.locator('#journal-frame'));
      } else {
        await after('journal-section', journal.locator('button.shortcut'), page.locator('#journal-frame'));
      }
      await shoot('hub', page.locator('#hub-frame').locator('..'));
      await after('hub-vcs', page.locator('#hub').getByRole('tab').nth(1), page.locator('#hub-frame'));
      await shoot('theming', page.locator('#theming'));
      const tokens = page.locator('#theming .token');
      for (let i = 0, n = await tokens.count(); i < n; i++) {
        const token = tokens.nth(i);
        const name = ((await token.locator('h4').textContent()) ?? `token-${i}`).replace(/^--sferum-/, '');
        await shoot(`theming-${name}`, token);
      }
      const tiles = page.locator('#gallery figure.tile');
      const n = await tiles.count();
      for (let i = 0; i < n; i++) {
        const tile = tiles.nth(i);
        const title = (await tile.locator('h4').textContent()) ?? `tile-${i}`;
        await shoot(`tile-${String(i).padStart(2, '0')}-${slug(title)}`, tile);
      }
      await context.close();
      console.log(`${vendor}-${theme}-${width}: done`);
    }
  }
}

await browser.close();
await server.close();
console.log(`${count} screenshots in ${out}`);
