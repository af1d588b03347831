import type { RentedParams } from "../params.ts";
import { HOURS_PER_MONTH, monthlyFactor, opexLine, scaled, type ModelContext, type OptionSeries } from "./context.ts";
import { addHostedOperatingCosts, recordService, startHosted } from "./hosted.ts";

/**
 * Rented GPUs: whole instances each month, scaled up and down with demand, plus the N+k spares; a month
 * with no demand rents nothing, spares neither. The GPU-hour price follows its own yearly decline (no
 * opex inflation); no capex, no power.
 */
export function computeRented<T>(ctx: ModelContext<T>, option: RentedParams<T>, demand: T[]): OptionSeries<T> {
  const { A, months } = ctx;
  const { series, rates } = startHosted(ctx, option, demand);
  const gpusInService = series.gpusInService as number[];
  const capacityLine = series.capacityReferenceGpus as T[];
  const gpusPerNode = A.fromInt(option.gpusPerNode);
  const pricePerNodeMonth = A.mul(A.mul(scaled(ctx, option.pricePerGpuHour, "gpu-hour-price"), gpusPerNode), A.fromInt(HOURS_PER_MONTH));
  const decline = monthlyFactor(A, A.sub(A.one, option.priceDeclinePerYear));
  const rental = opexLine(ctx, series, "gpu-rental");
  let priceFactor = A.one;
  let nodes = 0;
  // Demand served by the current instance count lies in (lower, upper]; recount only outside it.
  let lower = A.zero;
  let upper = A.zero;
  let usable = A.zero;
  let nodesCost = A.zero;
  // Made anew only when the instance count changes.
  let capacity = A.zero;
  for (let m = 0; m < months; m++) {
    const required = (rates.requiredAtDemand[m] ??= A.mul(demand[m] as T, rates.capacityPerRequest));
    if (m === 0 || A.gt(required, upper) || !A.gt(required, lower)) {
      let next = A.isPositive(required) ? A.ceilToInt(A.div(required, gpusPerNode)) + option.redundancyNodes : 0;
      if (option.maxNodes !== null) next = Math.min(next, option.maxNodes);
      const serving = Math.max(0, next - option.redundancyNodes);
      usable = A.fromInt(serving * option.gpusPerNode);
      upper = next === option.maxNodes ? A.fromInt(Number.MAX_SAFE_INTEGER) : usable;
      lower = serving === 0 ? A.fromInt(-1) : A.fromInt((serving - 1) * option.gpusPerNode);
      if (next !== nodes) {
        const action = next > nodes ? "scale-up" : "scale-down";
        series.events.push({ month: m, action, nodes: Math.abs(next - nodes), gpusPerNode: option.gpusPerNode, component: null });
        nodes = next;
        nodesCost = A.mul(A.fromInt(nodes), pricePerNodeMonth);
        capacity = A.fromInt(nodes * option.gpusPerNode);
      }
    }
    recordService(ctx, series, m, required, usable, rates);
    gpusInService[m] = nodes * option.gpusPerNode;
    capacityLine[m] = capacity;
    rental[m] = A.mul(nodesCost, priceFactor);
    priceFactor = A.mul(priceFactor, decline);
  }
  addHostedOperatingCosts(ctx, option, series);
  return series;
}
