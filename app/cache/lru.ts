/**
 * A bounded in-process cache of values that do not change under their key (app/cache/*): least
 * recently used out first once the sizes add up past `maxBytes`, each entry dropped `maxAgeMs` after
 * it was read, and simultaneous misses for one key sharing one load. A load that finds nothing (null)
 * is not kept. Values are shared between callers: read-only.
 */
export interface CacheOptions<V> {
  maxBytes: number;
  maxAgeMs: number;
  /** The size an entry counts for, in bytes (an estimate of its heap). */
  sizeOf: (value: V) => number;
  now?: () => number;
}

export interface Cache<V> {
  /** The value kept under `key`, or `load()`'s (kept unless null). */
  get(key: string, load: () => Promise<V | null>): Promise<V | null>;
  /** Entries and their total size now. */
  stats(): { entries: number; bytes: number };
}

export function createCache<V>({ maxBytes, maxAgeMs, sizeOf, now = Date.now }: CacheOptions<V>): Cache<V> {
  const entries = new Map<string, { value: V; bytes: number; loadedAt: number }>();
  const loading = new Map<string, Promise<V | null>>();
  let totalBytes = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (entry === undefined) return;
    entries.delete(key);
    totalBytes -= entry.bytes;
  }

  function keep(key: string, value: V, loadedAt: number): void {
    const bytes = sizeOf(value);
    if (bytes > maxBytes) return;
    remove(key);
    // A Map iterates in insertion order, and a hit re-inserts: the first key is the least recently used.
    for (const oldest of entries.keys()) {
      if (totalBytes + bytes <= maxBytes) break;
      remove(oldest);
    }
    entries.set(key, { value, bytes, loadedAt });
    totalBytes += bytes;
  }

  return {
    async get(key, load) {
      const entry = entries.get(key);
      if (entry !== undefined && now() - entry.loadedAt < maxAgeMs) {
        entries.delete(key);
        entries.set(key, entry);
        return entry.value;
      }
      remove(key);
      const pending = loading.get(key);
      if (pending !== undefined) return pending;
      const loadedAt = now();
      const shared = load()
        .then((value) => {
          if (value !== null) keep(key, value, loadedAt);
          return value;
        })
        .finally(() => loading.delete(key));
      loading.set(key, shared);
      return shared;
    },
    stats: () => ({ entries: entries.size, bytes: totalBytes }),
  };
}
