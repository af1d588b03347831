import { afterEach, describe, expect, it, vi } from "vitest";

async function load(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import("../../evidence.ts");
}

describe("the evidence tier (ADR 022)", () => {
  afterEach(() => void vi.unstubAllEnvs());

  it("is quick by default, a tenth of issue 13's counts (a fifth of the kills); full is the issue's own", async () => {
    expect(await load({ OPENTCO_EVIDENCE: undefined, FUZZ_RUNS: undefined })).toMatchObject({ EVIDENCE_TIER: "quick", EVIDENCE: { fuzzRunsPerTarget: 1_000, concurrentSaveRounds: 100, crashCycles: 20 } });
    expect(await load({ OPENTCO_EVIDENCE: "full", FUZZ_RUNS: undefined })).toMatchObject({ EVIDENCE_TIER: "full", EVIDENCE: { fuzzRunsPerTarget: 10_000, concurrentSaveRounds: 1_000, crashCycles: 100 } });
  });

  it("lets FUZZ_RUNS set the fuzz count alone", async () => {
    expect((await load({ OPENTCO_EVIDENCE: "full", FUZZ_RUNS: "300" })).EVIDENCE).toEqual({ fuzzRunsPerTarget: 300, concurrentSaveRounds: 1_000, crashCycles: 100 });
  });

  it("refuses a value it does not know, naming the variable", async () => {
    await expect(load({ OPENTCO_EVIDENCE: "nightly" })).rejects.toThrow('OPENTCO_EVIDENCE: must be "quick" or "full", not "nightly"');
    await expect(load({ OPENTCO_EVIDENCE: undefined, FUZZ_RUNS: "1e4" })).rejects.toThrow('FUZZ_RUNS: must be a whole number from 1 to 9999999, not "1e4"');
  });
});
