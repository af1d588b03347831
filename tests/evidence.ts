/**
 * How hard the evidence tests push (issue 13; docs/decisions/022-evidence-tiers.md). `npm test`, and
 * so CI, runs the quick tier: a tenth of the counts (a fifth of its kills), enough to catch a
 * regression while CI takes 21–23 minutes on two cores instead of ~52. `npm run test:evidence` (the
 * nightly job, `.ci/nightly`) sets OPENTCO_EVIDENCE=full and runs the issue's own counts: 10,000
 * malformed requests per fuzz target, 1,000 rounds of 10 concurrent writers, 100 kill -9s.
 * FUZZ_RUNS sets the fuzz count alone, while developing a target.
 */
const tier = process.env.OPENTCO_EVIDENCE ?? "quick";
if (tier !== "quick" && tier !== "full") throw new Error(`OPENTCO_EVIDENCE: must be "quick" or "full", not "${tier}"`);

export const EVIDENCE_TIER: "quick" | "full" = tier;

const counts =
  tier === "full"
    ? { fuzzRunsPerTarget: 10_000, concurrentSaveRounds: 1_000, crashCycles: 100 }
    : { fuzzRunsPerTarget: 1_000, concurrentSaveRounds: 100, crashCycles: 20 };

const fuzzRuns = process.env.FUZZ_RUNS;
if (fuzzRuns !== undefined && !/^[1-9]\d{0,6}$/.test(fuzzRuns)) throw new Error(`FUZZ_RUNS: must be a whole number from 1 to 9999999, not "${fuzzRuns}"`);

export const EVIDENCE = { ...counts, fuzzRunsPerTarget: fuzzRuns === undefined ? counts.fuzzRunsPerTarget : Number(fuzzRuns) };
