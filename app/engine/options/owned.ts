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
import type { Arithmetic } from "../arithmetic.ts";
import type { OwnedParams } from "../params.ts";
import { capitalLine, HOURS_PER_MONTH, monthlyFactor, opexLine, scaled, type ModelContext, type OptionSeries } from "./context.ts";
import { addHostedOperatingCosts, recordService, startHosted } from "./hosted.ts";

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

/** The figures of an owned option that do not change from month to month. */
interface OwnedPlan<T> {
  option: OwnedParams<T>;
  gpusPerNode: T;
  performanceGrowth: T;
  powerGrowth: T;
  nodeCapex: T;
  nodePowerKw: T;
  energyPerKwMonth: T;
  maintenancePerMonth: T;
  life: number;
  lifeT: T;
  /** Monthly declining-balance rate; null for straight-line depreciation. */
  decliningPerMonth: T | null;
}

/** The nodes in service and the running figures over them. */
interface Fleet<T> {
  cohorts: Cohort<T>[];
  nodesInService: number;
  capacity: T;
  usable: T;
  powerKw: T;
  capexInService: T;
  /** Straight-line depreciation a month of the cohorts still inside their useful life. */
  straightLineRun: T;
  /** The fleet changed this month, so maintenance is recomputed from the capex in service. */
  changed: boolean;
  maintenanceBase: T;
}

function planOwned<T>(ctx: ModelContext<T>, option: OwnedParams<T>): OwnedPlan<T> {
  const { A } = ctx;
  const gpusPerNode = A.fromInt(option.gpusPerNode);
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
  const decliningPerMonth =
    option.decliningRatePerYear === null ? null : A.sub(A.one, monthlyFactor(A, A.sub(A.one, option.decliningRatePerYear)));
  return { option, gpusPerNode, performanceGrowth, powerGrowth, nodeCapex, nodePowerKw, energyPerKwMonth, maintenancePerMonth, life, lifeT: A.fromInt(life), decliningPerMonth };
}

/**
 * Sells the cohorts whose refresh falls in month m: resale credit at the resale share, loss on
 * disposal against the book value, and the fleet's sums taken afresh from the cohorts left.
 */
