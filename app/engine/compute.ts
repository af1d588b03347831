import { decimalArithmetic } from "./arithmetic.ts";
import { computeBreakEvenMonth } from "./break-even.ts";
import { addMonths, daysBetween } from "./calendar.ts";
import { listCatalogueValuesUsed, type CatalogueValueUsed } from "./catalogue-usage.ts";
import { assessScenarioCompliance, listUnpricedOverheads, type ComplianceProfile, type OptionCompliance } from "./compliance/index.ts";
import type { Decimal } from "./decimal.ts";
import { runModel } from "./model.ts";
import { OPEX_CATEGORIES, type CapacityEvent, type Multipliers, type OpexCategory, type OptionSeries } from "./options/context.ts";
import { createScenarioParams } from "./params.ts";
import type { HybridComponent, Option, Scenario } from "./scenario.ts";

/** Catalogue entries and exchange rates older than this (in days) raise a warning. */
export const STALE_AFTER_DAYS = 180;
/** Quality scores differing by at least this many index points raise a warning (indexes move ±1–2 between runs). */
export const QUALITY_GAP_WARNING_POINTS = 3;

export interface Warning {
  code:
    | "capacity-shortfall"
    | "utilisation-impossible"
    | "utilisation-below-target"
    | "stale-catalogue-entry"
    | "unknown-catalogue-id"
    | "quality-unknown"
    | "quality-gap"
    | "quality-not-comparable"
    | "stale-exchange-rate"
    | "no-tokens-served"
    | "compliance-overhead-unpriced";
  message: string;
  /** 0-based month index, when the warning starts in a month. */
  month?: number;
}

/** One month of one option. Money in the scenario currency, nominal, unrounded. */
export interface MonthResult {
  /** 0-based month index; calendarMonth is "YYYY-MM". */
  index: number;
  calendarMonth: string;
  capex: Decimal;
  /** Resale proceeds of retired hardware (positive, subtracted from cash). */
  resaleCredit: Decimal;
  /** Residual value of hardware still held at the horizon end (last month only; positive, subtracted). */
  residualCredit: Decimal;
  opex: Record<OpexCategory, Decimal>;
  opexTotal: Decimal;
  /** Cash view: capex − resale − residual + opex. Depreciation is never part of it. */
  cash: Decimal;
  cumulativeCash: Decimal;
  /** Accounting view: opex + depreciation + loss on disposal. Capex is never part of it. */
  depreciation: Decimal;
  disposalLoss: Decimal;
  accounting: Decimal;
  cumulativeAccounting: Decimal;
  demandRequests: Decimal;
  servedRequests: Decimal;
  inputTokens: Decimal;
  outputTokens: Decimal;
  gpusInService: number;
  /** Average busy share of the GPUs in service (0 when none). */
  utilisation: Decimal;
}

export interface Totals {
  capex: Decimal;
  resaleCredit: Decimal;
  residualCredit: Decimal;
  opexByCategory: Record<OpexCategory, Decimal>;
  opex: Decimal;
  cash: Decimal;
  depreciation: Decimal;
  disposalLoss: Decimal;
  accounting: Decimal;
  servedRequests: Decimal;
  inputTokens: Decimal;
  outputTokens: Decimal;
}

export interface CapacityEventResult extends CapacityEvent {
  calendarMonth: string;
  /** e.g. "buy 2 nodes (16 GPUs) in month 14 (2028-02)"; months are 1-based in text. */
  text: string;
}

export interface QualityRow {
  optionId: string;
  modelName: string;
  benchmark: string | null;
  version: string | null;
  score: Decimal | null;
  source: string | null;
  asOf: string | null;
  /** Score minus the best score of the compared options on the same benchmark and version. */
  gapToBest: Decimal | null;
}

export interface OptionResult {
  id: string;
  name: string;
  kind: Option["kind"];
  monthly: MonthResult[];
  totals: Totals;
  /** Net present value of the cash view, month m discounted by (1 + r)^(m/12); a cost, so positive. */
  npv: Decimal;
  costPerMillionTokens: {
    /** Cash total ÷ (input + output tokens served) × 1,000,000; null when no token was served. */
    value: Decimal | null;
    basis: "cash total per 1M input+output tokens served";
  };
  breakEven: { otherId: string; month: number | null; calendarMonth: string | null }[];
  capacityEvents: CapacityEventResult[];
  warnings: Warning[];
  catalogueValues: CatalogueValueUsed[];
  /** Verdict, reasons (with requirement and source) and SEAL levels; null without a compliance profile. */
  compliance: OptionCompliance | null;
}

