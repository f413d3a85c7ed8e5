// The library build for bundlers: one ES module per source module (`preserveModules`), so that
// `dist/` mirrors `src/` and a host's bundler drops every module it does not use (only
// `dist/define/*.js` has side effects; see package.json "sideEffects"). Dependencies stay
// imports, so the host keeps a single copy of lit. Source maps point at `src/`, which ships too.
// Type declarations (with declaration maps) come from `tsc -p tsconfig.build.json`, beside the
// JavaScript. The self-contained browser build is vite.cdn.config.ts.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  // The ready page for a journal's VK ID redirect URI, beside its script in dist/vkid-callback/.
  plugins: [
    {
      name: 'vkid-callback-html',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'vkid-callback/vkid-callback.html', source: readFileSync('src/vkid-callback/vkid-callback.html', 'utf8') });
      },
    },
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        'define/all': 'src/define/all.ts',
        'define/sferum-provider': 'src/define/sferum-provider.ts',
        'define/sferum-link': 'src/define/sferum-link.ts',
        'define/sferum-chats': 'src/define/sferum-chats.ts',
        'define/sferum-vcs': 'src/define/sferum-vcs.ts',
        'define/sferum-join': 'src/define/sferum-join.ts',
        'define/sferum-hub': 'src/define/sferum-hub.ts',
        'vkid-callback/vkid-callback': 'src/vkid-callback/vkid-callback.ts',
        // The server half (no DOM): Node, service workers, edge runtimes.
        'server/index': 'src/server/index.ts',
        'server/redis': 'src/server/redis.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^libphonenumber-js($|\/)/, /^tslib$/, /^lean-qr($|\/)/, /^ioredis($|\/)/],
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        // The compiler's decorator helper would land in `_virtual/_@oxc-project_runtime@<version>/…`.
        entryFileNames: (chunk) => (chunk.name.includes('oxc-project') ? `helpers/${basename(chunk.name)}.js` : '[name].js'),
      },
    },
  },
});
