/** What owned and rented GPUs share: the capacity a request needs, the month's service, staff, licences, setup and extras. */
import type { OwnedParams, RentedParams } from "../params.ts";
import { addExtras, createSeries, getDemandProducts, opexLine, scaled, SECONDS_PER_MONTH, type ModelContext, type OptionSeries } from "./context.ts";

export interface HostedRates<T> {
  /** Reference GPUs to keep in service per request per month (peak factor and utilisation applied). */
  capacityPerRequest: T;
  /** Reference GPUs busy on average per request per month. */
  busyPerRequest: T;
  /** demand[m] × capacityPerRequest and demand[m] × busyPerRequest, shared within the run (getDemandProducts). */
  requiredAtDemand: (T | undefined)[];
  busyAtDemand: (T | undefined)[];
}

export function startHosted<T>(ctx: ModelContext<T>, option: OwnedParams<T> | RentedParams<T>, demand: T[]): { series: OptionSeries<T>; rates: HostedRates<T> } {
  const { A, months } = ctx;
  const series = createSeries(option.id, demand);
  series.gpusInService = new Array<number>(months).fill(0);
  series.busyReferenceGpus = new Array<T>(months);
  series.capacityReferenceGpus = new Array<T>(months);
  const outputTokens = scaled(ctx, ctx.outputTokensPerRequest, "output-tokens");
  const prefill = scaled(ctx, option.prefillTokensPerSecondPerGpu, "throughput");
  const decode = scaled(ctx, option.decodeTokensPerSecondPerGpu, "throughput");
  const gpuSecondsPerRequest = A.add(A.div(ctx.inputTokensPerRequest, prefill), A.div(outputTokens, decode));
  let utilisation = scaled(ctx, option.targetUtilisation, "utilisation");
  if (A.gt(utilisation, A.one)) {
    utilisation = A.one;
    series.utilisationCapped = true;
  }
  const busyPerRequest = A.div(gpuSecondsPerRequest, A.fromInt(SECONDS_PER_MONTH));
  const capacityPerRequest = A.div(A.mul(busyPerRequest, ctx.peakToAverage), utilisation);
  return {
    series,
    rates: {
      capacityPerRequest,
      busyPerRequest,
      requiredAtDemand: getDemandProducts(ctx, demand, capacityPerRequest),
      busyAtDemand: getDemandProducts(ctx, demand, busyPerRequest),
    },
  };
}

/** Served requests, busy GPUs and shortfall of month m given the capacity usable for demand. */
export function recordService<T>(ctx: ModelContext<T>, series: OptionSeries<T>, m: number, required: T, usable: T, rates: HostedRates<T>): void {
  const { A } = ctx;
  const demand = series.demandRequests[m] as T;
  if (!A.gt(required, usable)) {
    // All demand served: the busy GPUs at demand are shared with every option meeting the same demand at the same rate.
    (series.busyReferenceGpus as T[])[m] = rates.busyAtDemand[m] ??= A.mul(demand, rates.busyPerRequest);
    return;
  }
  const served = A.isPositive(usable) ? A.mul(demand, A.div(usable, required)) : A.zero;
  series.shortfallMonths.push(m);
  // Copy on first shortfall: while all demand is served, the option shares the demand array.
  if (series.servedRequests === series.demandRequests) series.servedRequests = series.demandRequests.slice();
  series.servedRequests[m] = served;
  (series.busyReferenceGpus as T[])[m] = A.mul(served, rates.busyPerRequest);
}

/**
 * Staff (cost per FTE × loaded-cost multiplier; with a ramp-up of R months, month index m pays
 * (m + 1) ÷ R of the full team until it is complete), licences per GPU in service, setup in month 0 and
 * extra lines: shared by owned and rented. All but setup are inflated by opex inflation.
 */
export function addHostedOperatingCosts<T>(ctx: ModelContext<T>, option: OwnedParams<T> | RentedParams<T>, series: OptionSeries<T>): void {
  const { A } = ctx;
  const twelve = A.fromInt(12);
  const multiplier = option.loadedCostMultiplier;
  const costPerFteYear = multiplier === null ? option.loadedCostPerFteYear : A.mul(option.loadedCostPerFteYear, multiplier);
  const staffPerMonth = A.div(A.mul(option.fte, scaled(ctx, costPerFteYear, "staff-cost")), twelve);
  if (!A.isZero(staffPerMonth)) {
    const staff = opexLine(ctx, series, "staff");
    const ramp = option.rampUpMonths;
    for (let m = 0; m < ctx.months; m++) {
      const monthly = ramp === 0 || m + 1 >= ramp ? staffPerMonth : A.div(A.mul(staffPerMonth, A.fromInt(m + 1)), A.fromInt(ramp));
      staff[m] = A.mul(monthly, ctx.inflation[m] as T);
    }
  }
  const licencePerGpuMonth = A.div(option.softwareLicencePerGpuYear, twelve);
  if (!A.isZero(licencePerGpuMonth)) {
    const licences = opexLine(ctx, series, "licences");
    const gpus = series.gpusInService as number[];
    let cost = A.zero;
    for (let m = 0; m < ctx.months; m++) {
      if (m === 0 || gpus[m] !== gpus[m - 1]) cost = A.mul(licencePerGpuMonth, A.fromInt(gpus[m] as number));
      licences[m] = A.mul(cost, ctx.inflation[m] as T);
    }
  }
  if (!A.isZero(option.setupCost)) opexLine(ctx, series, "setup")[0] = option.setupCost;
  addExtras(ctx, series, option.extras);
}
