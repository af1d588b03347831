import { floatArithmetic } from "~/engine/arithmetic.ts";
import { computeCashTotal } from "~/engine/cash.ts";
import type { MonteCarloResult, Scenario } from "~/engine/index.ts";
import { runModel, type Multipliers } from "~/engine/model.ts";
import { computeQuantile, createPrng, sampleTriangular } from "~/engine/monte-carlo.ts";
import { createScenarioParams } from "~/engine/params.ts";

/**
 * The engine's `computeMonteCarlo`, run in chunks of draws so a worker can report progress and drop a
 * run that newer input made obsolete. Same PRNG, same seed, same order of draws and the same quantile
 * rule, so the result equals `computeMonteCarlo(scenario)` exactly (a unit test holds that): the
 * browser, the server and the CLI give the same figures.
 *
 * `computeMonteCarlo` has no progress hook; this copies its loop (about 30 lines) over the engine's own
 * building blocks instead of changing the engine. An `onProgress` callback in the engine would remove
 * the copy.
 */
export function* runMonteCarloInChunks(scenario: Scenario, chunkSize = 200): Generator<{ done: number; total: number }, MonteCarloResult | null> {
  const settings = scenario.sensitivity.monteCarlo;
  if (settings === undefined) return null;
  const draws = settings.draws.toNumber();
  const seed = settings.seed.toNumber();
  const ranges = settings.ranges.map((range) => ({ driver: range.driver, min: range.min.toNumber(), mode: range.mode.toNumber(), max: range.max.toNumber() }));
  const params = createScenarioParams(floatArithmetic, scenario);
  const random = createPrng(seed);
  const totals = scenario.options.map(() => new Float64Array(draws));
  const selfHosted = scenario.options.map((option) => option.kind === "owned-gpu" || option.kind === "rented-gpu");
  const api = scenario.options.map((option) => option.kind === "api");
  const comparable = selfHosted.includes(true) && api.includes(true);
  let selfHostedCheaper = 0;
  for (let start = 0; start < draws; start += chunkSize) {
    const end = Math.min(draws, start + chunkSize);
    for (let draw = start; draw < end; draw++) {
      const multipliers: Multipliers<number> = {};
      for (const range of ranges) multipliers[range.driver] = sampleTriangular(range, random());
      const run = runModel(floatArithmetic, params, multipliers);
      let cheapestSelfHosted = Infinity;
      let cheapestApi = Infinity;
      run.options.forEach((series, i) => {
        const total = computeCashTotal(floatArithmetic, series);
        (totals[i] as Float64Array)[draw] = total;
        if (selfHosted[i]) cheapestSelfHosted = Math.min(cheapestSelfHosted, total);
        if (api[i]) cheapestApi = Math.min(cheapestApi, total);
      });
      if (comparable && cheapestSelfHosted < cheapestApi) selfHostedCheaper++;
    }
    yield { done: end, total: draws };
  }
  return {
    sampling: "float64",
    draws,
    seed,
    options: scenario.options.map((option, i) => {
      const sorted = (totals[i] as Float64Array).slice().sort();
      let sum = 0;
      for (const value of sorted) sum += value;
      return { optionId: option.id, p10: computeQuantile(sorted, 0.1), p50: computeQuantile(sorted, 0.5), p90: computeQuantile(sorted, 0.9), mean: sum / draws };
    }),
    probabilitySelfHostingCheaper: comparable ? selfHostedCheaper / draws : null,
  };
}
