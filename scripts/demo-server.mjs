#!/usr/bin/env node
// `npm run demo:server`: the widgets against createSferumHandler running here in Node, over mock
// VK ID and mock MAX (see scripts/demo-server/app.ts). Flags: --port N, --redis (flows in a
// throwaway redis-server on loopback instead of memory), --verbose (the handler's log lines).
// `npm run demo` stays the in-page demo on MSW (every scenario and the gallery, no server).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { startRedis } from './redis.mjs';

const root = new URL('..', import.meta.url).pathname;
const source = join(root, 'scripts/demo-server');

/** Bundles the server (for Node) and the page (for the browser); returns the app module and the assets folder. */
export async function buildDemoServer() {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const out = mkdtempSync(join(root, 'node_modules/.cache/sferum-demo-server-'));
  const assets = join(out, 'assets');
  mkdirSync(assets);
  await Promise.all([
    build({
      entryPoints: [join(source, 'app.ts')],
      outfile: join(out, 'app.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
      absWorkingDir: root,
    }),
    build({
      entryPoints: [join(root, 'src/vkid-callback/vkid-callback.ts')],
      outfile: join(assets, 'vkid-callback.js'),
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      logLevel: 'error',
      absWorkingDir: root,
    }),
    build({
      entryPoints: [join(source, 'page.ts')],
      outfile: join(assets, 'page.js'),
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      tsconfig: join(root, 'tsconfig.json'),
      logLevel: 'error',
      absWorkingDir: root,
    }),
  ]);
  for (const name of ['index.html', 'demo.css']) copyFileSync(join(source, name), join(assets, name));
  // The kit's own VK ID return page (sferum-widgets/vkid-callback), served at the redirect URI.
  copyFileSync(join(root, 'src/vkid-callback/vkid-callback.html'), join(assets, 'vkid-callback.html'));
  const app = await import(pathToFileURL(join(out, 'app.mjs')).href);
  return { app, assets, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

/** Builds and starts the demo server; `close()` stops it (and its redis-server, when it started one). */
export async function launchDemoServer({ port, redis = false, verbose = false } = {}) {
  const built = await buildDemoServer();
  const redisServer = redis ? await startRedis() : undefined;
  const server = await built.app.startDemoServer({ assets: built.assets, port, verbose, ...(redisServer ? { redisUrl: redisServer.url } : {}) });
  return {
    ...server,
    redisUrl: redisServer?.url,
    close: async () => {
      await server.close();
      await redisServer?.stop();
      built.cleanup();
    },
  };
}

if (/(^|\/)scripts\/demo-server\.mjs$/.test(process.argv[1] ?? '')) {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf('--port');
  const server = await launchDemoServer({
    port: portIndex >= 0 ? Number(args[portIndex + 1]) : undefined,
    redis: args.includes('--redis'),
    verbose: args.includes('--verbose'),
  });
  console.log(`demo:server at ${server.url}/ (flows in ${server.redisUrl ? `Redis ${server.redisUrl}` : 'memory'}); Ctrl+C stops it`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