export interface ScenarioResult {
  schemaVersion: 1;
  name: string;
  /** The date staleness was judged against (passed in; the engine never reads the clock). */
  asOf: string;
  startMonth: string;
  horizonMonths: number;
  currency: { code: string; perUsd: Decimal; asOf: string; source: string };
  discountRatePerYear: Decimal;
  creditResidualValue: boolean;
  options: OptionResult[];
  qualityGaps: QualityRow[];
  warnings: Warning[];
  /** The profile judged against and the cheapest option that is not blocked; null without a profile. */
  compliance: { profile: ComplianceProfile; cheapestCompliantOptionId: string | null; costBasis: string } | null;
}

export interface ComputeSettings {
  /** "YYYY-MM-DD": the day the results are for, used for staleness warnings. */
  asOf: string;
}

const D = decimalArithmetic;

interface Built {
  monthly: MonthResult[];
  totals: Totals;
  npv: Decimal;
}

/** Every opex category at zero, in OPEX_CATEGORIES order: one object literal per month, not ten writes. */
function createZeroOpex(): Record<OpexCategory, Decimal> {
  const zero = D.zero;
  return { api: zero, "gpu-rental": zero, power: zero, facility: zero, maintenance: zero, licences: zero, staff: zero, setup: zero, compliance: zero, other: zero };
}

/**
 * Monthly results, totals and NPV in one pass. Lines an option never uses are skipped rather than
 * added as zeros: Decimal additions dominate the recompute time.
 */
function buildOption(calendarMonths: readonly string[], series: OptionSeries<Decimal>, tokens: TokenCache, discountFactors: readonly Decimal[]): Built {
  const zero = D.zero;
  const months = series.demandRequests.length;
  const categories = OPEX_CATEGORIES.filter((category) => series.opex[category] !== undefined);
  const lines = categories.map((category) => series.opex[category] as Decimal[]);
  const { capex, resaleCredit, residualCredit, depreciation, disposalLoss } = series.capital;
  const opexTotals = lines.map(() => zero);
  const hasCapital = capex !== undefined || resaleCredit !== undefined || residualCredit !== undefined;
  const totals = { capex: zero, resaleCredit: zero, residualCredit: zero, opex: zero, cash: zero, depreciation: zero, disposalLoss: zero, accounting: zero };
  const { input, output, served: servedTotal } = tokens.get(series.servedRequests);
  let npv = zero;
  // While no month so far had a capital line, the accounting view is the cash view month by month,
  // so its running total is the cash total.
  let viewsAgree = true;
  // 1 / capacity, recomputed only when the capacity's value changes (it changes only at purchases,
  // retirements and scaling).
  let reciprocalOf: Decimal | null = null;
  let reciprocal = zero;
  const monthly: MonthResult[] = new Array<MonthResult>(months);
  for (let m = 0; m < months; m++) {
    const opex = createZeroOpex();
    let opexTotal = zero;
    for (let i = 0; i < lines.length; i++) {
      const amount = (lines[i] as Decimal[])[m] as Decimal;
      opex[categories[i] as OpexCategory] = amount;
      if (amount.isZero()) continue;
      opexTotal = opexTotal.isZero() ? amount : opexTotal.plus(amount);
      // With a single category its total is the opex total, added once below.
      if (lines.length > 1) opexTotals[i] = (opexTotals[i] as Decimal).plus(amount);
    }
    const monthCapex = capex?.[m] ?? zero;
    const monthResale = resaleCredit?.[m] ?? zero;
    const monthResidual = residualCredit?.[m] ?? zero;
    const monthDepreciation = depreciation?.[m] ?? zero;
    const monthDisposal = disposalLoss?.[m] ?? zero;
    const capitalFree = monthCapex.isZero() && monthResale.isZero() && monthResidual.isZero() && monthDepreciation.isZero() && monthDisposal.isZero();
    let cash = opexTotal;
    if (!monthCapex.isZero()) cash = cash.plus(monthCapex);
    if (!monthResale.isZero()) cash = cash.minus(monthResale);
    if (!monthResidual.isZero()) cash = cash.minus(monthResidual);
    let accounting = opexTotal;
    if (!monthDepreciation.isZero()) accounting = accounting.plus(monthDepreciation);
    if (!monthDisposal.isZero()) accounting = accounting.plus(monthDisposal);
    if (!monthCapex.isZero()) totals.capex = totals.capex.plus(monthCapex);
    if (!monthResale.isZero()) totals.resaleCredit = totals.resaleCredit.plus(monthResale);
    if (!monthResidual.isZero()) totals.residualCredit = totals.residualCredit.plus(monthResidual);
    if (!monthDepreciation.isZero()) totals.depreciation = totals.depreciation.plus(monthDepreciation);
    if (!monthDisposal.isZero()) totals.disposalLoss = totals.disposalLoss.plus(monthDisposal);
    if (!opexTotal.isZero()) totals.opex = totals.opex.plus(opexTotal);
    // Without capital lines cash is opex month by month, so its running total is the same value.
    totals.cash = hasCapital ? totals.cash.plus(cash) : totals.opex;
    viewsAgree &&= capitalFree;
    totals.accounting = viewsAgree ? totals.cash : totals.accounting.plus(accounting);
    if (!cash.isZero()) npv = npv.plus(cash.times(discountFactors[m] as Decimal));
    const served = series.servedRequests[m] as Decimal;
    const capacity = series.capacityReferenceGpus?.[m] ?? zero;
    monthly[m] = {
      index: m,
      calendarMonth: calendarMonths[m] as string,
      capex: monthCapex,
      resaleCredit: monthResale,
      residualCredit: monthResidual,
      opex,
      opexTotal,
      cash,
      cumulativeCash: totals.cash,
      depreciation: monthDepreciation,
      disposalLoss: monthDisposal,
      accounting,
      cumulativeAccounting: totals.accounting,
      demandRequests: series.demandRequests[m] as Decimal,
      servedRequests: served,
      inputTokens: input[m] as Decimal,
      outputTokens: output[m] as Decimal,
      gpusInService: series.gpusInService?.[m] ?? 0,
      utilisation: capacity.isZero() ? zero : (series.busyReferenceGpus?.[m] as Decimal).times(reciprocalOf?.eq(capacity) ? reciprocal : (reciprocal = D.one.div((reciprocalOf = capacity)))),
    };
  }
  const opexByCategory = {} as Record<OpexCategory, Decimal>;
  for (const category of OPEX_CATEGORIES) opexByCategory[category] = zero;
  categories.forEach((category, i) => (opexByCategory[category] = lines.length > 1 ? (opexTotals[i] as Decimal) : totals.opex));
  return {
    monthly,
    npv,
    totals: { ...totals, opexByCategory, servedRequests: servedTotal, inputTokens: input.total, outputTokens: output.total },
  };
}

