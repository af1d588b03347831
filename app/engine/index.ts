/**
 * The TCO engine's public surface: app code (routes, reports, components, models, scenarios, hooks,
 * workers, scripts) imports the engine from here and nowhere else (the layering lint, ADR 017); tests
 * of internals may import the internal modules. Pure: decimal.js and zod only; no I/O, no clock, no env.
 *
 * Flow: `parseScenario(json)` → `computeScenario(scenario, { asOf })` → `serializeResult(result)`.
 * Sensitivity: `computeTornado(scenario)` (Decimal) and `computeMonteCarlo(scenario)` (float64).
 *
 * Conventions (stated with worked examples in conventions.ts, shown on /methodology): a month has 730 hours; yearly rates become monthly by compounding
 * ((1 + r)^(1/12)); months are 0-based `index` values with a "YYYY-MM" `calendarMonth` (texts say
 * "month 1" for index 0); money is nominal in the scenario currency, unrounded (round with format.ts);
 * break-even of A against B is the first month from which A's cumulative cash stays at or below B's
 * until the horizon end, or null.
 *
 * Result shape (ScenarioResult): currency with its dated exchange rate, quality gap table,
 * scenario warnings, and per option (OptionResult): `monthly` [{index, calendarMonth, capex,
 * resaleCredit, residualCredit, opex{api, gpu-rental, power, facility, maintenance, licences, staff,
 * setup, compliance, other}, opexTotal, cash, cumulativeCash, depreciation, disposalLoss, accounting,
 * cumulativeAccounting, demandRequests, servedRequests, inputTokens, outputTokens, gpusInService,
 * utilisation}], `totals`, `npv`, `costPerMillionTokens` (cash per 1M input+output tokens served),
 * `breakEven` [{otherId, month, calendarMonth}], `capacityEvents`, `warnings` [{code, message, month?}],
 * `catalogueValues` (every catalogue value used or overridden, with source and date).
 * Cash view = capex − resale − residual credit + opex; accounting view = opex + depreciation + loss on
 * disposal. Neither contains the other's hardware line, so hardware is never counted twice.
 */
export { Decimal } from "./decimal.ts";

// The scenario document: its schema, its parse, its types.
export { decimalField, DRIVERS, ScenarioSchema } from "./scenario.ts";
export type { ApiOption, Driver, HybridComponent, HybridOption, Option, OwnedGpuOption, RentedGpuOption, Scenario, ScenarioInput, Workload } from "./scenario.ts";
export { parseScenario } from "./parse.ts";
export type { ParseResult, ScenarioIssue } from "./parse.ts";
export { getScenarioJsonSchema } from "./json-schema.ts";

// Compute, sensitivity, serialize.
export { computeScenario } from "./compute.ts";
export type { CapacityEventResult, ComputeSettings, MonthResult, OptionResult, QualityRow, ScenarioResult, Totals } from "./results.ts";
export { EXCHANGE_RATE_STALE_AFTER_DAYS } from "./warnings.ts";
export { describeWarning } from "./warning-texts.ts";
export type { Warning, WarningCode } from "./warning-texts.ts";
export type { MessageParams } from "./messages.ts";
export { HOURS_PER_MONTH, OPEX_CATEGORIES } from "./options/context.ts";
export type { OpexCategory } from "./options/context.ts";
export { MODEL_CONVENTIONS } from "./conventions.ts";
export type { ModelConvention } from "./conventions.ts";
export { computeTornado, DEFAULT_TORNADO_HIGH, DEFAULT_TORNADO_LOW } from "./sensitivity.ts";
export type { TornadoBar, TornadoResult } from "./sensitivity.ts";
export { computeMonteCarlo, iterateMonteCarlo } from "./monte-carlo.ts";
export type { MonteCarloOverrides, MonteCarloResult } from "./monte-carlo.ts";
export { serializeResult } from "./serialize.ts";
export type { Serialized } from "./serialize.ts";
export { formatPercent, getMinorUnits, roundMoney } from "./format.ts";
export { daysBetween } from "./calendar.ts";

// The catalogue of dated, sourced defaults, and its version.
export { CATALOGUE, getCatalogueEntry, getCatalogueKind, STALE_AFTER_DAYS } from "./catalogue/index.ts";
export type { AnyCatalogueEntry, CatalogueEntry, CatalogueKind, CatalogueSource, NoteSource, PublishedSource } from "./catalogue/index.ts";
export { BUILT_IN_CATALOGUE, CATALOGUE_KINDS, createCatalogue, getKindUnits } from "./catalogue/organisation.ts";
export type { Catalogue, OrganisationEntry, OrganisationLayer, ResolvedCatalogueEntry } from "./catalogue/organisation.ts";
export type { CatalogueValueUsed, SourceCitation } from "./catalogue-usage.ts";
export { CATALOGUE_VERSION, ENGINE_VERSION } from "./version.ts";

// Compliance: what the editor, the reports and the reference pages show of it.
export {
  AI_ACT_ROLES,
  CAPABILITY_REQUIREMENTS,
  COMPLIANCE_SOURCES,
  DATA_CLASSES,
  DECLARABLE_CAPABILITIES,
  DEPLOYMENT_CAPABILITIES,
  describeReason,
  describeSovereigntyNote,
  getComplianceSource,
  getDeploymentCapability,
  getResidencyPremium,
  REGIME_IDS,
  REGION_CODES,
  SEAL_LEVEL_NAMES,
  SOVEREIGNTY_OBJECTIVES,
} from "./compliance/index.ts";
export type {
  CapabilityValue,
  Company,
  ComplianceReason,
  ComplianceProfile,
  ComplianceSource,
  DeploymentCapability,
  DeploymentKind,
  Fact,
  OptionCompliance,
  ReasonSeverity,
  Regime,
  ScenarioCompliance,
  SealLevel,
  SovereigntyNote,
  Verdict,
} from "./compliance/index.ts";
