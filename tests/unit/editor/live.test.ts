import { describe, expect, it } from "vitest";
import { computeLiveResult, getWorkerUrl, WORKER_PATH } from "~/hooks/use-live-result.ts";
import { computeMonteCarlo, iterateMonteCarlo, parseScenario } from "~/engine";
import { EXAMPLE_NAMES, loadExample } from "./fixtures.ts";

describe("Monte Carlo in chunks", () => {
  it("equals the engine's computeMonteCarlo exactly and reports progress per chunk", () => {
    const scenario = loadExample("four-options-60-months");
    (scenario.sensitivity as { monteCarlo: { draws: string } }).monteCarlo.draws = "450";
    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error("example must parse");
    const chunks = iterateMonteCarlo(parsed.scenario, {}, 200);
    const progress: number[] = [];
    let step = chunks.next();
    while (!step.done) {
      progress.push(step.value.done);
      step = chunks.next();
    }
    expect(progress).toEqual([200, 400, 450]);
    expect(step.value).toEqual(computeMonteCarlo(parsed.scenario));
  });
});

describe("live result", () => {
  it("gives issues and no result for invalid input, a serialized result for valid input", () => {
    const invalid = computeLiveResult({ schemaVersion: 1 }, "2026-11-30");
    expect(invalid.result).toBeNull();
    expect(invalid.issues).toContainEqual({ path: "name", message: "is required" });
    const valid = computeLiveResult(loadExample("hybrid-overflow-eur"), "2026-11-30");
    expect(valid.issues).toEqual([]);
    expect(typeof valid.result?.options[0]?.totals.cash).toBe("string");
  });

  it("versions the worker URL with the Remix build so the year-long cache of /build/ never serves an old worker", () => {
    expect(getWorkerUrl()).toBe(WORKER_PATH);
    (globalThis as { __remixManifest?: { version: string } }).__remixManifest = { version: "abc123" };
    expect(getWorkerUrl()).toBe("/build/workers/monte-carlo.js?v=abc123");
    delete (globalThis as { __remixManifest?: unknown }).__remixManifest;
  });

  it("prints the time of parse + compute + serialise per keystroke on the examples (not asserted)", () => {
    for (const name of EXAMPLE_NAMES) {
      const input = loadExample(name);
      const times: number[] = [];
      for (let run = 0; run < 30; run++) {
        // A fresh object each run, as after an edit; the engine's catalogue memo stays warm as in the page.
        times.push(computeLiveResult(structuredClone(input), "2026-11-30").computeMs);
      }
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
      console.log(`editor live-compute ${name}: first_ms=${times[0]?.toFixed(1)} median_ms=${median.toFixed(1)} p95_ms=${p95.toFixed(1)}`);
    }
  });
});
