#!/usr/bin/env node
// `npm run bench`: <sferum-chats> with 5, 200, 1,000 and 10,000 rows beside a plain-DOM table of
// the same rows, in the same headless Chromium run (playwright-core + Debian's chromium; nothing
// downloads a browser). Reports medians, the ratio to plain DOM, the JS heap and the shadow-root
// node count after 10,000 rows, and checks the targets (exit 1 when one is missed). Up to the
// threshold it also times the same table from a bare Lit element (a reference) and plain DOM with
// the search field and sort buttons (the element's target there: ≤ 1.5× it). Results go to
// bench-results/bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const SIZES = [5, 50, 200, 1000, 10000];
// Keep in step with VIRTUALIZE_ABOVE in src/components/chats/sferum-chats.ts.
const THRESHOLD = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const executablePath = ensureChromium();
// Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs: a 5-row table
// takes about a millisecond, so coarse steps would decide the ratio.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
// Production builds of lit (no dev-mode checks), as a host page ships them.
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  resolve: { conditions: ['production', 'module', 'browser', 'default'] },
  server: { port: 0, strictPort: false, hmr: false, headers: ISOLATED },
});
await server.listen();
const url = `${server.resolvedUrls.local[0]}bench/index.html`;
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
  // Warm up both paths (module evaluation, the virtualizer's first load, JIT).
  for (const n of [200, 10000]) {
    await page.evaluate((n) => window.benchElement(n), n);
    await page.evaluate((n) => window.benchPlain(n), n);
  }
  for (const name of ['benchLit', 'benchControls']) await page.evaluate(([name]) => window[name](50), [name]);
  const results = [];
  for (const n of SIZES) {
    process.stderr.write(`bench: ${n} rows…\n`);
    const element = [];
    const plain = [];
    const lit = [];
    const controls = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate, so that no side always runs on a warmer page.
      element.push((await page.evaluate((n) => window.benchElement(n), n)).ms);
      plain.push((await page.evaluate((n) => window.benchPlain(n), n)).ms);
      // References (not targets) up to the threshold: the same table from a bare Lit element, and
      // plain DOM with the search field and sort buttons the element shows besides its rows.
      if (n <= THRESHOLD) {
        lit.push((await page.evaluate((n) => window.benchLit(n), n)).ms);
        controls.push((await page.evaluate((n) => window.benchControls(n), n)).ms);
      }
    }
    results.push({
      rows: n,
      element: median(element),
      plain: median(plain),
      ratio: median(element) / median(plain),
      ...(lit.length ? { bareLit: median(lit), plainWithControls: median(controls) } : {}),
    });
  }
  // The heap: the median of five measurements, each on a settled heap.
  const heaps = [];
  for (let i = 0; i < 5; i++) heaps.push(await page.evaluate(() => window.benchHeap(10000)));
  const heapAddedMb = median(heaps.map((h) => (h.after - h.before) / 1024 / 1024));
  const big = heaps.at(-1);

  const ref = (ms, r) => (ms === undefined ? '' : `${ms.toFixed(2)} (${(ms / r.plain).toFixed(2)}×)`);
  const rows = [
    ['rows', '<sferum-chats> first screen (ms)', 'plain DOM, all rows (ms)', 'ratio', 'ref: bare Lit element', 'plain DOM + search field, sort buttons', 'element ÷ that'],
    ...results.map((r) => [String(r.rows), r.element.toFixed(2), r.plain.toFixed(2), `${r.ratio.toFixed(2)}×`, ref(r.bareLit, r), ref(r.plainWithControls, r), r.plainWithControls ? `${(r.element / r.plainWithControls).toFixed(2)}×` : '']),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const row of rows) console.log(`| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
  console.log(`\nJS heap the element adds for 10,000 rows (the data already in memory): ${heapAddedMb.toFixed(2)} MB; shadow-root nodes: ${big.nodes}`);

  const threshold = results.filter((r) => r.rows <= THRESHOLD);
  const checks = [
    ['10,000 rows: first screen ≤ 0.05× plain DOM', results.at(-1).ratio <= 0.05],
    // The element against plain DOM that shows the same controls (a labelled search field, a sort
    // button per column): what a journal would otherwise build by hand.
    [`5 and ${THRESHOLD} rows: ≤ 1.5× plain DOM with the same search field and sort buttons`, threshold.every((r) => r.element <= 1.5 * r.plainWithControls)],
    ['10,000 rows add ≤ 0.5 MB of JS heap', heapAddedMb <= 0.5],
    ['10,000 rows: ≤ 500 shadow-root nodes', big.nodes <= 500],
  ];
  console.log('');
  for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'MISS'} ${name}`);
  mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../bench-results/bench.json', import.meta.url), JSON.stringify({ runs: RUNS, results, heapAddedMb, nodes: big.nodes, checks }, null, 2));
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
} finally {
  await browser.close();
  await server.close();
}
