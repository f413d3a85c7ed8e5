// The demo: `npm run demo` serves it on the mock backend (MSW in the page, no server);
// `npm run build:demo` writes static files that work from any sub-path (relative base).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'demo',
  base: './',
  publicDir: 'public',
  build: {
    outDir: '../dist-demo',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      // The demo page, the mock VK ID page it opens in a popup, and the callback page VK ID returns to.
      input: { main: 'demo/index.html', vkid: 'demo/mock-vkid/index.html', callback: 'demo/vkid-callback.html' },
    },
  },
  server: {
    // Other processes on a shared machine may hold 5173.
    strictPort: false,
  },
});
