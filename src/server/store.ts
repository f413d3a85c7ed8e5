/**
 * Where flows live between requests. One interface, two implementations: in memory (one process)
 * and Redis (`sferum-widgets/server/redis`, several server nodes). A journal may bring its own
 * (a SQL table, for example) by implementing these four methods.
 */

/** A stored record and its version (it grows by one with every write). */
export interface StoredRecord {
  readonly value: string;
  readonly version: number;
}

export interface FlowStore {
  /** The record under `key`, or `undefined` when there is none or it has expired. */
  get(key: string): Promise<StoredRecord | undefined>;
  /**
   * Writes `value` with a time to live, atomically, only when the record is as the caller saw it:
   * `expect` is the version read, `null` to create a record that must not exist yet, or `'any'` to
   * write regardless. Returns the new version, or `undefined` when another writer got there first.
   */
  put(key: string, value: string, ttlMs: number, expect: number | null | 'any'): Promise<number | undefined>;
  /** Removes the record (nothing happens when there is none). */
  delete(key: string): Promise<void>;
  /**
   * Counts one hit in a fixed window that starts with the first hit (rate limits).
   * Returns the hits so far in the window and the milliseconds until it ends.
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
}

export interface MemoryStoreOptions {
  /** The clock (tests move it to check expiry). */
  now?: () => number;
  /** Records kept at most; the oldest-expiring go first. Default 200,000. */
  maxEntries?: number;
}

interface Entry {
  value: string;
  version: number;
  expiresAt: number;
}

/**
 * The in-memory store: for one server process (a restart loses the flows in progress). Expired
 * records are dropped when read and swept every few thousand writes, so no timer keeps a
 * process or an isolate alive.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): FlowStore & { readonly size: number } {
  const now = options.now ?? (() => Date.now());
  const maxEntries = options.maxEntries ?? 200_000;
  const entries = new Map<string, Entry>();
  let writes = 0;

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const sweep = () => {
    const t = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= t) entries.delete(key);
    if (entries.size <= maxEntries) return;
    // Still full of live records (a flood): drop those that expire soonest, down to 90 % so
    // that the next sweep is thousands of writes away.
    const byExpiry = [...entries].sort((a, b) => a[1].expiresAt - b[1].expiresAt);
    for (const [key] of byExpiry.slice(0, entries.size - Math.floor(maxEntries * 0.9))) entries.delete(key);
  };

  const written = () => {
    if (++writes % 4096 === 0 || entries.size > maxEntries) sweep();
  };

  return {
    get size() {
      return entries.size;
    },
    async get(key) {
      const entry = live(key);
      return entry ? { value: entry.value, version: entry.version } : undefined;
    },
    async put(key, value, ttlMs, expect) {
      const entry = live(key);
      if (expect === null ? entry !== undefined : expect !== 'any' && entry?.version !== expect) return undefined;
      const version = (entry?.version ?? 0) + 1;
      entries.set(key, { value, version, expiresAt: now() + ttlMs });
      written();
      return version;
    },
    async delete(key) {
      entries.delete(key);
    },
    async hit(key, windowMs) {
      const entry = live(key);
      if (!entry) {
        entries.set(key, { value: '1', version: 1, expiresAt: now() + windowMs });
        written();
        return { count: 1, resetInMs: windowMs };
      }
      entry.version++;
      entry.value = String(entry.version);
      return { count: entry.version, resetInMs: entry.expiresAt - now() };
    },
  };
}
