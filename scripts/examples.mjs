#!/usr/bin/env node
// `npm run examples [-- <name>…] [--no-build] [--keep]`: the example apps of examples/, each set up
// as a vendor would: the package comes from an `npm pack` of this tree, everything else from the
// registry (no lockfile, a fresh npm cache: nothing is reused between runs). Each app is
// type-checked, built, served from a sub-path by a static server and clicked through in Chromium
// (playwright-core): link through MAX on the kit's mock backend, the host's own listener shows
// each state, unlink. Then the README's first plain-HTML snippet runs exactly as written, with the
// CDN URL answered from the packed dist/cdn/. Prints `N passed, N failed` last.
//   --no-build  use the dist/ already built (CI runs `npm run check`, which builds, first)
//   --keep      leave the prepared apps in the temporary folder (its path is printed), e.g. to `npm run dev`
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const EXAMPLES = {
  'plain-html': { typecheck: null, build: null, site: '.', mock: 'mock-journal.js', cdn: true },
  react: { typecheck: ['run', 'typecheck'], build: ['run', 'build'], site: 'dist', mock: 'src/mock-journal.js' },
  vue: { typecheck: ['run', 'typecheck'], build: ['run', 'build'], site: 'dist', mock: 'src/mock-journal.js' },
  // `ng build` compiles the templates with strictTemplates: it is the type check.
  angular: { typecheck: null, build: ['run', 'build'], site: 'dist/browser', mock: 'src/mock-journal.js' },
};
const chosen = args.filter((a) => !a.startsWith('--'));
for (const name of chosen) if (!(name in EXAMPLES) && name !== 'readme') throw new Error(`unknown example ${name}: ${Object.keys(EXAMPLES).join(', ')}, readme`);
const names = chosen.length ? chosen : [...Object.keys(EXAMPLES), 'readme'];

const work = mkdtempSync(join(tmpdir(), 'sferum-examples-'));
const env = {
  ...process.env,
  // Nothing from an earlier run: a cache of its own, removed with the folder.
  npm_config_cache: join(work, 'npm-cache'),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  NG_CLI_ANALYTICS: 'false',
  CI: 'true',
};
/** Runs a command without blocking (the installs overlap); its output is shown only if it fails. */
const runAsync = (cwd, command, commandArgs) =>
  new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(((Date.now() - started) / 1000).toFixed(1)) : reject(new Error(`${command} ${commandArgs.join(' ')} exited with ${code}\n${output.slice(-3000)}`)),
    );
  });
