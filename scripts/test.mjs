#!/usr/bin/env node
// `npm test`: the Node suite (msw/node: every scenario's answers against the zod schemas; the
// server half, its Redis store against a redis-server started here on a free loopback port),
// then the browser suite in Chromium (@web/test-runner). Ends with `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ensureChromium } from './chromium.mjs';
import { ensureRedisServer, startRedis } from './redis.mjs';

const args = process.argv.slice(2);
const watch = args.includes('--watch');
const nodeOnly = args.includes('--node-only');
const root = new URL('..', import.meta.url).pathname;
const totals = { passed: 0, failed: 0, skipped: 0 };

// ---- Node suite ------------------------------------------------------------------------
const nodeDir = join(root, 'test/node');
const nodeTests = existsSync(nodeDir) ? readdirSync(nodeDir).filter((f) => f.endsWith('.test.ts')) : [];
if (!watch && nodeTests.length > 0) {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  // Inside the project so that the bundle's bare imports resolve from node_modules.
  const out = mkdtempSync(join(root, 'node_modules/.cache/sferum-node-tests-'));
  try {
    await build({
      entryPoints: nodeTests.map((f) => join(nodeDir, f)),
      outdir: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outExtension: { '.js': '.mjs' },
      logLevel: 'error',
      absWorkingDir: root,
    });
    const tap = join(out, 'report.tap');
    const files = readdirSync(out).filter((f) => f.endsWith('.mjs')).map((f) => join(out, f));
    // The Redis store tests need a real redis-server: Debian's, installed as root when missing;
    // otherwise ensureRedisServer says what to install and those tests fail with the same words.
    const redis = ensureRedisServer() ? await startRedis() : undefined;
    let run;
    try {
      run = spawnSync(
        process.execPath,
        ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
        { stdio: 'inherit', cwd: root, env: redis ? { ...process.env, SFERUM_REDIS_URL: redis.url } : process.env },
      );
    } finally {
      await redis?.stop();
    }
    const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
    totals.passed += count('pass');
    totals.failed += count('fail') + count('cancelled');
    totals.skipped += count('skipped') + count('todo');
    if (run.status !== 0 && count('fail') + count('cancelled') === 0) totals.failed += 1;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// ---- Browser suite ---------------------------------------------------------------------
if (nodeOnly) {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}
ensureChromium();
const summaryFile = join(mkdtempSync(join(tmpdir(), 'sferum-wtr-')), 'summary.json');
const wtr = spawnSync(process.execPath, [join(root, 'node_modules/@web/test-runner/dist/bin.js'), ...args], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, SFERUM_SUMMARY_FILE: summaryFile },
});
if (existsSync(summaryFile)) {
  const browser = JSON.parse(readFileSync(summaryFile, 'utf8'));
  totals.passed += browser.passed;
  totals.failed += browser.failed;
  totals.skipped += browser.skipped;
}
if (wtr.status !== 0 && totals.failed === 0) totals.failed += 1;

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || wtr.status !== 0 ? 1 : 0);
