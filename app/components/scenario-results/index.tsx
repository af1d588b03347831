/** The results area of a scenario, its headline cards alone, and the comparison of 2–4 scenarios. */
export { CompareView } from "./compare-view.tsx";
export type { CompareItem, CompareViewProps } from "./compare-view.tsx";
export { HeadlineCardList, HeadlineCards } from "./headline-cards.tsx";
export type { HeadlineCardsProps } from "./headline-cards.tsx";
export { ScenarioResults } from "./scenario-results.tsx";
export type { ScenarioResultsProps } from "./scenario-results.tsx";
