/**
 * The presenter layer: engine results (plain data, `ResultBundle`) → view-models and chart geometry for
 * the web pages, the CLI and the PDF. Display logic lives here and nowhere else.
 */
export { buildAssumptions, describeCurrency } from "./assumptions.ts";
export type { AssumptionRow, Assumptions, ScenarioFact } from "./assumptions.ts";
export { buildHeadlineCards } from "./cards.ts";
export type { HeadlineCard } from "./cards.ts";
export * from "./charts/index.ts";
export { buildComparisonCsv, buildComparisonRows, quoteCsvField } from "./comparison.ts";
export type { BreakEvenCell, ComparisonRow, ValueCell } from "./comparison.ts";
export { buildComplianceMatrix, buildComplianceMatrixFrom, describeSource, WEIGHTED_SEAL_SCORE_LABEL, WEIGHTED_SEAL_SCORE_NOTE } from "./compliance.ts";
export type { OptionComplianceInput, CellStatus, ComplianceMatrix, DeploymentView, MatrixCell, OptionComplianceView, ReasonView, RequirementRow, SealCell, SourceView } from "./compliance.ts";
export { createFormatter } from "./format.ts";
export type { DecimalLike, Formatter } from "./format.ts";
export { summarizeHeadline } from "./headline.ts";
export type { Headline, HeadlineOption } from "./headline.ts";
export { COST_CATEGORY_LABELS, DRIVER_LABELS, KIND_LABELS, VERDICT_LABELS, WARNING_TITLES } from "./labels.ts";
export type { CostCategory } from "./labels.ts";
export { CATEGORY_COLOURS, getSeriesStyle, OKABE_ITO, SERIES_COLOURS } from "./palette.ts";
export type { MarkerShape, SeriesStyle } from "./palette.ts";
export { roundResultBundle } from "./rounded-results.ts";
export { getHighlightedOptionId } from "./selection.ts";
export type { MonteCarloData, OptionData, ResultBundle, ScenarioData, TornadoData } from "./types.ts";
export { buildScenarioSpotlight } from "./spotlight.ts";
export type { ScenarioSpotlight } from "./spotlight.ts";
export { groupWarnings } from "./warnings.ts";
export type { WarningEntry, WarningGroup } from "./warnings.ts";
