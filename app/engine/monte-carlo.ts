import { floatArithmetic } from "./arithmetic.ts";
import { computeCashTotal } from "./cash.ts";
import { runModel } from "./model.ts";
import type { Multipliers } from "./options/context.ts";
import { createScenarioParams } from "./params.ts";
import type { Driver, Scenario } from "./scenario.ts";

/**
 * Monte Carlo over the scenario's triangular multiplier ranges. Sampling and the model run in float64
 * (plain JS numbers) for speed: results are labelled `sampling: "float64"` and are estimates; the
 * deterministic result is the Decimal one. Seeded, so the same scenario gives the same draws.
 */
export interface MonteCarloOption {
  optionId: string;
  /** Total cash cost over the horizon (nominal, scenario currency), float64 percentiles. */
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

export interface MonteCarloResult {
  sampling: "float64";
  draws: number;
  seed: number;
  options: MonteCarloOption[];
  /** Share of draws where the cheapest self-hosted (owned or rented) option costs less than the
   * cheapest API option; null when the scenario lacks one of the two kinds. Hybrids are in neither. */
  probabilitySelfHostingCheaper: number | null;
}

export interface TriangularRange {
  driver: Driver;
  min: number;
  mode: number;
  max: number;
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG returning floats in [0, 1). */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inverse-CDF sample of a triangular distribution (min ≤ mode ≤ max) from u in [0, 1). */
export function sampleTriangular(range: { min: number; mode: number; max: number }, u: number): number {
  const { min, mode, max } = range;
  const width = max - min;
  if (width === 0) return min;
  const split = (mode - min) / width;
  return u < split ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
}

/** The q-quantile of sorted values by linear interpolation between closest ranks. */
export function computeQuantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return (sorted[lower] as number) + ((sorted[upper] as number) - (sorted[lower] as number)) * (position - lower);
}

function isSelfHosted(kind: Scenario["options"][number]["kind"]): boolean {
  return kind === "owned-gpu" || kind === "rented-gpu";
}

export type MonteCarloOverrides = { draws?: number; seed?: number; ranges?: TriangularRange[] };

/**
 * Runs `draws` float64 draws. `ranges`, `draws` and `seed` default to the scenario's
 * `sensitivity.monteCarlo`; with no ranges every draw equals the base case.
 */
export function computeMonteCarlo(scenario: Scenario, overrides: MonteCarloOverrides = {}): MonteCarloResult {
  const run = iterateMonteCarlo(scenario, overrides, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * The same draws in the same order as `computeMonteCarlo`, yielding `{ done, total }` after every
 * `chunkSize` draws and returning the result at the end: a caller (the browser's worker) can report
 * progress and drop a run that newer input made obsolete, with figures equal to the one-shot run.
 */
export function* iterateMonteCarlo(scenario: Scenario, overrides: MonteCarloOverrides = {}, chunkSize = 200): Generator<{ done: number; total: number }, MonteCarloResult> {
  const settings = scenario.sensitivity.monteCarlo;
  const draws = overrides.draws ?? settings?.draws.toNumber() ?? 10_000;
  const seed = overrides.seed ?? settings?.seed.toNumber() ?? 1;
  const ranges =
    overrides.ranges ??
    (settings?.ranges ?? []).map((range) => ({ driver: range.driver, min: range.min.toNumber(), mode: range.mode.toNumber(), max: range.max.toNumber() }));
  const params = createScenarioParams(floatArithmetic, scenario);
  const random = createPrng(seed);
  const totals = scenario.options.map(() => new Float64Array(draws));
  const selfHosted = scenario.options.map((option) => isSelfHosted(option.kind));
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
