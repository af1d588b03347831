/**
 * What every option kind's monthly computation shares: the run's context (demand, inflation, the
 * sensitivity multipliers), an option's monthly series, and the helpers that write its lines. One file
 * per option kind computes a series (api.ts, owned.ts, rented.ts, hybrid.ts); app/engine/model.ts runs
 * them for a scenario.
 */
import type { Arithmetic } from "../arithmetic.ts";
import type { ExtraCostParams } from "../params.ts";
import type { Driver } from "../scenario.ts";

/** A month has 730 hours (8,760 / 12), the convention of the cloud price lists users compare against. */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export const OPEX_CATEGORIES = [
  "api",
  "gpu-rental",
  "power",
  "facility",
  "maintenance",
  "licences",
  "staff",
  "setup",
  "compliance",
  "other",
] as const;
export type OpexCategory = (typeof OPEX_CATEGORIES)[number];

/** Multipliers of the sensitivity drivers; a missing driver is 1. */
export type Multipliers<T> = Partial<Record<Driver, T>>;

/** A change of capacity; `month` is the 0-based month index. */
export interface CapacityEvent {
  month: number;
  action: "buy" | "retire" | "scale-up" | "scale-down";
  nodes: number;
  gpusPerNode: number;
  component: "primary" | "secondary" | null;
}

/** Money lines besides opex; absent (undefined) when the option never has them. */
export const CAPITAL_LINES = ["capex", "resaleCredit", "residualCredit", "depreciation", "disposalLoss"] as const;
export type CapitalLine = (typeof CAPITAL_LINES)[number];

/**
 * Monthly lines of one option, each an array over the horizon (index 0 = the start month). Money is in
 * the scenario currency, nominal; credits (resale, residual value) are positive amounts to subtract.
 * A line the option never uses is absent (zero in every month). Capacity is counted in "reference
 * GPUs": GPUs of the start month's performance.
 */
export interface OptionSeries<T> {
  id: string;
  /** capex, resale and residual credits (cash view); depreciation and loss on disposal (accounting view). */
  capital: Partial<Record<CapitalLine, T[]>>;
  opex: Partial<Record<OpexCategory, T[]>>;
  demandRequests: T[];
  servedRequests: T[];
  /** Absent for API-only options. */
  gpusInService: number[] | null;
  busyReferenceGpus: T[] | null;
  capacityReferenceGpus: T[] | null;
  events: CapacityEvent[];
  /** Months where demand exceeded the capacity allowed (maxNodes). */
  shortfallMonths: number[];
  /** The target utilisation times its sensitivity multiplier exceeded 100 % and 100 % was used. */
  utilisationCapped: boolean;
}

export interface ModelContext<T> {
  A: Arithmetic<T>;
  months: number;
  /** The scenario's demand (requests a month) and its monthly growth factor. */
  demand: T[];
  monthlyGrowth: T;
  multipliers: Multipliers<T>;
  /** Opex inflation factor of each month (1 in month 0): power, facility, maintenance, staff, licences and extra lines only. */
  inflation: T[];
  inputTokensPerRequest: T;
  outputTokensPerRequest: T;
  cachedInputShare: T;
  peakToAverage: T;
  batchEligibleShare: T;
  /** Products demand[m] × rate already computed in this run (see getDemandProducts). */
  demandProducts: { demand: T[]; rate: T; products: (T | undefined)[] }[];
}

export function scaled<T>(ctx: ModelContext<T>, value: T, driver: Driver): T {
  const multiplier = ctx.multipliers[driver];
  return multiplier === undefined ? value : ctx.A.mul(value, multiplier);
}

/** first × factor^m for m = 0 … months−1, by repeated multiplication. */
export function geometricSeries<T>(A: Arithmetic<T>, first: T, factor: T, months: number): T[] {
  const series = new Array<T>(months);
  let value = first;
  for (let m = 0; m < months; m++) {
    series[m] = value;
    if (m + 1 < months) value = A.mul(value, factor);
  }
  return series;
}

/**
 * The run's cache of the products demand[m] × rate, filled on first use: options that meet the same demand
 * at the same rate (owned and rented GPUs running the same model on the same GPU need the same capacity
 * per request) share the products instead of multiplying again.
 */
export function getDemandProducts<T>(ctx: ModelContext<T>, demand: T[], rate: T): (T | undefined)[] {
  let known = ctx.demandProducts.find((entry) => entry.demand === demand && ctx.A.eq(entry.rate, rate));
  if (known === undefined) {
    known = { demand, rate, products: new Array<T | undefined>(demand.length) };
    ctx.demandProducts.push(known);
  }
  return known.products;
}

/** Monthly factor of a yearly factor, by compounding: (1 + r)^(1/12). */
export function monthlyFactor<T>(A: Arithmetic<T>, yearlyFactor: T): T {
  return A.twelfthRoot(yearlyFactor);
}

export function createSeries<T>(id: string, demand: T[]): OptionSeries<T> {
  return {
    id,
    capital: {},
    opex: {},
    demandRequests: demand,
    servedRequests: demand,
    gpusInService: null,
    busyReferenceGpus: null,
    capacityReferenceGpus: null,
    events: [],
    shortfallMonths: [],
    utilisationCapped: false,
  };
}

export function zeroLine<T>(A: Arithmetic<T>, months: number): T[] {
  return new Array<T>(months).fill(A.zero);
}

/** The monthly line `key` of `lines`, created as zeros the first time an option uses it. */
function getOrCreateLine<T, K extends string>(ctx: ModelContext<T>, lines: Partial<Record<K, T[]>>, key: K): T[] {
  let line = lines[key];
  if (line === undefined) {
    line = zeroLine(ctx.A, ctx.months);
    lines[key] = line;
  }
  return line;
}

export function opexLine<T>(ctx: ModelContext<T>, series: OptionSeries<T>, category: OpexCategory): T[] {
  return getOrCreateLine(ctx, series.opex, category);
}

export function capitalLine<T>(ctx: ModelContext<T>, series: OptionSeries<T>, key: CapitalLine): T[] {
  return getOrCreateLine(ctx, series.capital, key);
}

export function addExtras<T>(ctx: ModelContext<T>, series: OptionSeries<T>, extras: ExtraCostParams<T>[]): void {
  const { A } = ctx;
  for (const extra of extras) {
    if (A.isZero(extra.perMonth)) continue;
    const line = opexLine(ctx, series, extra.category);
    for (let m = 0; m < ctx.months; m++) line[m] = A.add(line[m] as T, A.mul(extra.perMonth, ctx.inflation[m] as T));
  }
}
