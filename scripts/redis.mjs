#!/usr/bin/env node
// Finds Debian's `redis-server` (installs it with apt when running as root; otherwise says exactly
// what to install) and starts a throwaway instance on a free loopback port: no persistence, stopped
// by its own PID. Used by `npm test` (the Redis store tests), `demo:server --redis` and the bench.
// Run directly (`node scripts/redis.mjs`) it starts one and prints its URL until Ctrl+C.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server', '/usr/sbin/redis-server'];

export const REDIS_INSTALL_HINT = [
  'redis-server was not found (the Redis store tests run against a real one on loopback).',
  'Install Debian\'s package:   sudo apt-get update && sudo apt-get install -y redis-server',
  'or point REDIS_SERVER at a redis-server binary:   REDIS_SERVER=/path/to/redis-server npm test',
].join('\n');

export function findRedisServer() {
  if (process.env.REDIS_SERVER) return existsSync(process.env.REDIS_SERVER) ? process.env.REDIS_SERVER : undefined;
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}

/** The path of redis-server, installing Debian's package as root when it is missing; `undefined` (with the hint printed) otherwise. */
export function ensureRedisServer() {
  const found = findRedisServer();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt && !process.env.REDIS_SERVER) {
    console.log('No redis-server found: installing Debian\'s "redis-server" with apt-get (one time)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], { stdio: 'inherit', env });
    } catch {
      // fall through to the hint
    }
    const installed = findRedisServer();
    if (installed) return installed;
  }
  console.error(REDIS_INSTALL_HINT);
  return undefined;
}

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      answer += data;
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(answer.startsWith('+PONG'));
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts redis-server on a free loopback port. `--port 0` would turn TCP off rather than pick a
 * port, so the port is found first (and tried again if another process takes it meanwhile).
 */
export async function startRedis(binary = ensureRedisServer()) {
  if (!binary) throw new Error(REDIS_INSTALL_HINT);
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn(binary, ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'], {
      stdio: 'ignore',
    });
    let exited = false;
    child.on('exit', () => (exited = true));
    for (let i = 0; i < 100 && !exited; i++) {
      if (await ping(port)) {
        const stop = () =>
          new Promise((resolve) => {
            if (exited) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          });
        return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid, stop, kill: () => child.kill('SIGKILL') };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!exited) child.kill('SIGKILL');
  }
  throw new Error('redis-server did not start on a loopback port');
}

// Only when run as a script (a test bundle that imports this file must not start one).
if (/(^|\/)scripts\/redis\.mjs$/.test(process.argv[1] ?? '')) {
  const redis = await startRedis();
  console.log(`redis-server (pid ${redis.pid}) at ${redis.url}; Ctrl+C stops it`);
  const stop = async () => {
    await redis.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
