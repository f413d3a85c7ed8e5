#!/usr/bin/env node
// `npm run size`: bundles each public entry the way a host page ships it (minified, every
// dependency included), measures gzip and brotli, compares with size-budgets.json, and fails
// on the gates: a zod locale in a bundle, full libphonenumber metadata, a second copy of lit.
// Then builds the CDN files (scripts/cdn.mjs) and holds each one's initial load (the file and
// every file it imports statically) and each lazy chunk to the same budgets.
import { build } from 'esbuild';
import { init as initLexer, parse as parseImports } from 'es-module-lexer';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CDN_ENTRIES, buildCdn } from './cdn.mjs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const budgets = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Every entry of the exports map that points at code, mapped back to its source (the generated
// `react` / `vue` type entries have none).
const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && target.default?.endsWith('.js'))
  .map(([key, target]) => {
    const name = target.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '');
    return { key, name, source: join(root, 'src', `${name}.ts`) };
  })
  .filter((entry) => existsSync(entry.source));

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const br = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * Bundles one entry with code splitting. `initial` is what a page downloads when it imports the
 * entry (the entry file and its static imports); `lazy` chunks load only when used (the linking
 * wizard, for example), and are budgeted on their own.
 */
async function measure(name, source) {
  const outdir = join(root, '.size/out');
  const result = await build({
    entryPoints: [source],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outdir,
    write: false,
    metafile: true,
    legalComments: 'none',
    charset: 'utf8',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
    absWorkingDir: root,
  });
  const files = new Map(result.outputFiles.map((f) => [relative(root, f.path), f.contents]));
  const outputs = result.metafile.outputs;
  // Dynamic-import targets carry `entryPoint` too: match the entry by its source path.
  const entry = Object.keys(outputs).find((key) => outputs[key].entryPoint === relative(root, source));
  const initial = new Set();
  const visit = (key) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of outputs[key].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const size = (keys) => ({
    raw: keys.reduce((n, k) => n + files.get(k).length, 0),
    gzip: keys.reduce((n, k) => n + gz(files.get(k)), 0),
    brotli: keys.reduce((n, k) => n + br(files.get(k)), 0),
  });
  const lazyKeys = Object.keys(outputs).filter((key) => !initial.has(key) && key.endsWith('.js'));
  // Only modules that put bytes into the bundle (tree-shaken ones are parsed but dropped).
  const inputs = Object.values(outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, info]) => info.bytesInOutput > 0)
      .map(([path]) => path),
  );
  return {
    name,
    ...size([...initial]),
    lazy: lazyKeys.map((key) => ({ chunk: key.replace('.size/out/', ''), ...size([key]) })),
    inputs,
  };
}

const list = (paths) => (paths.length > 3 ? `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more` : paths.join(', '));

