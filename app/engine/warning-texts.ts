/** The warnings a result can carry: a code each, its parameters, and the English text of its template (messages.ts). */
import { createMessage, type MessageOf, type MessageParams, type NoParams, type ParamsOf } from "./messages.ts";

/** The English text of each warning; `month` parameters are 0-based indexes, said 1-based. */
export const WARNING_TEXTS = {
  "capacity-shortfall": ({ month, calendarMonth, shortfallMonths }: { month: number; calendarMonth: string; shortfallMonths: number }) =>
    `Demand exceeds the capacity allowed by maxNodes from month ${month + 1} (${calendarMonth}) in ${shortfallMonths} month(s); unserved requests are not costed.`,
  "utilisation-impossible": (_: NoParams) => "The target utilisation with its sensitivity multiplier exceeds 100 %; 100 % was used.",
  "utilisation-below-target": ({ month, utilisationPercent, plannedPercent }: { month: number; utilisationPercent: string; plannedPercent: string }) =>
    `Average utilisation is ${utilisationPercent} % in month ${month + 1}, under half the planned ${plannedPercent} % (target ÷ peak factor): whole nodes and spares are mostly idle.`,
  /** `staleAfterDays` is absent from warnings of results computed before thresholds were set per kind of figure (180 days then). */
  "stale-catalogue-entry": ({ id, label, entryAsOf, ageDays, asOf, staleAfterDays }: { id: string; label: string; entryAsOf: string; ageDays: number; asOf: string; staleAfterDays?: number }) =>
    `Catalogue entry ${id} (${label}) is from ${entryAsOf}, ${ageDays} days before ${asOf}${staleAfterDays === undefined ? "" : `; figures of its kind count as stale after ${staleAfterDays} days`}.`,
  "unknown-catalogue-id": ({ field }: { field: string }) => `${field}: the catalogue has no entry with this id; the value is used as entered.`,
  "quality-unknown": ({ model }: { model: string }) => `No benchmark score for ${model}: the quality gap cannot be shown.`,
  "quality-gap": ({ benchmark, best, model, score }: { benchmark: string; best: string; model: string; score: string }) =>
    `Compared models differ in quality on ${benchmark}: best ${best}, ${model} ${score}. A cheaper option may be a weaker model.`,
  "quality-not-comparable": ({ count, benchmarks }: { count: number; benchmarks: string }) =>
    `Scores come from ${count} different benchmarks or versions (${benchmarks}); they are not compared across versions.`,
  "stale-exchange-rate": ({ currency, rateAsOf, ageDays, asOf }: { currency: string; rateAsOf: string; ageDays: number; asOf: string }) =>
    `The exchange rate ${currency} per USD is from ${rateAsOf}, ${ageDays} days before ${asOf}.`,
  "no-tokens-served": (_: NoParams) => "No token is served over the horizon: cost per 1M tokens is undefined.",
  "compliance-overhead-unpriced": ({ part, overheads }: { part: "option" | "primary" | "secondary"; overheads: string }) =>
    `The compliance profile calls for yearly costs with no line priced${part === "option" ? "" : ` (${part})`}: ${overheads}. Enter your estimates as extra cost lines of category "compliance".`,
};

export type WarningCode = keyof typeof WARNING_TEXTS;

/** A warning: code, parameters, English text, and the 0-based month it starts in when it has one. */
export type Warning = MessageOf<typeof WARNING_TEXTS> & { month?: number };

export function createWarning<Code extends WarningCode>(code: Code, params: ParamsOf<typeof WARNING_TEXTS, Code>, month?: number): Warning {
  const warning = createMessage(WARNING_TEXTS, code, params) as Warning;
  return month === undefined ? warning : { ...warning, month };
}

/** The English text of a warning from its code and parameters: what `message` holds. */
export function describeWarning({ code, params }: Pick<Warning, "code" | "params">): string {
  return (WARNING_TEXTS[code] as (params: MessageParams) => string)(params);
}
