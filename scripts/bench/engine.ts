import { readFileSync } from "node:fs";
import { floatArithmetic } from "../../app/engine/arithmetic.ts";
import { summariseCash } from "../../app/engine/cash.ts";
import { computeMonteCarlo, computeScenario, computeTornado, parseScenario, type Scenario } from "../../app/engine/index.ts";
import { runModel } from "../../app/engine/model.ts";
import { createScenarioParams } from "../../app/engine/params.ts";
import type { Benchmark } from "./measure.ts";

function loadExample(): Scenario {
  const url = new URL("../../public/examples/four-options-60-months.json", import.meta.url);
  const parsed = parseScenario(JSON.parse(readFileSync(url, "utf8")));
  if (!parsed.ok) throw new Error(`example scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}

const scenario = loadExample();
const floatParams = createScenarioParams(floatArithmetic, scenario);

/** The engine's benchmarks on the 60-month, 4-option example. */
export const ENGINE_BENCHMARKS: Benchmark[] = [
  // Steady state, as in a browser tab or server recomputing on every edit: V8 needs a few hundred calls
  // before decimal.js's hot paths are optimised (30 warm-up calls measured ~6.5 ms, 300 ~4.0 ms, here).
  { name: "engine-recompute", warmup: 300, runs: 200, run: () => void computeScenario(scenario, { asOf: "2026-11-25" }) },
  {
    name: "engine-recompute-float64",
    warmup: 200,
    runs: 2000,
    // The same monthly model and cash totals in plain float64: the reference for Decimal's cost.
    run: () => {
      const run = runModel(floatArithmetic, floatParams);
      for (const series of run.options) summariseCash(floatArithmetic, series, run.discountFactors);
    },
    extra: (medians): Record<string, string> => {
      const decimal = medians.get("engine-recompute");
      const float = medians.get("engine-recompute-float64");
      return decimal !== undefined && float !== undefined && float > 0 ? { decimal_over_float64: (decimal / float).toFixed(1) } : {};
    },
  },
  { name: "engine-tornado", warmup: 3, runs: 20, run: () => void computeTornado(scenario) },
  { name: "engine-monte-carlo-10k", warmup: 1, runs: 5, run: () => void computeMonteCarlo(scenario, { draws: 10_000 }) },
];
