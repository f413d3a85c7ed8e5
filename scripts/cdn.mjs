#!/usr/bin/env node
// The self-contained browser build, `dist/cdn/`, for a page without a bundler: loaded from the
// package's own folder on any path, or from a CDN. Every dependency (lit, zod,
// libphonenumber-js) is bundled and minified; code that loads lazily stays in chunks imported by
// relative URLs, which the browser resolves against the importing module's own address.
//
// Each entry is built on its own, so its initial load is one file (plus the shared one below) and
// fits the same size budgets as the package's entries (`npm run size` measures them). Split into
// many shared chunks, the same code costs several kB more: compressed file by file, each chunk
// loses what gzip would have shared with its neighbours. A page with several tags loads all.js.
//
// The error and event classes live once, in shared.js, imported by every entry: a host's
// adapter may throw a SferumError from http-adapter.js (or index.js) and the element from link.js
// must recognise it (`instanceof`), and `e instanceof SferumErrorEvent` must hold in the host's code.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = new URL('..', import.meta.url).pathname;

/** Public file name in dist/cdn/ → source. */
export const CDN_ENTRIES = {
  all: 'src/define/all.ts',
  provider: 'src/define/sferum-provider.ts',
  link: 'src/define/sferum-link.ts',
  chats: 'src/define/sferum-chats.ts',
  vcs: 'src/define/sferum-vcs.ts',
  join: 'src/define/sferum-join.ts',
  hub: 'src/define/sferum-hub.ts',
  // createHttpAdapter (and SferumError), for a page that hands the elements the ready HTTP adapter.
  'http-adapter': 'src/cdn-entry:http-adapter',
  // The package root (classes, events, SferumError, presets, helpers), without side effects.
  index: 'src/index.ts',
};

/** Modules whose classes must be one per page, whichever entries the page loads. */
const SHARED = ['src/adapter/errors.ts', 'src/events/sferum-error.ts', 'src/events/sferum-auth-required.ts', 'src/events/sferum-link-status-change.ts'];
// Chunks sit beside the entries, so that one relative specifier, './shared.js', is right in every file.
const SHARED_FILE = 'shared.js';

const HTTP_ADAPTER_ENTRY = `export { createHttpAdapter } from '${root}src/adapter/http-adapter.ts';\nexport { ERROR_KINDS, SferumError, isErrorKind } from '${root}src/adapter/errors.ts';\n`;

/**
 * Builds the CDN files into `outDir` (default dist/cdn). With `write: false`, returns
 * `Map<fileName, code>` instead of writing (`npm run size`).
 */
export async function buildCdn({ outDir = join(root, 'dist/cdn'), write = true, sourcemap = true } = {}) {
  const files = new Map();
  const shared = await esbuild({
    stdin: { contents: SHARED.map((path) => `export * from './${path}';`).join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    sourcemap: sourcemap ? 'external' : false,
    sourcesContent: true,
    outfile: join(outDir, SHARED_FILE),
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
  });
  for (const file of shared.outputFiles) files.set(file.path.slice(outDir.length + 1), file.text);

  const sharedIds = new Set(SHARED.map((path) => join(root, path)));
  for (const [name, source] of Object.entries(CDN_ENTRIES)) {
    const result = await viteBuild({
      configFile: false,
      root,
      logLevel: 'error',
      publicDir: false,
      plugins: [
        {
          name: 'sferum-cdn',
          enforce: 'pre',
          resolveId(id) {
            if (id.endsWith('cdn-entry:http-adapter')) return '\0cdn-entry:http-adapter';
            return null;
          },
          load(id) {
            return id === '\0cdn-entry:http-adapter' ? HTTP_ADAPTER_ENTRY : null;
          },
        },
        {
          name: 'sferum-cdn-shared',
          enforce: 'pre',
          async resolveId(id, importer, options) {
            if (!importer) return null;
            const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
            return resolved && sharedIds.has(resolved.id) ? { id: `./${SHARED_FILE}`, external: true } : null;
          },
        },
      ],
      build: {
        outDir,
        write: false,
        target: 'es2022',
        minify: true,
        sourcemap,
        lib: { entry: { [name]: source.startsWith('src/cdn-entry:') ? source : join(root, source) }, formats: ['es'] },
        rollupOptions: {
          makeAbsoluteExternalsRelative: false,
          output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', minify: true },
        },
      },
    });
    for (const output of [result].flat().flatMap((r) => r.output)) {
      files.set(output.fileName, output.type === 'chunk' ? output.code : output.source);
      if (output.type === 'chunk' && output.map) files.set(`${output.fileName}.map`, output.map.toString());
    }
  }
  if (write) {
    rmSync(outDir, { recursive: true, force: true });
    for (const [file, code] of files) {
      mkdirSync(join(outDir, file, '..'), { recursive: true });
      writeFileSync(join(outDir, file), code);
    }
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await buildCdn();
  console.log(`dist/cdn: ${[...files.keys()].filter((f) => f.endsWith('.js')).length} files`);
}
