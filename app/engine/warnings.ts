/**
 * The warnings of a result, each made from its code and parameters (warning-texts.ts). Thresholds:
 * STALE_AFTER_DAYS (catalogue/index.ts) per kind of catalogue figure, EXCHANGE_RATE_STALE_AFTER_DAYS
 * for the scenario's exchange rate, QUALITY_GAP_WARNING_POINTS for benchmark scores.
 */
import { addMonths, daysBetween } from "./calendar.ts";
import type { CatalogueValueUsed } from "./catalogue-usage.ts";
import { listUnpricedOverheads, type OptionCompliance } from "./compliance/index.ts";
import type { Decimal } from "./decimal.ts";
import type { OptionSeries } from "./options/context.ts";
import type { QualityGroup } from "./quality.ts";
import type { MonthResult } from "./results.ts";
import { listLeafComponents, type Option, type Scenario } from "./scenario.ts";
import { createWarning, type Warning } from "./warning-texts.ts";

/** An exchange rate older than this (in days) raises a warning. */
export const EXCHANGE_RATE_STALE_AFTER_DAYS = 180;
/** Quality scores differing by at least this many index points raise a warning (indexes move ±1–2 between runs). */
export const QUALITY_GAP_WARNING_POINTS = 3;

/** The warnings of one option: shortfall, utilisation, catalogue entries, quality, tokens served. */
export function listOptionWarnings(scenario: Scenario, option: Option, series: OptionSeries<Decimal>, monthly: MonthResult[], catalogueValues: CatalogueValueUsed[], asOf: string): Warning[] {
  const warnings: Warning[] = [];
  const firstShortfall = series.shortfallMonths[0];
  if (firstShortfall !== undefined) {
    warnings.push(
      createWarning(
        "capacity-shortfall",
        { month: firstShortfall, calendarMonth: addMonths(scenario.startMonth, firstShortfall), shortfallMonths: series.shortfallMonths.length },
        firstShortfall,
      ),
    );
  }
  if (series.utilisationCapped) warnings.push(createWarning("utilisation-impossible", {}));
  for (const component of listLeafComponents(option)) {
    if (component.kind === "api") continue;
    // Sized exactly, average utilisation is target ÷ peak factor; whole nodes and N+k lower it.
    const planned = component.targetUtilisation.div(scenario.workload.peakToAverage);
    const threshold = planned.div(2);
    const low = monthly.find((month) => month.gpusInService > 0 && month.utilisation.lt(threshold));
    if (low && option.kind !== "hybrid") {
      const percents = { utilisationPercent: low.utilisation.times(100).toFixed(1), plannedPercent: planned.times(100).toFixed(1) };
      warnings.push(createWarning("utilisation-below-target", { month: low.index, ...percents }, low.index));
    }
  }
  const staleIds = new Set<string>();
  for (const used of catalogueValues) {
    if (used.status === "unknown-catalogue-id") {
      warnings.push(createWarning("unknown-catalogue-id", { field: used.field }));
    } else if (used.catalogue && !staleIds.has(used.catalogue.id)) {
      const ageDays = daysBetween(used.catalogue.asOf, asOf);
      const { staleAfterDays } = used.catalogue;
      if (ageDays > staleAfterDays) {
        staleIds.add(used.catalogue.id);
        warnings.push(createWarning("stale-catalogue-entry", { id: used.catalogue.id, label: used.catalogue.label, entryAsOf: used.catalogue.asOf, ageDays, asOf, staleAfterDays }));
      }
    }
  }
  for (const component of listLeafComponents(option)) {
    if (!component.model.quality) warnings.push(createWarning("quality-unknown", { model: component.model.name }));
  }
  if (monthly.every((month) => month.inputTokens.plus(month.outputTokens).isZero())) warnings.push(createWarning("no-tokens-served", {}));
  return warnings;
}

/** A gap of QUALITY_GAP_WARNING_POINTS or more within a benchmark, and scores from more than one benchmark or version. */
export function listQualityWarnings(groups: readonly QualityGroup[]): Warning[] {
  const warnings: Warning[] = [];
  for (const { key, best, worst } of groups) {
    if (best.minus(worst.score as Decimal).gte(QUALITY_GAP_WARNING_POINTS)) {
      warnings.push(createWarning("quality-gap", { benchmark: key, best: best.toString(), model: worst.modelName, score: (worst.score as Decimal).toString() }));
    }
  }
  if (groups.length > 1) warnings.push(createWarning("quality-not-comparable", { count: groups.length, benchmarks: groups.map(({ key }) => key).join("; ") }));
  return warnings;
}

/** The scenario's exchange rate, when it is older than EXCHANGE_RATE_STALE_AFTER_DAYS on `asOf`. */
export function listExchangeRateWarnings(scenario: Scenario, asOf: string): Warning[] {
  const ageDays = daysBetween(scenario.currency.asOf, asOf);
  return ageDays > EXCHANGE_RATE_STALE_AFTER_DAYS ? [createWarning("stale-exchange-rate", { currency: scenario.currency.code, rateAsOf: scenario.currency.asOf, ageDays, asOf })] : [];
}

/** The overhead lines the profile calls for, per part, when the option (hybrid parts included) prices no compliance line. */
export function listUnpricedOverheadWarnings(option: Option, compliance: OptionCompliance): Warning[] {
  const lines = [option, ...(option.kind === "hybrid" ? [option.primary, option.secondary] : [])].flatMap((item) => item.extraCostsPerYear);
  const priced = lines.filter((line) => line.category === "compliance").length;
  return listUnpricedOverheads(compliance, priced).map((params) => createWarning("compliance-overhead-unpriced", params));
}
