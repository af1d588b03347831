/** The per-process queue of computing writes (app/utils/compute-slots.server.ts). */
import { describe, expect, it } from "vitest";
import { createComputeSlots } from "~/utils/compute-slots.server.ts";

/** A piece of work the test finishes by hand; `started` says whether it has begun. */
function deferredWork(name: string, log: string[]) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const state = { started: false };
  const work = () => {
    state.started = true;
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { work, state, finish: () => finish(name), fail: (error: Error) => fail(error) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("compute slots", () => {
  it("runs at most `slots` at once and the rest in the order they came", async () => {
    const log: string[] = [];
    const slots = createComputeSlots({ slots: 2, maxWaiting: 10 });
    const works = ["a", "b", "c", "d"].map((name) => deferredWork(name, log));
    const results = works.map((each) => slots.run(each.work));
    await tick();
    expect(works.map((each) => each.state.started)).toEqual([true, true, false, false]);
    works[1]?.finish();
    await tick();
    expect(works.map((each) => each.state.started)).toEqual([true, true, true, false]);
    works[0]?.finish();
    works[2]?.finish();
    await tick();
    works[3]?.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
    expect(log).toEqual(["start a", "start b", "start c", "start d"]);
  });

  it("frees the slot of a write that failed", async () => {
    const log: string[] = [];
    const slots = createComputeSlots({ slots: 1, maxWaiting: 10 });
    const failing = deferredWork("a", log);
    const next = deferredWork("b", log);
    const first = slots.run(failing.work);
    const second = slots.run(next.work);
    await tick();
    failing.fail(new Error("database down"));
    await expect(first).rejects.toThrow("database down");
    await tick();
    expect(next.state.started).toBe(true);
    next.finish();
    expect(await second).toBe("b");
  });

  it("refuses with 503 and Retry-After once too many are waiting", async () => {
    const log: string[] = [];
    const slots = createComputeSlots({ slots: 1, maxWaiting: 2 });
    const works = ["a", "b", "c"].map((name) => deferredWork(name, log));
    const accepted = works.map((each) => slots.run(each.work));
    const refused = await slots.run(async () => "d").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(503);
    expect(Number((refused as Response).headers.get("Retry-After"))).toBeGreaterThan(0);
    await tick();
    for (const each of works) {
      each.finish();
      await tick();
    }
    expect(await Promise.all(accepted)).toEqual(["a", "b", "c"]);
  });
});
