/** The bounded cache under app/cache (app/cache/lru.ts), with a clock and loads the test controls. */
import { describe, expect, it } from "vitest";
import { createCache } from "~/cache/lru.ts";

type Value = { name: string; bytes: number };

function setup(maxBytes = 100, maxAgeMs = 1_000) {
  let clock = 0;
  const loads: string[] = [];
  const cache = createCache<Value>({ maxBytes, maxAgeMs, sizeOf: (value) => value.bytes, now: () => clock });
  const get = (name: string, bytes = 30) =>
    cache.get(name, async () => {
      loads.push(name);
      return name.startsWith("missing") ? null : { name, bytes };
    });
  return { cache, get, loads, tick: (ms: number) => (clock += ms) };
}

describe("the in-process cache", () => {
  it("loads a key once and hands out the same value after", async () => {
    const { get, loads } = setup();
    const first = await get("a");
    expect(await get("a")).toBe(first);
    expect(loads).toEqual(["a"]);
  });

  it("shares one load between simultaneous misses", async () => {
    const { get, loads } = setup();
    const values = await Promise.all(Array.from({ length: 10 }, () => get("a")));
    expect(loads).toEqual(["a"]);
    expect(new Set(values).size).toBe(1);
  });

  it("keeps no null: a missing value is looked up again", async () => {
    const { cache, get, loads } = setup();
    expect(await get("missing")).toBeNull();
    expect(await get("missing")).toBeNull();
    expect(loads).toEqual(["missing", "missing"]);
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it("drops the least recently used entries once the sizes pass the budget", async () => {
    const { cache, get, loads } = setup(100);
    await get("a");
    await get("b");
    await get("c");
    await get("a"); // a is now the most recently used; b the least
    await get("d");
    expect(cache.stats()).toEqual({ entries: 3, bytes: 90 });
    loads.length = 0;
    await Promise.all([get("a"), get("c"), get("d")]);
    expect(loads).toEqual([]);
    await get("b");
    expect(loads).toEqual(["b"]);
  });

  it("never keeps a value larger than the whole budget", async () => {
    const { cache, get, loads } = setup(100);
    await get("a");
    await get("huge", 101);
    await get("huge", 101);
    expect(loads).toEqual(["a", "huge", "huge"]);
    expect(cache.stats()).toEqual({ entries: 1, bytes: 30 });
  });

  it("loads again once an entry is older than the maximum age", async () => {
    const { get, loads, tick } = setup(100, 1_000);
    await get("a");
    tick(999);
    await get("a");
    tick(1);
    await get("a");
    expect(loads).toEqual(["a", "a"]);
  });

  it("passes a failed load on and tries again next time", async () => {
    const { cache } = setup();
    await expect(cache.get("x", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("x", async () => ({ name: "x", bytes: 1 }))).toEqual({ name: "x", bytes: 1 });
  });
});
