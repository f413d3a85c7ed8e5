import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { execFile } from 'node:child_process';
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { forcedColorsPlugin } from './scripts/wtr-forced-colors.mjs';
import { remotePagePlugin } from './scripts/wtr-remote-page.mjs';

const workerFile = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));
const root = fileURLToPath(new URL('.', import.meta.url));
const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html";

/**
 * Two copies of the package, each bundled on its own from the current source (its own lit, zod and
 * SferumError), as a journal page with the package in its bundle and again in a plugin has them.
 * Copy A is the package root; copy B also registers the tags (test/two-copies.test.ts).
 */
const COPIES = { 'copy-a.js': 'src/index.ts', 'copy-b.js': 'test/fixtures/copy-with-tags.ts' };
/** Bundles test/fixtures/ssr-page.ts for Node (packages stay external, as a server imports them) and runs it. */
async function renderOnServer() {
  const outfile = `${root}node_modules/.cache/sferum-ssr-page-${process.pid}.mjs`;
  mkdirSync(`${root}node_modules/.cache`, { recursive: true });
  await build({
    entryPoints: ['test/fixtures/ssr-page.ts'],
    absWorkingDir: root,
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [outfile], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } finally {
    rmSync(outfile, { force: true });
  }
}

async function bundleCopy(entry) {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: 'tsconfig.json',
    conditions: ['browser'],
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** The policy the VK ID callback page must work under (docs/http-contract.md). */
const CALLBACK_CSP = "default-src 'none'; script-src 'self'";
const attr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    remotePagePlugin(),
    forcedColorsPlugin(),
  ],
  middleware: [
    // MSW's service worker, served at the root so that its scope covers every test page.
    function mockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        context.type = 'application/javascript';
        context.set('Service-Worker-Allowed', '/');
        context.body = createReadStream(workerFile);
        return undefined;
      }
      return next();
    },
    // The VK ID callback page, served under its strict policy. `/test/vkid-callback.html` is the same
    // page with the attributes a journal may set (`?opener-origin=…&return-url=…&lang=…` of the test's choosing).
    function vkidCallbackPage(context, next) {
      const configurable = context.path === '/test/vkid-callback.html';
      if (!configurable && context.path !== '/demo/vkid-callback.html') return next();
      context.set('Content-Security-Policy', CALLBACK_CSP);
      if (!configurable) return next();
      const { 'opener-origin': openerOrigin, 'return-url': returnUrl, lang = 'ru' } = context.query;
      const attributes = [
        openerOrigin === undefined ? '' : ` data-opener-origin="${attr(openerOrigin)}"`,
        returnUrl === undefined ? '' : ` data-return-url="${attr(returnUrl)}"`,
      ].join('');
      context.type = 'text/html';
      context.body = `<!doctype html><html lang="${attr(lang)}"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>VK ID</title>
        <script type="module" src="/src/vkid-callback/vkid-callback.ts"${attributes}></script>
        </head><body><p id="sferum-vkid-callback" role="status">Завершаем вход через VK ID…</p></body></html>`;
      return undefined;
    },
    // The strict-CSP page of test/csp.test.ts, served with exactly the policy of README «Content Security Policy».
    async function strictCsp(context, next) {
      await next();
      if (context.path.startsWith('/test/csp/') && context.path.endsWith('.html')) context.set('Content-Security-Policy', STRICT_CSP);
    },
    // Server HTML of test/fixtures/ssr-page.ts, rendered by @lit-labs/ssr in a Node process of its own (no DOM shim).
    async function serverRendered(context, next) {
      if (context.path !== '/__sferum-test__/ssr.html') return next();
      context.type = 'text/html';
      context.body = await renderOnServer();
      return undefined;
    },
    async function separateCopies(context, next) {
      const name = /^\/__sferum-test__\/(copy-[ab]\.js)$/.exec(context.path)?.[1];
      if (!name) return next();
      context.type = 'application/javascript';
      context.body = await bundleCopy(COPIES[name]);
      return undefined;
    },
    // An image that takes `ms` to arrive: a test page whose `load` event comes late (test/fixtures/late-load.html).
    async function slowImage(context, next) {
      if (context.path !== '/__sferum-test__/slow.gif') return next();
      await new Promise((resolve) => setTimeout(resolve, Number(context.query.ms) || 0));
      context.type = 'image/gif';
      context.body = Buffer.from('R0lGODlhAQABAAAAACH5BAEAAAAALAAAAAABAAEAAAI=', 'base64');
      return undefined;
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="ru">
      <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
  reporters: [
    defaultReporter(),
    summaryReporter({
      onSummary: (counts) => {
        if (process.env.SFERUM_SUMMARY_FILE) writeFileSync(process.env.SFERUM_SUMMARY_FILE, JSON.stringify(counts));
      },
    }),
  ],
};
