#!/usr/bin/env node
// Generates custom-elements.json from the sources with `cem analyze --litelement`
// (modules sorted by path, so that the file is the same on every run).
// With --check, fails instead of writing when the committed file differs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
// The analyzer resolves --outdir against the working directory.
const out = mkdtempSync(join(root, 'node_modules/.cache/sferum-cem-'));
// The analyzer rewrites package.json's "customElements" to its output folder: keep ours.
const packageJson = readFileSync(join(root, 'package.json'), 'utf8');
try {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
      'analyze',
      '--litelement',
      '--globs',
      'src/**/*.ts',
      '--exclude',
      'src/**/*.test.ts',
      // The server half has no elements; its modules would only bloat the manifest.
      '--exclude',
      'src/server/**',
      '--outdir',
      relative(root, out),
    ],
    { cwd: root, stdio: 'pipe' },
  );
  const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
  manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
  const fresh = `${JSON.stringify(manifest, null, 2)}\n`;
  const target = join(root, 'custom-elements.json');
  if (check) {
    const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (committed !== fresh) {
      // exitCode, not exit(): the finally below must still restore package.json.
      console.error('custom-elements.json is stale: run `npm run manifest` and commit the result.');
      process.exitCode = 1;
    } else console.log('custom-elements.json is up to date.');
  } else {
    writeFileSync(target, fresh);
    console.log(`custom-elements.json: ${manifest.modules.length} modules`);
  }
} finally {
  writeFileSync(join(root, 'package.json'), packageJson);
  rmSync(out, { recursive: true, force: true });
}
