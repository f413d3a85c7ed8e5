import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { createReadStream } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { remotePagePlugin } from './scripts/wtr-remote-page.mjs';

const workerFile = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

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
