/**
 * How hard the evidence tests push (issue 13; docs/decisions/022-evidence-tiers.md). `npm test`, and
 * so CI, runs the quick tier: a tenth of the counts (a fifth of its kills), enough to catch a
 * regression while CI stays near a quarter of an hour on two cores. `npm run test:evidence` (the
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

export const EVIDENCE = { ...counts, fuzzRunsPerTarget: Number(process.env.FUZZ_RUNS ?? counts.fuzzRunsPerTarget) };
