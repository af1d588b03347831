import type { Arithmetic } from "./arithmetic.ts";
import type { ApiParams, ExtraCostParams, LeafParams, OptionParams, OwnedParams, RentedParams, ScenarioParams } from "./params.ts";
import type { Driver } from "./scenario.ts";

/** A month has 730 hours (8,760 / 12), the convention of the cloud price lists users compare against. */
export const HOURS_PER_MONTH = 730;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
const TOKENS_PER_MILLION = 1_000_000;

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

interface Context<T> {
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

function scaled<T>(ctx: Context<T>, value: T, driver: Driver): T {
  const multiplier = ctx.multipliers[driver];
  return multiplier === undefined ? value : ctx.A.mul(value, multiplier);
}

/** first × factor^m for m = 0 … months−1, by repeated multiplication. */
function geometricSeries<T>(A: Arithmetic<T>, first: T, factor: T, months: number): T[] {
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
function getDemandProducts<T>(ctx: Context<T>, demand: T[], rate: T): (T | undefined)[] {
  let known = ctx.demandProducts.find((entry) => entry.demand === demand && ctx.A.eq(entry.rate, rate));
  if (known === undefined) {
    known = { demand, rate, products: new Array<T | undefined>(demand.length) };
    ctx.demandProducts.push(known);
  }
  return known.products;
}

/** Monthly factor of a yearly factor, by compounding: (1 + r)^(1/12). */
function monthlyFactor<T>(A: Arithmetic<T>, yearlyFactor: T): T {
  return A.twelfthRoot(yearlyFactor);
}

function createSeries<T>(id: string, demand: T[]): OptionSeries<T> {
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

function zeroLine<T>(A: Arithmetic<T>, months: number): T[] {
  return new Array<T>(months).fill(A.zero);
}

/** The monthly line `key` of `lines`, created as zeros the first time an option uses it. */
function getOrCreateLine<T, K extends string>(ctx: Context<T>, lines: Partial<Record<K, T[]>>, key: K): T[] {
  let line = lines[key];
  if (line === undefined) {
    line = zeroLine(ctx.A, ctx.months);
    lines[key] = line;
  }
  return line;
}

function opexLine<T>(ctx: Context<T>, series: OptionSeries<T>, category: OpexCategory): T[] {
  return getOrCreateLine(ctx, series.opex, category);
}

function capitalLine<T>(ctx: Context<T>, series: OptionSeries<T>, key: CapitalLine): T[] {
  return getOrCreateLine(ctx, series.capital, key);
}

function addExtras<T>(ctx: Context<T>, series: OptionSeries<T>, extras: ExtraCostParams<T>[]): void {
  const { A } = ctx;
  for (const extra of extras) {
    if (A.isZero(extra.perMonth)) continue;
    const line = opexLine(ctx, series, extra.category);
    for (let m = 0; m < ctx.months; m++) line[m] = A.add(line[m] as T, A.mul(extra.perMonth, ctx.inflation[m] as T));
  }
}

/**
 * API bills: per-request price × requests, falling by the option's own yearly price decline (no opex
 * inflation). The long-context tier is priced on its `tokenShare` of tokens; its `aboveInputTokens` is
 * only recorded, since the workload gives average request sizes, not their distribution.
 */
function computeApi<T>(ctx: Context<T>, option: ApiParams<T>, demand: T[]): OptionSeries<T> {
  const { A } = ctx;
  const series = createSeries(option.id, demand);
  const inputTokens = ctx.inputTokensPerRequest;
  const outputTokens = scaled(ctx, ctx.outputTokensPerRequest, "output-tokens");
  const cachedTokens = A.mul(inputTokens, ctx.cachedInputShare);
  const uncachedTokens = A.sub(inputTokens, cachedTokens);
  const tierCost = (input: T, cached: T, output: T) =>
    A.add(A.add(A.mul(uncachedTokens, input), A.mul(cachedTokens, cached)), A.mul(outputTokens, output));
  let perRequest = tierCost(option.inputPricePerMillion, option.cachedInputPricePerMillion, option.outputPricePerMillion);
  const long = option.longContext;
  if (long) {
    const longCost = tierCost(long.inputPricePerMillion, long.cachedInputPricePerMillion, long.outputPricePerMillion);
    perRequest = A.add(A.mul(perRequest, A.sub(A.one, long.tokenShare)), A.mul(longCost, long.tokenShare));
  }
  // Batch discount on the batch-eligible share; premium and commitment apply to the whole bill.
  perRequest = A.mul(perRequest, A.sub(A.one, A.mul(ctx.batchEligibleShare, option.batchDiscount)));
  perRequest = A.mul(perRequest, A.add(A.one, option.residencyPremium));
  perRequest = A.mul(perRequest, A.sub(A.one, option.commitmentDiscount));
  perRequest = scaled(ctx, A.div(perRequest, A.fromInt(TOKENS_PER_MILLION)), "api-prices");
  const decline = monthlyFactor(A, A.sub(A.one, option.priceDeclinePerYear));
  if (demand === ctx.demand) {
    // The whole demand is geometric (first × growth^m) and so is the price: one product series.
    series.opex.api = geometricSeries(A, A.mul(demand[0] as T, perRequest), A.mul(ctx.monthlyGrowth, decline), ctx.months);
  } else {
    const line = opexLine(ctx, series, "api");
    let pricePerRequest = perRequest;
    for (let m = 0; m < ctx.months; m++) {
      line[m] = A.mul(demand[m] as T, pricePerRequest);
      pricePerRequest = A.mul(pricePerRequest, decline);
    }
  }
  addExtras(ctx, series, option.extras);
  return series;
}

interface HostedRates<T> {
  /** Reference GPUs to keep in service per request per month (peak factor and utilisation applied). */
  capacityPerRequest: T;
  /** Reference GPUs busy on average per request per month. */
  busyPerRequest: T;
  /** demand[m] × capacityPerRequest and demand[m] × busyPerRequest, shared within the run (getDemandProducts). */
  requiredAtDemand: (T | undefined)[];
  busyAtDemand: (T | undefined)[];
}

function startHosted<T>(ctx: Context<T>, option: OwnedParams<T> | RentedParams<T>, demand: T[]): { series: OptionSeries<T>; rates: HostedRates<T> } {
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
function recordService<T>(ctx: Context<T>, series: OptionSeries<T>, m: number, required: T, usable: T, rates: HostedRates<T>): void {
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
function addHostedOperatingCosts<T>(ctx: Context<T>, option: OwnedParams<T> | RentedParams<T>, series: OptionSeries<T>): void {
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

interface Cohort<T> {
  buyMonth: number;
  nodes: number;
  /** Reference GPUs of one node: GPUs per node × their performance relative to a start-month GPU. */
  nodeCapacity: T;
  /** Reference GPUs of the whole cohort: nodes × nodeCapacity. */
  capacity: T;
  powerKw: T;
  capex: T;
  salvage: T;
  /** Book value; kept current for declining balance, derived at disposal for straight-line. */
  bookValue: T;
  straightLinePerMonth: T;
}

/** A run of equally capable nodes held back as spares: `nodes` nodes of `nodeCapacity` reference GPUs each. */
interface HeldBack<T> {
  nodes: number;
  nodeCapacity: T;
}

/**
 * The spares of N+k redundancy: the k most capable nodes in service, so that losing any k nodes still
 * leaves the usable capacity. Cohorts are in purchase order and a later cohort is never less capable
 * (performance per node only grows), so the spares are the newest nodes. Returned least capable first;
 * fewer than k nodes when fewer are in service.
 */
function listSpares<T>(cohorts: readonly Cohort<T>[], spares: number): HeldBack<T>[] {
  const held: HeldBack<T>[] = [];
  let left = spares;
  for (let i = cohorts.length - 1; i >= 0 && left > 0; i--) {
    const cohort = cohorts[i] as Cohort<T>;
    const nodes = Math.min(left, cohort.nodes);
    held.unshift({ nodes, nodeCapacity: cohort.nodeCapacity });
    left -= nodes;
  }
  return held;
}

/**
 * Reference GPUs usable for demand: the capacity of every node in service except the spares
 * (listSpares). A sum of the nodes that serve, never a difference, so it is never negative and exactly
 * 0 when every node is a spare; adding a node never lowers it.
 */
function computeUsableCapacity<T>(A: Arithmetic<T>, cohorts: readonly Cohort<T>[], spares: number): T {
  let left = spares;
  let end = cohorts.length;
  while (end > 0 && left >= (cohorts[end - 1] as Cohort<T>).nodes) left -= (cohorts[--end] as Cohort<T>).nodes;
  let usable = A.zero;
  for (let i = 0; i < end; i++) {
    const cohort = cohorts[i] as Cohort<T>;
    // Only the newest cohort still serving may have some of its nodes held back.
    const serving = i === end - 1 && left > 0 ? A.mul(A.fromInt(cohort.nodes - left), cohort.nodeCapacity) : cohort.capacity;
    usable = A.add(usable, serving);
  }
  return usable;
}

/**
 * The fewest new nodes of `nodeCapacity` reference GPUs each (never less than any node in service) that
 * make the usable capacity reach `required`. New nodes first complete the k spares; then each new node
 * becomes a spare in place of the least capable spare, which starts to serve; once every spare is new,
 * each further node serves. `capacity` is the reference GPUs of all nodes in service.
 */
function countNodesToBuy<T>(A: Arithmetic<T>, cohorts: readonly Cohort<T>[], spares: number, usable: T, capacity: T, required: T, nodeCapacity: T): number {
  const held = listSpares(cohorts, spares);
  let count = spares - held.reduce((nodes, run) => nodes + run.nodes, 0);
  let reached = usable;
  for (const run of held) {
    const needed = A.ceilToInt(A.div(A.sub(required, reached), run.nodeCapacity));
    if (needed <= run.nodes) return count + needed;
    count += run.nodes;
    reached = A.add(reached, A.mul(A.fromInt(run.nodes), run.nodeCapacity));
  }
  // Every spare is now a new node and every old node serves: the usable capacity is `capacity`.
  return count + A.ceilToInt(A.div(A.sub(required, capacity), nodeCapacity));
}

/** Σ pick(cohort) over the cohorts in service, afresh: a retirement never leaves a running sum's rounding behind. */
function sumCohorts<T>(A: Arithmetic<T>, cohorts: readonly Cohort<T>[], pick: (cohort: Cohort<T>) => T): T {
  return cohorts.reduce((sum, cohort) => A.add(sum, pick(cohort)), A.zero);
}

/**
 * Owned GPUs. Each purchase is a cohort with the price, power and throughput of its month: a node
 * costs the same nominal price, but its performance grows by 1/(1 − priceDecline) a year (price per
 * unit of performance falls) and its energy per unit of performance falls by 1/(1 + efficiencyGain)
 * a year. Capacity is counted in reference GPUs and planned monthly: in a month where demand needs more
 * than the usable capacity (all nodes but the N+k spares, listSpares), the plan buys the fewest whole
 * nodes that cover it, within maxNodes. Nodes are kept until their refresh: a cohort bought in month b
 * with refresh R serves months b … b + R − 1 and is sold at the resale share in month b + R.
 * Book depreciation runs from the purchase month over the useful life down to the resale value; the
 * last month of the useful life writes off whatever declining balance has left above it.
 */
function computeOwned<T>(ctx: Context<T>, option: OwnedParams<T>, demand: T[], creditResidualValue: boolean): OptionSeries<T> {
  const { A, months } = ctx;
  const { series, rates } = startHosted(ctx, option, demand);
  const gpusInService = series.gpusInService as number[];
  const capacityLine = series.capacityReferenceGpus as T[];
  const gpusPerNode = A.fromInt(option.gpusPerNode);
  const spare = option.redundancyNodes;
  const performanceGrowth = monthlyFactor(A, A.div(A.one, A.sub(A.one, option.hardwarePriceDeclinePerYear)));
  const powerGrowth = A.div(performanceGrowth, monthlyFactor(A, A.add(A.one, option.energyEfficiencyGainPerYear)));
  const nodeCapex = A.mul(
    A.add(A.mul(gpusPerNode, scaled(ctx, option.gpuUnitPrice, "gpu-price")), option.baseNodePrice),
    A.add(A.one, option.networkStorageShareOfCapex),
  );
  const nodePowerKw = A.add(A.mul(gpusPerNode, option.gpuPowerKw), option.baseNodePowerKw);
  const electricity = scaled(ctx, option.electricityPricePerKwh, "electricity");
  const energyPerKwMonth = A.mul(A.mul(option.pue, A.fromInt(HOURS_PER_MONTH)), electricity);
  const maintenancePerMonth = A.div(option.maintenanceShareOfCapexPerYear, A.fromInt(12));
  const life = option.usefulLifeMonths;
  const lifeT = A.fromInt(life);
  const decliningPerMonth =
    option.decliningRatePerYear === null ? null : A.sub(A.one, monthlyFactor(A, A.sub(A.one, option.decliningRatePerYear)));
  const capex = capitalLine(ctx, series, "capex");
  const depreciationLine = capitalLine(ctx, series, "depreciation");
  const power = opexLine(ctx, series, "power");
  const facility = opexLine(ctx, series, "facility");
  const maintenance = A.isZero(maintenancePerMonth) ? null : opexLine(ctx, series, "maintenance");

  let cohorts: Cohort<T>[] = [];
  let nodesInService = 0;
  let capacity = A.zero;
  let usable = A.zero;
  let powerKw = A.zero;
  let capexInService = A.zero;
  let straightLineRun = A.zero;
  let changed = true;
  let maintenanceBase = A.zero;

  for (let m = 0; m < months; m++) {
    if (cohorts.length > 0 && cohorts.some((cohort) => cohort.buyMonth + option.refreshCycleMonths === m)) {
      const retiring = cohorts.filter((cohort) => cohort.buyMonth + option.refreshCycleMonths === m);
      cohorts = cohorts.filter((cohort) => cohort.buyMonth + option.refreshCycleMonths !== m);
      for (const cohort of retiring) {
        nodesInService -= cohort.nodes;
        if (decliningPerMonth === null && option.refreshCycleMonths < life) {
          straightLineRun = A.sub(straightLineRun, cohort.straightLinePerMonth);
          cohort.bookValue = A.sub(cohort.capex, A.mul(cohort.straightLinePerMonth, A.fromInt(option.refreshCycleMonths)));
        } else if (decliningPerMonth === null) {
          cohort.bookValue = cohort.salvage;
        }
        const resale = capitalLine(ctx, series, "resaleCredit");
        resale[m] = A.add(resale[m] as T, cohort.salvage);
        const loss = A.sub(cohort.bookValue, cohort.salvage);
        if (!A.isZero(loss)) {
          const disposal = capitalLine(ctx, series, "disposalLoss");
          disposal[m] = A.add(disposal[m] as T, loss);
        }
        series.events.push({ month: m, action: "retire", nodes: cohort.nodes, gpusPerNode: option.gpusPerNode, component: null });
      }
      capacity = sumCohorts(A, cohorts, (cohort) => cohort.capacity);
      powerKw = sumCohorts(A, cohorts, (cohort) => cohort.powerKw);
      capexInService = sumCohorts(A, cohorts, (cohort) => cohort.capex);
      usable = computeUsableCapacity(A, cohorts, spare);
      changed = true;
    }

    const required = (rates.requiredAtDemand[m] ??= A.mul(demand[m] as T, rates.capacityPerRequest));
    if (A.gt(required, usable)) {
      // Only purchase months need the trend factors: growth^m by exponentiation, not a running product.
      const month = A.fromInt(m);
      const performance = A.pow(performanceGrowth, month);
      const powerFactor = A.pow(powerGrowth, month);
      const nodeCapacity = A.mul(gpusPerNode, performance);
      let buy = countNodesToBuy(A, cohorts, spare, usable, capacity, required, nodeCapacity);
      if (option.maxNodes !== null) buy = Math.min(buy, option.maxNodes - nodesInService);
      if (buy > 0) {
        const nodes = A.fromInt(buy);
        const cost = A.mul(nodes, nodeCapex);
        const salvage = A.mul(cost, option.resaleValueShare);
        const cohort: Cohort<T> = {
          buyMonth: m,
          nodes: buy,
          capacity: A.mul(nodes, nodeCapacity),
          powerKw: A.mul(A.mul(nodes, nodePowerKw), powerFactor),
          nodeCapacity,
          capex: cost,
          salvage,
          bookValue: cost,
          straightLinePerMonth: A.div(A.sub(cost, salvage), lifeT),
        };
        cohorts.push(cohort);
        nodesInService += buy;
        capacity = A.add(capacity, cohort.capacity);
        powerKw = A.add(powerKw, cohort.powerKw);
        capexInService = A.add(capexInService, cost);
        if (decliningPerMonth === null) straightLineRun = A.add(straightLineRun, cohort.straightLinePerMonth);
        capex[m] = cost;
        series.events.push({ month: m, action: "buy", nodes: buy, gpusPerNode: option.gpusPerNode, component: null });
        usable = computeUsableCapacity(A, cohorts, spare);
        changed = true;
      }
    }
    recordService(ctx, series, m, required, usable, rates);
    gpusInService[m] = nodesInService * option.gpusPerNode;
    capacityLine[m] = capacity;

    const inflation = ctx.inflation[m] as T;
    const inflatedKw = A.mul(powerKw, inflation);
    power[m] = A.mul(inflatedKw, energyPerKwMonth);
    if (option.colocationPricePerKwMonth !== null) facility[m] = A.mul(inflatedKw, option.colocationPricePerKwMonth);
    else if (option.ownFacilityCostPerMonth !== null) facility[m] = A.mul(option.ownFacilityCostPerMonth, inflation);
    if (maintenance !== null) {
      if (changed) maintenanceBase = A.mul(capexInService, maintenancePerMonth);
      maintenance[m] = A.mul(maintenanceBase, inflation);
    }
    changed = false;

    // Straight-line: a running sum of the cohorts still inside their useful life.
    let depreciation = decliningPerMonth === null ? straightLineRun : A.zero;
    for (const cohort of cohorts) {
      const age = m - cohort.buyMonth;
      if (decliningPerMonth === null) {
        if (age === life - 1) straightLineRun = A.sub(straightLineRun, cohort.straightLinePerMonth);
        continue;
      }
      if (age >= life) continue;
      const amount =
        age === life - 1
          ? A.sub(cohort.bookValue, cohort.salvage)
          : A.min(A.mul(cohort.bookValue, decliningPerMonth), A.sub(cohort.bookValue, cohort.salvage));
      cohort.bookValue = A.sub(cohort.bookValue, amount);
      depreciation = A.add(depreciation, amount);
    }
    depreciationLine[m] = depreciation;

  }

  if (creditResidualValue && cohorts.length > 0) {
    // Market value falls linearly from the purchase price to the resale share at refresh.
    const refresh = A.fromInt(option.refreshCycleMonths);
    const lossAtRefresh = A.sub(A.one, option.resaleValueShare);
    let residual = A.zero;
    for (const cohort of cohorts) {
      const age = A.fromInt(months - cohort.buyMonth);
      residual = A.add(residual, A.mul(cohort.capex, A.sub(A.one, A.div(A.mul(lossAtRefresh, age), refresh))));
    }
    capitalLine(ctx, series, "residualCredit")[months - 1] = residual;
  }
  addHostedOperatingCosts(ctx, option, series);
  return series;
}

/**
 * Rented GPUs: whole instances each month, scaled up and down with demand, plus the N+k spares; a month
 * with no demand rents nothing, spares neither. The GPU-hour price follows its own yearly decline (no
 * opex inflation); no capex, no power.
 */
function computeRented<T>(ctx: Context<T>, option: RentedParams<T>, demand: T[]): OptionSeries<T> {
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

function computeLeaf<T>(ctx: Context<T>, option: LeafParams<T>, demand: T[], creditResidualValue: boolean): OptionSeries<T> {
  if (option.kind === "api") return computeApi(ctx, option, demand);
  if (option.kind === "owned-gpu") return computeOwned(ctx, option, demand, creditResidualValue);
  return computeRented(ctx, option, demand);
}

function addLines<T>(ctx: Context<T>, target: T[] | undefined, source: T[] | undefined | null, create: () => T[]): void {
  if (!source) return;
  const line = target ?? create();
  for (let m = 0; m < ctx.months; m++) line[m] = ctx.A.add(line[m] as T, source[m] as T);
}

function combineHybrid<T>(ctx: Context<T>, id: string, mode: "share" | "overflow", demand: T[], parts: [OptionSeries<T>, OptionSeries<T>]): OptionSeries<T> {
  const { A, months } = ctx;
  const series = createSeries(id, demand);
  series.servedRequests = zeroLine(A, months);
  const hosted = parts.some((part) => part.gpusInService !== null);
  if (hosted) {
    series.gpusInService = new Array<number>(months).fill(0);
    series.busyReferenceGpus = zeroLine(A, months);
    series.capacityReferenceGpus = zeroLine(A, months);
  }
  parts.forEach((part, index) => {
    const component = index === 0 ? "primary" : "secondary";
    for (const key of CAPITAL_LINES) addLines(ctx, series.capital[key], part.capital[key], () => capitalLine(ctx, series, key));
    for (const category of OPEX_CATEGORIES) addLines(ctx, series.opex[category], part.opex[category], () => opexLine(ctx, series, category));
    addLines(ctx, series.servedRequests, part.servedRequests, () => series.servedRequests);
    addLines(ctx, series.busyReferenceGpus ?? undefined, part.busyReferenceGpus, () => zeroLine(A, months));
    addLines(ctx, series.capacityReferenceGpus ?? undefined, part.capacityReferenceGpus, () => zeroLine(A, months));
    const gpus = series.gpusInService;
    if (gpus && part.gpusInService) for (let m = 0; m < months; m++) gpus[m] = (gpus[m] as number) + (part.gpusInService[m] as number);
    for (const event of part.events) series.events.push({ ...event, component });
    series.utilisationCapped ||= part.utilisationCapped;
  });
  // Overflow mode sends the primary's shortfall to the secondary: only the secondary's shortfall is unmet.
  const unmet = mode === "overflow" ? parts[1].shortfallMonths : [...parts[0].shortfallMonths, ...parts[1].shortfallMonths];
  series.shortfallMonths = [...new Set(unmet)].sort((a, b) => a - b);
  series.events.sort((a, b) => a.month - b.month);
  return series;
}

function computeOption<T>(ctx: Context<T>, option: OptionParams<T>, demand: T[], creditResidualValue: boolean): OptionSeries<T> {
  const { A } = ctx;
  if (option.kind !== "hybrid") return computeLeaf(ctx, option, demand, creditResidualValue);
  let primary: OptionSeries<T>;
  let secondaryDemand: T[];
  if (option.mode === "share") {
    const share = option.primaryShare ?? A.one;
    const rest = A.sub(A.one, share);
    primary = computeLeaf(ctx, option.primary, demand.map((requests) => A.mul(requests, share)), creditResidualValue);
    secondaryDemand = demand.map((requests) => A.mul(requests, rest));
  } else {
    primary = computeLeaf(ctx, option.primary, demand, creditResidualValue);
    secondaryDemand = demand.map((requests, m) => A.sub(requests, primary.servedRequests[m] as T));
  }
  const secondary = computeLeaf(ctx, option.secondary, secondaryDemand, creditResidualValue);
  const series = combineHybrid(ctx, option.id, option.mode, demand, [primary, secondary]);
  addExtras(ctx, series, option.extras);
  return series;
}

export interface ModelRun<T> {
  options: OptionSeries<T>[];
  /** Discount factor of each month: 1 / (1 + r)^(m/12), month 0 undiscounted. */
  discountFactors: T[];
  inputTokensPerRequest: T;
  outputTokensPerRequest: T;
}

/**
 * Runs the monthly model for every option. Deterministic: the same params and multipliers give the
 * same series. Multipliers scale the drivers; growth scales the logarithm of the growth factor, so any
 * multiplier keeps growth above −100 %.
 */
export function runModel<T>(A: Arithmetic<T>, params: ScenarioParams<T>, multipliers: Multipliers<T> = {}): ModelRun<T> {
  const run = runSelectedOptions(A, params, multipliers, () => true);
  return { ...run, options: run.options as OptionSeries<T>[] };
}

/**
 * runModel for the options `include` accepts only (the others are null): a sensitivity run skips the
 * options a driver cannot move. Demand and discount factors are always computed.
 */
export function runSelectedOptions<T>(
  A: Arithmetic<T>,
  params: ScenarioParams<T>,
  multipliers: Multipliers<T>,
  include: (option: OptionParams<T>) => boolean,
): Omit<ModelRun<T>, "options"> & { options: (OptionSeries<T> | null)[] } {
  const months = params.months;
  const inflation = geometricSeries(A, A.one, monthlyFactor(A, A.add(A.one, params.opexInflationPerYear)), months);
  const growthMultiplier = multipliers.growth;
  const growthPerPeriod = growthMultiplier === undefined ? params.growthFactorPerPeriod : A.pow(params.growthFactorPerPeriod, growthMultiplier);
  const monthlyGrowth = params.growthPeriodMonths === 1 ? growthPerPeriod : monthlyFactor(A, growthPerPeriod);
  const volume = multipliers.volume;
  const firstMonthRequests = volume === undefined ? params.firstMonthRequests : A.mul(params.firstMonthRequests, volume);
  const demand = geometricSeries(A, firstMonthRequests, monthlyGrowth, months);
  const ctx: Context<T> = {
    A,
    months,
    demand,
    monthlyGrowth,
    multipliers,
    inflation,
    inputTokensPerRequest: params.inputTokensPerRequest,
    outputTokensPerRequest: params.outputTokensPerRequest,
    cachedInputShare: params.cachedInputShare,
    peakToAverage: params.peakToAverage,
    batchEligibleShare: params.batchEligibleShare,
    demandProducts: [],
  };
  const discountRate = scaled(ctx, params.discountRatePerYear, "discount-rate");
  const discountFactors = geometricSeries(A, A.one, A.div(A.one, monthlyFactor(A, A.add(A.one, discountRate))), months);
  return {
    options: params.options.map((option) => (include(option) ? computeOption(ctx, option, demand, params.creditResidualValue) : null)),
    discountFactors,
    inputTokensPerRequest: params.inputTokensPerRequest,
    outputTokensPerRequest: scaled(ctx, params.outputTokensPerRequest, "output-tokens"),
  };
}
