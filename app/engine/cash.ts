import type { Arithmetic } from "./arithmetic.ts";
import { OPEX_CATEGORIES, type OptionSeries } from "./options/context.ts";

/** Cash-view summary of one option: the light path used by the tornado and Monte Carlo. */
export interface CashSummary<T> {
  /** Cumulative cash by month: capex − resale − residual credit + opex (never depreciation). */
  cumulative: T[];
  total: T;
  /** Σ cash(m) × discount(m). */
  npv: T;
}

/** Sums an option's cash view month by month; same formula as the full results, in any number type. */
export function summariseCash<T>(A: Arithmetic<T>, series: OptionSeries<T>, discountFactors: readonly T[]): CashSummary<T> {
  const months = series.demandRequests.length;
  const lines: T[][] = [];
  for (const category of OPEX_CATEGORIES) {
    const line = series.opex[category];
    if (line) lines.push(line);
  }
  const capex = series.capital.capex;
  const credits = [series.capital.resaleCredit, series.capital.residualCredit].filter((line): line is T[] => line !== undefined);
  const cumulative = new Array<T>(months);
  let total = A.zero;
  let npv = A.zero;
  for (let m = 0; m < months; m++) {
    let cash = capex ? (capex[m] as T) : A.zero;
    for (const line of lines) cash = A.add(cash, line[m] as T);
    for (const credit of credits) cash = A.sub(cash, credit[m] as T);
    total = A.add(total, cash);
    npv = A.add(npv, A.mul(cash, discountFactors[m] as T));
    cumulative[m] = total;
  }
  return { cumulative, total, npv };
}

/** Total cash cost over the horizon only (Monte Carlo's hot path): the same lines as summariseCash. */
export function computeCashTotal<T>(A: Arithmetic<T>, series: OptionSeries<T>): T {
  let total = A.zero;
  const add = (line: T[] | undefined, sign: 1 | -1) => {
    if (!line) return;
    for (let m = 0; m < line.length; m++) total = sign === 1 ? A.add(total, line[m] as T) : A.sub(total, line[m] as T);
  };
  add(series.capital.capex, 1);
  add(series.capital.resaleCredit, -1);
  add(series.capital.residualCredit, -1);
  for (const category of OPEX_CATEGORIES) add(series.opex[category], 1);
  return total;
}