function retireCohorts<T>(ctx: ModelContext<T>, plan: OwnedPlan<T>, fleet: Fleet<T>, series: OptionSeries<T>, m: number): void {
  const { A } = ctx;
  const { option, decliningPerMonth, life } = plan;
  if (fleet.cohorts.length === 0 || !fleet.cohorts.some((cohort) => cohort.buyMonth + option.refreshCycleMonths === m)) return;
  const retiring = fleet.cohorts.filter((cohort) => cohort.buyMonth + option.refreshCycleMonths === m);
  fleet.cohorts = fleet.cohorts.filter((cohort) => cohort.buyMonth + option.refreshCycleMonths !== m);
  for (const cohort of retiring) {
    fleet.nodesInService -= cohort.nodes;
    if (decliningPerMonth === null && option.refreshCycleMonths < life) {
      fleet.straightLineRun = A.sub(fleet.straightLineRun, cohort.straightLinePerMonth);
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
  fleet.capacity = sumCohorts(A, fleet.cohorts, (cohort) => cohort.capacity);
  fleet.powerKw = sumCohorts(A, fleet.cohorts, (cohort) => cohort.powerKw);
  fleet.capexInService = sumCohorts(A, fleet.cohorts, (cohort) => cohort.capex);
  fleet.usable = computeUsableCapacity(A, fleet.cohorts, option.redundancyNodes);
  fleet.changed = true;
}

/** Buys, in month m, the fewest nodes (within maxNodes) that make the usable capacity reach `required`. */
function buyNodes<T>(ctx: ModelContext<T>, plan: OwnedPlan<T>, fleet: Fleet<T>, series: OptionSeries<T>, m: number, required: T): void {
  const { A } = ctx;
  const { option, decliningPerMonth } = plan;
  // Only purchase months need the trend factors: growth^m by exponentiation, not a running product.
  const month = A.fromInt(m);
  const performance = A.pow(plan.performanceGrowth, month);
  const powerFactor = A.pow(plan.powerGrowth, month);
  const nodeCapacity = A.mul(plan.gpusPerNode, performance);
  let buy = countNodesToBuy(A, fleet.cohorts, option.redundancyNodes, fleet.usable, fleet.capacity, required, nodeCapacity);
  if (option.maxNodes !== null) buy = Math.min(buy, option.maxNodes - fleet.nodesInService);
  if (buy <= 0) return;
  const nodes = A.fromInt(buy);
  const cost = A.mul(nodes, plan.nodeCapex);
  const salvage = A.mul(cost, option.resaleValueShare);
  const cohort: Cohort<T> = {
    buyMonth: m,
    nodes: buy,
    capacity: A.mul(nodes, nodeCapacity),
    powerKw: A.mul(A.mul(nodes, plan.nodePowerKw), powerFactor),
    nodeCapacity,
    capex: cost,
    salvage,
    bookValue: cost,
    straightLinePerMonth: A.div(A.sub(cost, salvage), plan.lifeT),
  };
  fleet.cohorts.push(cohort);
  fleet.nodesInService += buy;
  fleet.capacity = A.add(fleet.capacity, cohort.capacity);
  fleet.powerKw = A.add(fleet.powerKw, cohort.powerKw);
  fleet.capexInService = A.add(fleet.capexInService, cost);
  if (decliningPerMonth === null) fleet.straightLineRun = A.add(fleet.straightLineRun, cohort.straightLinePerMonth);
  capitalLine(ctx, series, "capex")[m] = cost;
  series.events.push({ month: m, action: "buy", nodes: buy, gpusPerNode: option.gpusPerNode, component: null });
  fleet.usable = computeUsableCapacity(A, fleet.cohorts, option.redundancyNodes);
  fleet.changed = true;
}

/** Power, facility and maintenance of month m, inflated; maintenance is a share of the capex in service. */
function addRunningCosts<T>(ctx: ModelContext<T>, plan: OwnedPlan<T>, fleet: Fleet<T>, series: OptionSeries<T>, m: number): void {
  const { A } = ctx;
  const { option } = plan;
  const inflation = ctx.inflation[m] as T;
  const inflatedKw = A.mul(fleet.powerKw, inflation);
  opexLine(ctx, series, "power")[m] = A.mul(inflatedKw, plan.energyPerKwMonth);
  if (option.colocationPricePerKwMonth !== null) opexLine(ctx, series, "facility")[m] = A.mul(inflatedKw, option.colocationPricePerKwMonth);
  else if (option.ownFacilityCostPerMonth !== null) opexLine(ctx, series, "facility")[m] = A.mul(option.ownFacilityCostPerMonth, inflation);
  if (!A.isZero(plan.maintenancePerMonth)) {
    if (fleet.changed) fleet.maintenanceBase = A.mul(fleet.capexInService, plan.maintenancePerMonth);
    opexLine(ctx, series, "maintenance")[m] = A.mul(fleet.maintenanceBase, inflation);
  }
  fleet.changed = false;
}

/** Book depreciation of month m: straight-line as a running sum, declining balance cohort by cohort. */
function depreciate<T>(A: Arithmetic<T>, plan: OwnedPlan<T>, fleet: Fleet<T>, m: number): T {
  const { decliningPerMonth, life } = plan;
  let depreciation = decliningPerMonth === null ? fleet.straightLineRun : A.zero;
  for (const cohort of fleet.cohorts) {
    const age = m - cohort.buyMonth;
    if (decliningPerMonth === null) {
      if (age === life - 1) fleet.straightLineRun = A.sub(fleet.straightLineRun, cohort.straightLinePerMonth);
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
  return depreciation;
}

/** The market value of the hardware still held at the horizon end: linear from the price to the resale share at refresh. */
function computeResidualValue<T>(A: Arithmetic<T>, option: OwnedParams<T>, cohorts: readonly Cohort<T>[], months: number): T {
  const refresh = A.fromInt(option.refreshCycleMonths);
  const lossAtRefresh = A.sub(A.one, option.resaleValueShare);
  let residual = A.zero;
  for (const cohort of cohorts) {
    const age = A.fromInt(months - cohort.buyMonth);
    residual = A.add(residual, A.mul(cohort.capex, A.sub(A.one, A.div(A.mul(lossAtRefresh, age), refresh))));
  }
  return residual;
}

export function computeOwned<T>(ctx: ModelContext<T>, option: OwnedParams<T>, demand: T[], creditResidualValue: boolean): OptionSeries<T> {
  const { A, months } = ctx;
  const { series, rates } = startHosted(ctx, option, demand);
  const plan = planOwned(ctx, option);
  // The lines every owned option has, in the order they always had.
  capitalLine(ctx, series, "capex");
  const depreciationLine = capitalLine(ctx, series, "depreciation");
  opexLine(ctx, series, "power");
  opexLine(ctx, series, "facility");
  if (!A.isZero(plan.maintenancePerMonth)) opexLine(ctx, series, "maintenance");
  const fleet: Fleet<T> = {
    cohorts: [],
    nodesInService: 0,
    capacity: A.zero,
    usable: A.zero,
    powerKw: A.zero,
    capexInService: A.zero,
    straightLineRun: A.zero,
    changed: true,
    maintenanceBase: A.zero,
  };
  for (let m = 0; m < months; m++) {
    retireCohorts(ctx, plan, fleet, series, m);
    const required = (rates.requiredAtDemand[m] ??= A.mul(demand[m] as T, rates.capacityPerRequest));
    if (A.gt(required, fleet.usable)) buyNodes(ctx, plan, fleet, series, m, required);
    recordService(ctx, series, m, required, fleet.usable, rates);
    (series.gpusInService as number[])[m] = fleet.nodesInService * option.gpusPerNode;
    (series.capacityReferenceGpus as T[])[m] = fleet.capacity;
    addRunningCosts(ctx, plan, fleet, series, m);
    depreciationLine[m] = depreciate(A, plan, fleet, m);
  }
  if (creditResidualValue && fleet.cohorts.length > 0) capitalLine(ctx, series, "residualCredit")[months - 1] = computeResidualValue(A, option, fleet.cohorts, months);
  addHostedOperatingCosts(ctx, option, series);
  return series;
}