/** Tokens per month of a served-requests series, shared by every option serving the same series. */
interface ServedTokens {
  input: Decimal[] & { total: Decimal };
  output: Decimal[] & { total: Decimal };
  served: Decimal;
}

class TokenCache {
  private readonly known = new Map<Decimal[], ServedTokens>();
  constructor(private readonly inputPerRequest: Decimal, private readonly outputPerRequest: Decimal) {}

  get(served: Decimal[]): ServedTokens {
    const cached = this.known.get(served);
    if (cached) return cached;
    let total = D.zero;
    for (const requests of served) total = total.plus(requests);
    const tokens = { input: this.multiply(served, this.inputPerRequest), output: this.multiply(served, this.outputPerRequest), served: total };
    this.known.set(served, tokens);
    return tokens;
  }

  private multiply(served: Decimal[], perRequest: Decimal): Decimal[] & { total: Decimal } {
    let total = D.zero;
    const line = served.map((requests) => {
      const tokens = requests.times(perRequest);
      total = total.plus(tokens);
      return tokens;
    });
    return Object.assign(line, { total });
  }
}

function describeEvent(scenario: Scenario, event: CapacityEvent): CapacityEventResult {
  const calendarMonth = addMonths(scenario.startMonth, event.month);
  const unit = event.nodes === 1 ? "node" : "nodes";
  const gpus = event.nodes * event.gpusPerNode;
  const verb = { buy: "buy", retire: "retire and sell", "scale-up": "rent", "scale-down": "release" }[event.action];
  const where = event.component === null ? "" : ` (${event.component})`;
  return {
    ...event,
    calendarMonth,
    text: `${verb} ${event.nodes} ${unit} (${gpus} ${gpus === 1 ? "GPU" : "GPUs"})${where} in month ${event.month + 1} (${calendarMonth})`,
  };
}

function leafComponents(option: Option): HybridComponent[] {
  return option.kind === "hybrid" ? [option.primary, option.secondary] : [option];
}

