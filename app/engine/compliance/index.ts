/**
 * Compliance, data residency and sovereignty (issue #4): the public surface.
 *
 * - `ComplianceProfileSchema`: a scenario's constraint profile (data, processing, regimes, requirements).
 * - `DeploymentRefSchema`: an option's deployment (catalogue id, location, operator and its ultimate
 *   parent, sub-processors, declared facts with evidence, SEAL overrides with justifications).
 * - `DEPLOYMENT_CAPABILITIES`: the dated, sourced capability catalogue; `COMPLIANCE_SOURCES` its
 *   public sources; `FOREIGN_ACCESS_LAWS` and `REGULATORY_DATES` the legal facts the rules quote.
 * - `evaluateDeployment`: verdict, reasons, sovereignty assessment, residency premium, overhead lines.
 * - `findCheapestCompliant`: the cheapest option that is not blocked.
 * - `assessScenarioCompliance`: all options of a scenario (hybrids part by part) and the cheapest
 *   compliant one.
 * - `listScenarioFieldIssues`, `resolveResidencyPremium`: the scenario format's compliance rules
 *   (deployments required with a profile; the API residency premium falls back to the catalogue).
 */
export { assessOptionCompliance, assessScenarioCompliance, listUnpricedOverheads } from "./assess-options.ts";
export { getCatalogueResidencyPremium, listScenarioFieldIssues, resolveResidencyPremium } from "./scenario-fields.ts";
export type { ScenarioFieldIssue, ScenarioOptionFields } from "./scenario-fields.ts";
export type { ComplianceOptionView, OptionCompliance, OptionPart, ScenarioCompliance } from "./assess-options.ts";
export { DEPLOYMENT_CAPABILITIES, getDeploymentCapability, listDeploymentCapabilityIds } from "./deployment-capabilities.ts";
export type { CapabilityValue, Company, DeploymentCapability, DeploymentKind, Fact, Place } from "./deployment-capabilities.ts";
export {
  applyResidencyPremium,
  ComplianceOverheadLineSchema,
  computeComplianceOverheadPerYear,
  getResidencyPremium,
  listSuggestedOverheads,
  OVERHEAD_CATEGORIES,
} from "./costs.ts";
export type { ComplianceOverheadLine, OverheadCategory, ResidencyPremium, SuggestedOverhead } from "./costs.ts";
export { createDeploymentRefSchema, DECLARABLE_CAPABILITIES, DeclaredFactSchema, DeploymentRefSchema } from "./deployment.ts";
export type { DeclarableCapability, DeclaredFact, DeploymentRef, DeploymentRefInput } from "./deployment.ts";
export { combineVerdicts, decideVerdict, evaluateDeployment, findCheapestCompliant, rankVerdict } from "./evaluate.ts";
export type { DeploymentComplianceResult, Verdict } from "./evaluate.ts";
export { SEAL_LEVEL_NAMES, SOVEREIGNTY_OBJECTIVES, SovereigntyOverrideSchema } from "./objectives.ts";
export type { SealLevel, SovereigntyObjectiveId, SovereigntyOverride } from "./objectives.ts";
export { ComplianceProfileSchema, DATA_CLASSES } from "./profile.ts";
export type { ComplianceProfile, ComplianceProfileInput, DataClass } from "./profile.ts";
export { AI_ACT_ROLES, REGIME_IDS, REGIME_RULES } from "./regimes.ts";
export type { Regime, RegimeId } from "./regimes.ts";
export type { ComplianceReason, ReasonSeverity } from "./resolve.ts";
export { assessSovereignty, computeWeightedSealScore } from "./sovereignty.ts";
export type { ObjectiveAssessment, SovereigntyAssessment } from "./sovereignty.ts";
export { COMPLIANCE_SOURCES, getComplianceSource } from "./sources.ts";
export { FOREIGN_ACCESS_LAWS } from "./access-laws.ts";
export { REGULATORY_DATES } from "./regulatory-dates.ts";
export type { RegulatoryDate } from "./regulatory-dates.ts";
export type { ComplianceSource } from "./sources.ts";
