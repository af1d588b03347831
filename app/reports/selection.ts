/**
 * Which option the charts and tables emphasise: the engine's cheapest compliant option, or, without a
 * compliance profile (nothing is blocked), the option with the lowest cash total.
 */
import { Decimal } from "../engine/index.ts";
import type { ScenarioData } from "./types.ts";

/** The id of the emphasised option, or null when every option is blocked. */
export function getHighlightedOptionId(scenario: ScenarioData): string | null {
  if (scenario.compliance !== null) return scenario.compliance.cheapestCompliantOptionId;
  let best: { id: string; cash: Decimal } | null = null;
  for (const option of scenario.options) {
    const cash = new Decimal(option.totals.cash);
    if (best === null || cash.lt(best.cash)) best = { id: option.id, cash };
  }
  return best?.id ?? null;
}