function gates(report) {
  const problems = [];
  const locales = report.inputs.filter((i) => /zod\/v4\/locales\//.test(i));
  if (locales.length) problems.push(`zod locale modules: ${list(locales)}`);
  const metadata = report.inputs.filter((i) => /libphonenumber-js\/metadata\.(min|max|full|mobile)\.json/.test(i));
  if (metadata.length) problems.push(`full libphonenumber metadata: ${list(metadata)}`);
  const litCopies = new Set(
    report.inputs.filter((i) => /(^|\/)lit-html\/(development\/)?lit-html\.js$/.test(i)).map((i) => i.replace(/lit-html\/(development\/)?lit-html\.js$/, '')),
  );
  if (litCopies.size > 1) problems.push(`${litCopies.size} copies of lit: ${[...litCopies].join(', ')}`);
  return problems;
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const reports = [];
for (const entry of entries) reports.push(await measure(entry.name, entry.source));
const all = reports.find((r) => r.name === 'define/all');

let failed = false;
const rows = [['entry (initial load)', 'min', 'gzip', 'brotli', 'budget (gzip)', '']];
for (const report of reports) {
  const budget = report.name === 'define/all' ? budgets.all.gzip : (budgets.entries[report.name]?.gzip ?? budgets.all.gzip);
  const over = report.gzip > budget;
  const problems = gates(report);
  failed ||= over || problems.length > 0;
  rows.push([report.name, kb(report.raw), kb(report.gzip), kb(report.brotli), kb(budget), over ? `OVER BUDGET by ${report.gzip - budget} B` : 'ok']);
  for (const chunk of report.lazy) {
    const lazyOver = chunk.gzip > budgets.lazyChunk.gzip;
    failed ||= lazyOver;
    rows.push([`  + lazy ${chunk.chunk}`, kb(chunk.raw), kb(chunk.gzip), kb(chunk.brotli), kb(budgets.lazyChunk.gzip), lazyOver ? 'OVER BUDGET' : 'ok']);
  }
  for (const problem of problems) rows.push(['', '', '', '', '', `GATE: ${problem}`]);
}
// The CDN build, as a browser loads it: the entry file and its static imports, each compressed on its own.
const CDN_BUDGET_NAMES = { all: 'define/all', index: 'index', 'http-adapter': undefined };
const cdnFiles = new Map([...(await buildCdn({ outDir: join(root, '.size/cdn'), write: false, sourcemap: false }))].map(([f, code]) => [f, Buffer.from(code)]));
await initLexer;
const staticImports = (file) =>
  parseImports(cdnFiles.get(file).toString())[0]
    .filter((i) => i.d === -1 && i.n?.startsWith('.'))
    .map((i) => join(dirname(file), i.n));
const dynamicImports = (file) =>
  parseImports(cdnFiles.get(file).toString())[0]
    .filter((i) => i.d > -1 && i.n?.startsWith('.'))
    .map((i) => join(dirname(file), i.n));
const closure = (start, next) => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    if (!cdnFiles.has(file)) throw new Error(`CDN build: ${file} is imported but was not emitted`);
    seen.add(file);
    next(file).forEach(visit);
  };
  start.forEach(visit);
  return seen;
};
const cdnBytes = (files) => ({
  raw: [...files].reduce((n, f) => n + cdnFiles.get(f).length, 0),
  gzip: [...files].reduce((n, f) => n + gz(cdnFiles.get(f)), 0),
  brotli: [...files].reduce((n, f) => n + br(cdnFiles.get(f)), 0),
});
const cdnReports = [];
rows.push(['', '', '', '', '', ''], ['dist/cdn/ (initial load)', 'min', 'gzip', 'brotli', 'budget (gzip)', '']);
for (const file of Object.keys(CDN_ENTRIES).map((name) => `${name}.js`)) {
  const name = file.replace(/\.js$/, '');
  const budgetName = name in CDN_BUDGET_NAMES ? CDN_BUDGET_NAMES[name] : `define/sferum-${name}`;
  const budget = budgetName === 'define/all' ? budgets.all.gzip : (budgets.entries[budgetName]?.gzip ?? budgets.all.gzip);
  const initial = closure([file], staticImports);
  const size = cdnBytes(initial);
  const over = size.gzip > budget;
  failed ||= over;
  rows.push([`cdn/${file}`, kb(size.raw), kb(size.gzip), kb(size.brotli), kb(budget), over ? 'OVER BUDGET' : `ok (${initial.size} files)`]);
  // Lazy chunks: what a dynamic import loads beyond the initial files.
  const lazy = [...closure([...initial].flatMap(dynamicImports), (f) => [...staticImports(f), ...dynamicImports(f)])].filter((f) => !initial.has(f));
  const lazySizes = lazy.map((f) => ({ chunk: f, ...cdnBytes([f]) }));
  for (const chunk of lazySizes) {
    const lazyOver = chunk.gzip > budgets.lazyChunk.gzip;
    failed ||= lazyOver;
    if (lazyOver) rows.push([`  + lazy ${chunk.chunk}`, kb(chunk.raw), kb(chunk.gzip), kb(chunk.brotli), kb(budgets.lazyChunk.gzip), 'OVER BUDGET']);
  }
  const largest = lazySizes.sort((a, b) => b.gzip - a.gzip)[0];
  if (largest) rows.push([`  + ${lazySizes.length} lazy chunks, largest ${largest.chunk}`, kb(largest.raw), kb(largest.gzip), kb(largest.brotli), kb(budgets.lazyChunk.gzip), 'ok']);
  cdnReports.push({ name: `cdn/${name}`, ...size, files: [...initial], lazy: lazySizes });
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());

mkdirSync(join(root, '.size'), { recursive: true });
writeFileSync(
  join(root, '.size/report.json'),
  JSON.stringify([...reports.map(({ inputs, ...r }) => ({ ...r, modules: new Set(inputs).size })), ...cdnReports], null, 2),
);
if (!all) console.warn('No define/all entry in the exports map: the total budget was not checked.');
if (failed) {
  console.error('\nnpm run size: over budget or a gate failed.');
  process.exit(1);
}
console.log('\nnpm run size: every entry (package and CDN) within budget; no zod locale, no full phone metadata, one lit.');
