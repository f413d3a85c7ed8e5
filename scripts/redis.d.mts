// Types of scripts/redis.mjs, for the tests that start a redis-server themselves.
export declare const REDIS_INSTALL_HINT: string;
export declare function findRedisServer(): string | undefined;
export declare function ensureRedisServer(): string | undefined;
export declare function freePort(): Promise<number>;
export declare function startRedis(binary?: string): Promise<{ url: string; port: number; pid: number; stop(): Promise<void>; kill(): void }>;
