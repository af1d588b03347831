/**
 * A scenario's result: runs the model (model.ts), assembles each option's monthly results and totals
 * (monthly-results.ts), its capacity events, break-even months (break-even.ts), warnings (warnings.ts)
 * and compliance (compliance/), and the quality table (quality.ts).
 */
import { decimalArithmetic } from "./arithmetic.ts";
import { listBreakEvens } from "./break-even.ts";
import { addMonths } from "./calendar.ts";
import { listCatalogueValuesUsed } from "./catalogue-usage.ts";
import { BUILT_IN_CATALOGUE } from "./catalogue/organisation.ts";
import { assessScenarioCompliance } from "./compliance/index.ts";
import type { Decimal } from "./decimal.ts";
import { runModel } from "./model.ts";
import { buildMonthlyResults, TokenCache } from "./monthly-results.ts";
import type { CapacityEvent, Multipliers, OptionSeries } from "./options/context.ts";
import { createScenarioParams } from "./params.ts";
import { buildQualityRows } from "./quality.ts";
import type { CapacityEventResult, ComputeSettings, OptionResult, ScenarioResult } from "./results.ts";
import type { Option, Scenario } from "./scenario.ts";
import { listExchangeRateWarnings, listOptionWarnings, listQualityWarnings, listUnpricedOverheadWarnings } from "./warnings.ts";

const D = decimalArithmetic;

/** A capacity event with its calendar month and its text; `action` and the counts are its code and parameters. */
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
    const { monthly, totals, npv } = buildMonthlyResults(calendarMonths, series, tokenCache, run.discountFactors);
    const tokens = totals.inputTokens.plus(totals.outputTokens);
    const catalogueValues = listCatalogueValuesUsed(option, perUsd, settings.catalogue ?? BUILT_IN_CATALOGUE);
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
      warnings: listOptionWarnings(scenario, option, series, monthly, catalogueValues, settings.asOf),
      catalogueValues,
      compliance: null,
    };
  });
  const breakEvens = listBreakEvens(options.map((option) => ({ id: option.id, cumulativeCash: option.monthly.map((month) => month.cumulativeCash) })), scenario.startMonth);
  options.forEach((option, i) => (option.breakEven = breakEvens[i] ?? []));
  const profile = scenario.compliance;
  const compliance =
    profile === undefined
      ? null
      : assessScenarioCompliance(profile, scenario.options, new Map(options.map((option) => [option.id, option.totals.cash])), "cash total over the horizon");
  options.forEach((option, i) => {
    option.compliance = compliance?.options[i] ?? null;
    if (option.compliance !== null) option.warnings.push(...listUnpricedOverheadWarnings(scenario.options[i] as Option, option.compliance));
  });
  const quality = buildQualityRows(scenario);
  const warnings = [...listQualityWarnings(quality.groups), ...listExchangeRateWarnings(scenario, settings.asOf)];
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