function buildOptionWarnings(scenario: Scenario, option: Option, series: OptionSeries<Decimal>, monthly: MonthResult[], catalogueValues: CatalogueValueUsed[], asOf: string): Warning[] {
  const warnings: Warning[] = [];
  const firstShortfall = series.shortfallMonths[0];
  if (firstShortfall !== undefined) {
    warnings.push({
      code: "capacity-shortfall",
      month: firstShortfall,
      message: `Demand exceeds the capacity allowed by maxNodes from month ${firstShortfall + 1} (${addMonths(scenario.startMonth, firstShortfall)}) in ${series.shortfallMonths.length} month(s); unserved requests are not costed.`,
    });
  }
  if (series.utilisationCapped) {
    warnings.push({ code: "utilisation-impossible", message: "The target utilisation with its sensitivity multiplier exceeds 100 %; 100 % was used." });
  }
  for (const component of leafComponents(option)) {
    if (component.kind === "api") continue;
    // Sized exactly, average utilisation is target ÷ peak factor; whole nodes and N+k lower it.
    const planned = component.targetUtilisation.div(scenario.workload.peakToAverage);
    const threshold = planned.div(2);
    const low = monthly.find((month) => month.gpusInService > 0 && month.utilisation.lt(threshold));
    if (low && option.kind !== "hybrid") {
      warnings.push({
        code: "utilisation-below-target",
        month: low.index,
        message: `Average utilisation is ${low.utilisation.times(100).toFixed(1)} % in month ${low.index + 1}, under half the planned ${planned.times(100).toFixed(1)} % (target ÷ peak factor): whole nodes and spares are mostly idle.`,
      });
    }
  }
  const staleIds = new Set<string>();
  for (const used of catalogueValues) {
    if (used.status === "unknown-catalogue-id") {
      warnings.push({ code: "unknown-catalogue-id", message: `${used.field}: the catalogue has no entry with this id; the value is used as entered.` });
    } else if (used.catalogue && !staleIds.has(used.catalogue.id)) {
      const age = daysBetween(used.catalogue.asOf, asOf);
      if (age > STALE_AFTER_DAYS) {
        staleIds.add(used.catalogue.id);
        warnings.push({ code: "stale-catalogue-entry", message: `Catalogue entry ${used.catalogue.id} (${used.catalogue.label}) is from ${used.catalogue.asOf}, ${age} days before ${asOf}.` });
      }
    }
  }
  for (const component of leafComponents(option)) {
    if (!component.model.quality) {
      warnings.push({ code: "quality-unknown", message: `No benchmark score for ${component.model.name}: the quality gap cannot be shown.` });
    }
  }
  if (monthly.every((month) => month.inputTokens.plus(month.outputTokens).isZero())) {
    warnings.push({ code: "no-tokens-served", message: "No token is served over the horizon: cost per 1M tokens is undefined." });
  }
  return warnings;
}

