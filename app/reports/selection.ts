/**
 * Which option the charts and tables emphasise: the headline's cheapest compliant option (the cheapest
 * overall without a compliance profile, since nothing is then blocked).
 */
import { summarizeHeadline } from "./headline.ts";
import type { ScenarioData } from "./types.ts";

/** The id of the emphasised option, or null when every option is blocked. */
export function getHighlightedOptionId(scenario: ScenarioData): string | null {
  return summarizeHeadline(scenario).cheapest?.id ?? null;
}
