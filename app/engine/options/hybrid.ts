import type { HybridParams } from "../params.ts";
import { addExtras, CAPITAL_LINES, capitalLine, createSeries, OPEX_CATEGORIES, opexLine, zeroLine, type ModelContext, type OptionSeries } from "./context.ts";
import { computeLeaf } from "./leaf.ts";

function addLines<T>(ctx: ModelContext<T>, target: T[] | undefined, source: T[] | undefined | null, create: () => T[]): void {
  if (!source) return;
  const line = target ?? create();
  for (let m = 0; m < ctx.months; m++) line[m] = ctx.A.add(line[m] as T, source[m] as T);
}

function combineHybrid<T>(ctx: ModelContext<T>, id: string, mode: "share" | "overflow", demand: T[], parts: [OptionSeries<T>, OptionSeries<T>]): OptionSeries<T> {
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

/**
 * A hybrid: its primary takes its share of demand ("share") or all of it up to its capacity
 * ("overflow"), its secondary the rest; the series is the sum of both parts, with the hybrid's own extras.
 */
export function computeHybrid<T>(ctx: ModelContext<T>, option: HybridParams<T>, demand: T[], creditResidualValue: boolean): OptionSeries<T> {
  const { A } = ctx;
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
