// The library build: one ES module per public entry, dependencies left as imports so that the
// host's bundler keeps a single copy of lit. Type declarations come from `tsc -p tsconfig.build.json`.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
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
        // The server half (no DOM): Node, service workers, edge runtimes.
        'server/index': 'src/server/index.ts',
        'server/redis': 'src/server/redis.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^libphonenumber-js($|\/)/, /^ioredis($|\/)/],
    },
  },
});
