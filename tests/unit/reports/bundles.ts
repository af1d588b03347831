/** Result bundles of the shipped examples, computed once per test file as the app computes them. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { computeMonteCarlo, computeScenario, computeTornado, parseScenario, serializeResult } from "~/engine/index.ts";
import type { ResultBundle } from "~/reports/index.ts";

export const EXAMPLES = ["four-options-60-months", "eu-personal-data-compliance", "hybrid-overflow-eur"] as const;
export type ExampleName = (typeof EXAMPLES)[number];

/** The date the results are judged against: fixed, so staleness warnings do not drift with the clock. */
export const AS_OF = "2026-11-25";

const cache = new Map<ExampleName, ResultBundle>();

/** The example's bundle; Monte Carlo with 500 draws to keep tests fast (same seed as the example). */
export function loadBundle(name: ExampleName): ResultBundle {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = path.resolve(import.meta.dirname, "../../../public/examples", `${name}.json`);
  const parsed = parseScenario(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`);
  const scenario = parsed.scenario;
  const bundle: ResultBundle = {
    scenario: serializeResult(computeScenario(scenario, { asOf: AS_OF })),
    tornado: serializeResult(computeTornado(scenario)),
    monteCarlo: scenario.sensitivity.monteCarlo ? serializeResult(computeMonteCarlo(scenario, { draws: 500 })) : null,
  };
  cache.set(name, bundle);
  return bundle;
}