const run = (cwd, command, commandArgs) => {
  const started = Date.now();
  execFileSync(command, commandArgs, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return ((Date.now() - started) / 1000).toFixed(1);
};
let passed = 0;
let failed = 0;
const results = [];
const step = async (name, fn) => {
  try {
    const note = await fn();
    passed++;
    results.push(`ok   ${name}${note ? ` (${note})` : ''}`);
    console.log(`ok   ${name}${note ? ` (${note})` : ''}`);
    return true;
  } catch (error) {
    failed++;
    const message = `${error.message ?? error}`.split('\n').slice(0, 6).join('\n     ');
    results.push(`FAIL ${name}: ${message}`);
    console.log(`FAIL ${name}: ${message}`);
    return false;
  }
};

// --- The package, as npm would publish it ------------------------------------------------------
if (!flags.has('--no-build') || !existsSync(join(root, 'dist/index.js'))) run(root, 'npm', ['run', '-s', 'build']);
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] }));
const tarball = join(work, packed.filename);
console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(0)} kB`);

/** The mock backend for one app, with the kit's own sources replaced by the installed package. */
async function bundleMock(out, packageSpecifier) {
  await esbuild({
    entryPoints: [join(root, 'examples/shared/mock-journal.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: out,
    logLevel: 'error',
    tsconfig: join(root, 'tsconfig.json'),
    plugins: [
      {
        name: 'kit-from-package',
        setup(build) {
          build.onResolve({ filter: /\/src\// }, (resolved) => (resolved.importer.startsWith(join(root, 'src')) ? undefined : { path: packageSpecifier, external: true }));
        },
      },
    ],
  });
  cpSync(join(root, 'examples/shared/mock-journal.d.ts'), out.replace(/\.js$/, '.d.ts'));
}

// --- A static file server with no knowledge of the apps ---------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml' };
function serve(dir, base) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

// --- Clicking through, as a person would ---------------------------------------------------------
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });

/** A page that fails on any page error or console error, and notes whether «не задан адаптер» flashed. */
async function openPage(url, context) {
  const problems = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A missing file fails the run (the browser's own favicon request aside); so does any console error.
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    else if (m.type() === 'warning') console.log(`     page warns: ${m.text()}`);
  });
  // Frameworks give the adapter after the element connects: watch for the «no adapter» text.
  await page.addInitScript(() => {
    const seen = () => {
      const walk = (node) => node && (node.textContent?.includes('не задан адаптер') || [...node.querySelectorAll('*')].some((el) => el.shadowRoot && walk(el.shadowRoot)));
      if (walk(document)) globalThis.__noAdapterFlash = true;
    };
    const timer = setInterval(seen, 5);
    setTimeout(() => clearInterval(timer), 5000);
  });
  await page.goto(url);
  return { page, problems };
}

async function linkAndUnlinkThroughMax(page) {
  const status = page.locator('#journal-status');
  const waitStatus = (state) => status.getByText(`Сферум: ${state}`).waitFor({ timeout: 20_000 });
  await waitStatus('unlinked');
  await page.getByRole('button', { name: 'Привязать через MAX' }).click();
  await page.locator('input[name=phone]').fill('8 952 123 45 67');
  await page.getByRole('button', { name: 'Привязать учебный аккаунт Сферум' }).click();
  await page.getByText('Подтвердите привязку в MAX').waitFor();
  await waitStatus('pending');
  // The mock's person presses «Подключить» in MAX; the element's poll finds the link.
  await page.locator('sferum-link [part=phone]').waitFor({ timeout: 20_000 });
  await waitStatus('linked');
  await page.getByRole('button', { name: 'Отвязать учётную запись' }).click();
  await page.getByRole('button', { name: 'Да' }).click();
  await page.getByRole('heading', { name: 'Авторизация в Сферум' }).waitFor();
  await waitStatus('unlinked');
}

const notes = [];
// Every app installs at once (mostly waiting on the registry); then each is checked in turn.
const apps = names.filter((n) => n !== 'readme');
const installs = new Map();
for (const name of apps) {
  const dir = join(work, name);
  cpSync(join(root, 'examples', name), dir, { recursive: true });
  const pkgPath = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.dependencies['sferum-widgets'] = `file:${tarball}`;
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const install = runAsync(dir, 'npm', ['install', '--no-package-lock']);
  install.catch(() => undefined); // reported by its step below
  installs.set(name, install);
}
for (const name of apps) {
  const example = EXAMPLES[name];
  const dir = join(work, name);
  const installed = await step(`${name}: npm install (the package from npm pack)`, async () => `${await installs.get(name)} s, alongside the others`);
  if (!installed) continue;
  await bundleMock(join(dir, example.mock), example.cdn ? './node_modules/sferum-widgets/dist/cdn/index.js' : 'sferum-widgets');
  if (example.typecheck && !(await step(`${name}: type-check`, () => `${run(dir, 'npm', example.typecheck)} s`))) continue;
  if (example.build && !(await step(`${name}: build${example.typecheck ? '' : ' (type-checks the templates)'}`, () => `${run(dir, 'npm', example.build)} s`))) continue;
  const { server, origin } = await serve(join(dir, example.site), '/journal/');
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await step(`${name}: in Chromium, link through MAX, the host's listener sees unlinked → pending → linked → unlinked`, async () => {
    const { page, problems } = await openPage(`${origin}/journal/`, context);
    try {
      await linkAndUnlinkThroughMax(page);
    } catch (error) {
      mkdirSync(join(root, 'e2e-results'), { recursive: true });
      await page.screenshot({ path: join(root, 'e2e-results', `example-${name}-failed.png`), fullPage: true }).catch(() => undefined);
      throw error;
    }
    if (problems.length) throw new Error(problems.join('; '));
    if (await page.evaluate(() => globalThis.__noAdapterFlash === true)) notes.push(`${name}: «не задан адаптер» showed before the app set the adapter`);
  });
  await context.close();
  server.close();
}

if (names.includes('readme')) {
  await step('README: the first plain-HTML example, exactly as written, from a static file server', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const snippet = /```html\n([\s\S]*?)```/.exec(readme)?.[1];
    if (!snippet) throw new Error('no ```html block in README.md');
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    const cdn = new RegExp(`https://cdn\\.jsdelivr\\.net/npm/sferum-widgets@${version.replace(/\./g, '\\.')}/dist/cdn/`);
    if (!cdn.test(snippet)) throw new Error(`the snippet does not load https://cdn.jsdelivr.net/npm/sferum-widgets@${version}/dist/cdn/…`);
    // The page and one static answer of the journal's API, as the README describes.
    const site = join(work, 'readme');
    mkdirSync(join(site, 'api/sferum'), { recursive: true });
    writeFileSync(join(site, 'index.html'), `<!doctype html>\n<html lang="ru">\n<meta charset="utf-8">\n<title>README</title>\n${snippet}</html>\n`);
    writeFileSync(join(site, 'api/sferum/link'), '{"state":"unlinked"}');
    // The CDN, answered from the packed dist/cdn/ (with CORS, as jsDelivr answers).
    const unpacked = join(work, 'unpacked');
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    const { server, origin } = await serve(site, '/');
    const context = await browser.newContext();
    await context.route(/^https:\/\/cdn\.jsdelivr\.net\/npm\/sferum-widgets@[^/]+\/(.*)$/, (route) => {
      const file = join(unpacked, 'package', new URL(route.request().url()).pathname.replace(/^\/npm\/sferum-widgets@[^/]+\//, ''));
      if (!existsSync(file)) return route.fulfill({ status: 404 });
      return route.fulfill({ status: 200, contentType: TYPES[extname(file)], headers: { 'Access-Control-Allow-Origin': '*' }, body: readFileSync(file) });
    });
    try {
      const { page, problems } = await openPage(`${origin}/`, context);
      await page.getByRole('heading', { name: 'Авторизация в Сферум' }).waitFor({ timeout: 15_000 });
      if (problems.length) throw new Error(problems.join('; '));
    } finally {
      await context.close();
      server.close();
    }
  });
}

await browser.close();
for (const note of notes) console.log(`note ${note}`);
if (flags.has('--keep')) console.log(`prepared apps kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
