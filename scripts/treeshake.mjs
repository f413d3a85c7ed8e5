#!/usr/bin/env node
// `npm run treeshake` (part of `npm run check`): a host that imports one value from the package
// root must not receive the elements. Bundles `import { SferumError } from 'sferum-widgets'` from
// the built `dist/` (run `npm run build` first) with esbuild (Angular's builder), rollup (with
// @rollup/plugin-node-resolve, which reads "sideEffects") and rolldown (Vite 8), minified, and
// fails when a bundle reaches 8 kB gzip or contains code of an element.
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { build as viteBuild } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const LIMIT = 8 * 1024;
const SOURCE = "import { SferumError } from 'sferum-widgets';\nexport const error = new SferumError('network');\n";
// Strings that only the element modules contain: their presence means the root did not tree-shake.
const ELEMENT_MARKERS = ['sferum-chats', 'sferum-link', 'lit-html', 'virtualizer'];

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

// A host folder whose node_modules/sferum-widgets is this package: each bundler resolves it by
// its "exports" and reads its "sideEffects", as from a vendor's node_modules.
const work = join(root, 'node_modules/.cache/sferum-treeshake');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'node_modules'), { recursive: true });
symlinkSync(root, join(work, 'node_modules/sferum-widgets'), 'dir');
const entry = join(work, 'entry.js');
writeFileSync(entry, SOURCE);

const bundlers = {
  async esbuild() {
    const result = await esbuild({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'error',
    });
    return result.outputFiles[0].text;
  },
  async rollup() {
    const bundle = await rollup({ input: entry, plugins: [nodeResolve()], logLevel: 'silent' });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    return output.map((chunk) => chunk.code ?? '').join('');
  },
  async rolldown() {
    const result = await viteBuild({
      root,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'entry' } },
    });
    return [result].flat().flatMap((r) => r.output).map((chunk) => chunk.code ?? '').join('');
  },
};

let failed = 0;
for (const [name, bundle] of Object.entries(bundlers)) {
  const code = await bundle();
  const gz = gzipSync(code, { level: 9 }).length;
  const leaked = ELEMENT_MARKERS.filter((marker) => code.includes(marker));
  // A bundler that failed to resolve the package leaves the import in place.
  const unresolved = /from\s*["']sferum-widgets["']/.test(code);
  const ok = gz < LIMIT && leaked.length === 0 && !unresolved && code.includes('class');
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(8)} import { SferumError } from 'sferum-widgets': ${code.length} B, ${gz} B gzip (limit ${LIMIT})` +
      (leaked.length ? `; element code in the bundle: ${leaked.join(', ')}` : '') +
      (unresolved ? '; the package was not resolved' : ''),
  );
}
rmSync(work, { recursive: true, force: true });
if (failed) process.exit(1);
