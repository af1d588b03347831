import { addMonths } from "./calendar.ts";
import type { Decimal } from "./decimal.ts";

/**
 * Break-even of A against B: the first month index from which A's cumulative cost stays at or below
 * B's for the rest of the horizon, or null when that never happens within the horizon (including when
 * A is dearer in the last month). Both series must have the same length.
 */
export function computeBreakEvenMonth(cumulativeA: readonly Decimal[], cumulativeB: readonly Decimal[]): number | null {
  let month: number | null = null;
  for (let m = cumulativeA.length - 1; m >= 0; m--) {
    if ((cumulativeA[m] as Decimal).gt(cumulativeB[m] as Decimal)) break;
    month = m;
  }
  return month;
}

/**
 * Each option's break-even against every other option, in option order: the month from which its
 * cumulative cash stays at or below the other's (computeBreakEvenMonth), with its calendar month.
 */
export function listBreakEvens(
  options: readonly { id: string; cumulativeCash: readonly Decimal[] }[],
  startMonth: string,
): { otherId: string; month: number | null; calendarMonth: string | null }[][] {
  return options.map((option, i) =>
    options
      .filter((_, j) => j !== i)
      .map((other) => {
        const month = computeBreakEvenMonth(option.cumulativeCash, other.cumulativeCash);
        return { otherId: other.id, month, calendarMonth: month === null ? null : addMonths(startMonth, month) };
      }),
  );
}
