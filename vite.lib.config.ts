// The library build: one ES module per public entry, dependencies left as imports so that the
// host's bundler keeps a single copy of lit. Type declarations come from `tsc -p tsconfig.build.json`.
import { readFileSync } from 'node:fs';
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
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^libphonenumber-js($|\/)/, /^lean-qr($|\/)/],
    },
  },
});