function buildQualityRows(scenario: Scenario): { rows: QualityRow[]; warnings: Warning[] } {
  const rows: QualityRow[] = scenario.options.map((option) => {
    const rated = leafComponents(option).filter((component) => component.model.quality !== undefined);
    const names = leafComponents(option).map((component) => component.model.name).join(" + ");
    // A hybrid is as good as its weaker model (conservative).
    const weakest = rated.reduce<HybridComponent | null>((worst, component) => {
      if (worst === null) return component;
      return (component.model.quality?.score ?? D.zero).lt(worst.model.quality?.score ?? D.zero) ? component : worst;
    }, null);
    const quality = rated.length === leafComponents(option).length ? weakest?.model.quality : undefined;
    return {
      optionId: option.id,
      modelName: names,
      benchmark: quality?.benchmark ?? null,
      version: quality?.version ?? null,
      score: quality?.score ?? null,
      source: quality?.source ?? null,
      asOf: quality?.asOf ?? null,
      gapToBest: null,
    };
  });
  const warnings: Warning[] = [];
  const groups = new Map<string, QualityRow[]>();
  for (const row of rows) {
    if (row.score === null) continue;
    const key = `${row.benchmark} ${row.version}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, group] of groups) {
    const best = group.reduce((top, row) => ((row.score as Decimal).gt(top) ? (row.score as Decimal) : top), group[0]?.score as Decimal);
    for (const row of group) row.gapToBest = (row.score as Decimal).minus(best);
    const worst = group.reduce((low, row) => ((row.score as Decimal).lt(low.score as Decimal) ? row : low));
    if (best.minus(worst.score as Decimal).gte(QUALITY_GAP_WARNING_POINTS)) {
      warnings.push({
        code: "quality-gap",
        message: `Compared models differ in quality on ${key}: best ${best.toString()}, ${worst.modelName} ${(worst.score as Decimal).toString()}. A cheaper option may be a weaker model.`,
      });
    }
  }
  if (groups.size > 1) {
    warnings.push({ code: "quality-not-comparable", message: `Scores come from ${groups.size} different benchmarks or versions (${[...groups.keys()].join("; ")}); they are not compared across versions.` });
  }
  return { rows, warnings };
}

/**
 * The deterministic TCO comparison of a validated scenario, in Decimal. Pure: the same scenario and
 * settings give the same result. `multipliers` scale sensitivity drivers (1 when absent).
 */
export function computeScenario(scenario: Scenario, settings: ComputeSettings, multipliers: Multipliers<Decimal> = {}): ScenarioResult {
  // A caller's bug, not user input: a malformed date would silently disable every staleness warning.
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(settings.asOf)) {
    throw new RangeError(`computeScenario: settings.asOf must be a date YYYY-MM-DD, got "${settings.asOf}"`);
  }
  const params = createScenarioParams(D, scenario);
  const run = runModel(D, params, multipliers);
  const perUsd = scenario.currency.perUsd;
  const tokenCache = new TokenCache(run.inputTokensPerRequest, run.outputTokensPerRequest);
  const calendarMonths = Array.from({ length: params.months }, (_, m) => addMonths(scenario.startMonth, m));
  const options: OptionResult[] = scenario.options.map((option, index) => {
    const series = run.options[index] as OptionSeries<Decimal>;
    const { monthly, totals, npv } = buildOption(calendarMonths, series, tokenCache, run.discountFactors);
    const tokens = totals.inputTokens.plus(totals.outputTokens);
    const catalogueValues = listCatalogueValuesUsed(option, perUsd);
    return {
      id: option.id,
      name: option.name,
      kind: option.kind,
      monthly,
      totals,
      npv,
      costPerMillionTokens: {
        value: tokens.isZero() ? null : totals.cash.div(tokens).times(1_000_000),
        basis: "cash total per 1M input+output tokens served",
      },
      breakEven: [],
      capacityEvents: series.events.map((event) => describeEvent(scenario, event)),
      warnings: buildOptionWarnings(scenario, option, series, monthly, catalogueValues, settings.asOf),
      catalogueValues,
      compliance: null,
    };
  });
  const cumulative = options.map((option) => option.monthly.map((month) => month.cumulativeCash));
  options.forEach((option, i) => {
    option.breakEven = options
      .filter((_, j) => j !== i)
      .map((other) => {
        const month = computeBreakEvenMonth(cumulative[i] as Decimal[], cumulative[options.indexOf(other)] as Decimal[]);
        return { otherId: other.id, month, calendarMonth: month === null ? null : addMonths(scenario.startMonth, month) };
      });
  });
  const profile = scenario.compliance;
  const compliance =
    profile === undefined
      ? null
      : assessScenarioCompliance(profile, scenario.options, new Map(options.map((option) => [option.id, option.totals.cash])), "cash total over the horizon");
  options.forEach((option, i) => {
    option.compliance = compliance?.options[i] ?? null;
    const source = scenario.options[i] as Option;
    const lines = [source, ...(source.kind === "hybrid" ? [source.primary, source.secondary] : [])].flatMap((item) => item.extraCostsPerYear);
    const priced = lines.filter((line) => line.category === "compliance").length;
    for (const message of option.compliance === null ? [] : listUnpricedOverheads(option.compliance, priced)) {
      option.warnings.push({ code: "compliance-overhead-unpriced", message });
    }
  });
  const quality = buildQualityRows(scenario);
  const warnings = [...quality.warnings];
  const rateAge = daysBetween(scenario.currency.asOf, settings.asOf);
  if (rateAge > STALE_AFTER_DAYS) {
    warnings.push({ code: "stale-exchange-rate", message: `The exchange rate ${scenario.currency.code} per USD is from ${scenario.currency.asOf}, ${rateAge} days before ${settings.asOf}.` });
  }
  return {
    schemaVersion: 1,
    name: scenario.name,
    asOf: settings.asOf,
    startMonth: scenario.startMonth,
    horizonMonths: params.months,
    currency: { code: scenario.currency.code, perUsd, asOf: scenario.currency.asOf, source: scenario.currency.source },
    discountRatePerYear: scenario.discountRatePerYear,
    creditResidualValue: scenario.creditResidualValue,
    options,
    qualityGaps: quality.rows,
    warnings,
    compliance:
      profile === undefined || compliance === null
        ? null
        : { profile, cheapestCompliantOptionId: compliance.cheapestCompliantOptionId, costBasis: compliance.costBasis },
  };
}
