/**
 * `sferum-widgets/server/redis`: the flow store in Redis, for journals that run several server
 * nodes (any node answers any request of a flow; a restarted node loses nothing). A separate
 * entry, so the core never imports a Redis client. Compare-and-set and the rate-limit counters
 * are single Lua scripts: atomic on the server, one round trip each.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { FlowStore, StoredRecord } from './store.js';

// KEYS[1] the record; ARGV: value, ttl ms, expected version ('' = must not exist, '*' = any).
const PUT = `
local current = redis.call('HGET', KEYS[1], 'n')
if ARGV[3] == '' then
  if current then return nil end
elseif ARGV[3] ~= '*' then
  if current ~= ARGV[3] then return nil end
end
local version = (tonumber(current) or 0) + 1
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'n', version)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return version
`;

// KEYS[1] the counter; ARGV[1] the window in ms. The window starts with the first hit.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

export interface RedisStoreOptions {
  /** A client of your own (its connection settings, TLS, Sentinel…). It is not closed by `close()`. */
  client?: Redis;
  /** Or a URL (`redis://127.0.0.1:6379/0`, `rediss://…`) and options for a client made here. */
  url?: string;
  redisOptions?: RedisOptions;
  /** Prefix of every key. Default `sferum:`. */
  prefix?: string;
}

interface ScriptedRedis extends Redis {
  sferumPut(key: string, value: string, ttlMs: number, expect: string): Promise<number | null>;
  sferumHit(key: string, windowMs: number): Promise<[number, number]>;
}

export type RedisFlowStore = FlowStore & {
  readonly client: Redis;
  /** Closes the connection when the store made it. */
  close(): Promise<void>;
};

export function createRedisStore(options: RedisStoreOptions = {}): RedisFlowStore {
  const own = !options.client;
  // Auto-pipelining batches the many small commands of concurrent requests into one write.
  const client = (options.client ??
    new Redis(options.url ?? 'redis://127.0.0.1:6379', { enableAutoPipelining: true, maxRetriesPerRequest: 2, ...options.redisOptions })) as ScriptedRedis;
  const prefix = options.prefix ?? 'sferum:';
  if (typeof client.sferumPut !== 'function') {
    client.defineCommand('sferumPut', { numberOfKeys: 1, lua: PUT });
    client.defineCommand('sferumHit', { numberOfKeys: 1, lua: HIT });
  }
  const key = (name: string) => prefix + name;
  // PEXPIRE 0 would delete the record at once.
  const ttl = (ms: number) => Math.max(1, Math.ceil(ms));

  return {
    client,
    async get(name): Promise<StoredRecord | undefined> {
      const [value, version] = await client.hmget(key(name), 'v', 'n');
      return value === null || version === null ? undefined : { value, version: Number(version) };
    },
    async put(name, value, ttlMs, expect) {
      const result = await client.sferumPut(key(name), value, ttl(ttlMs), expect === null ? '' : expect === 'any' ? '*' : String(expect));
      return result === null ? undefined : Number(result);
    },
    async delete(name) {
      await client.del(key(name));
    },
    async hit(name, windowMs) {
      const [count, resetInMs] = await client.sferumHit(key(`hit:${name}`), ttl(windowMs));
      return { count: Number(count), resetInMs: Number(resetInMs) };
    },
    async close() {
      if (own) await client.quit();
    },
  };
}
