/**
 * Compliance, data residency and sovereignty (issue #4), as the rest of the engine and its tests see
 * it. App code reaches it through the engine's public surface, app/engine/index.ts (ADR 017).
 *
 * - `ComplianceProfileSchema`: a scenario's constraint profile (data, processing, regimes, requirements).
 * - `DeploymentRefSchema`: an option's deployment (catalogue id, location, operator and its ultimate
 *   parent, sub-processors, declared facts with evidence, SEAL overrides with justifications).
 * - `DEPLOYMENT_CAPABILITIES`: the dated, sourced capability catalogue; `COMPLIANCE_SOURCES` its
 *   public sources; `FOREIGN_ACCESS_LAWS` and `REGULATORY_DATES` the legal facts the rules quote.
 * - `evaluateDeployment`: verdict, reasons, sovereignty assessment, residency premium, overhead lines.
 * - `assessScenarioCompliance`: all options of a scenario (hybrids part by part) and the cheapest
 *   compliant one.
 * - `listScenarioFieldIssues`, `resolveResidencyPremium`: the scenario format's compliance rules
 *   (deployments required with a profile; the API residency premium falls back to the catalogue).
 */
export { assessScenarioCompliance, listUnpricedOverheads } from "./assess-options.ts";
export { listScenarioFieldIssues, resolveResidencyPremium } from "./scenario-fields.ts";
export type { ScenarioOptionFields } from "./scenario-fields.ts";
export type { ComplianceOptionView, OptionCompliance, ScenarioCompliance } from "./assess-options.ts";
export { DEPLOYMENT_CAPABILITIES, getDeploymentCapability } from "./deployment-capabilities.ts";
export type { CapabilityValue, Company, DeploymentCapability, DeploymentKind, Fact } from "./deployment-capabilities.ts";
export { getResidencyPremium } from "./costs.ts";
export { createDeploymentRefSchema, DECLARABLE_CAPABILITIES, DeploymentRefSchema } from "./deployment.ts";
export type { DeploymentRefInput } from "./deployment.ts";
export { evaluateDeployment, rankVerdict } from "./evaluate.ts";
export type { DeploymentComplianceResult, Verdict } from "./evaluate.ts";
export { SEAL_LEVEL_NAMES, SOVEREIGNTY_OBJECTIVES } from "./objectives.ts";
export type { SealLevel, SovereigntyObjectiveId } from "./objectives.ts";
export { CAPABILITY_REQUIREMENTS, ComplianceProfileSchema, DATA_CLASSES } from "./profile.ts";
export type { ComplianceProfile, ComplianceProfileInput } from "./profile.ts";
export { AI_ACT_ROLES, REGIME_IDS } from "./regime-schemas.ts";
export type { Regime } from "./regime-schemas.ts";
export { describeReason } from "./reasons.ts";
export { describeSovereigntyNote } from "./sovereignty-texts.ts";
export type { SovereigntyNote } from "./sovereignty-texts.ts";
export type { ComplianceReason, ReasonCode, ReasonSeverity } from "./reasons.ts";
export { assessSovereignty, computeWeightedSealScore } from "./sovereignty.ts";
export { COMPLIANCE_SOURCES, getComplianceSource } from "./sources.ts";
export { FOREIGN_ACCESS_LAWS } from "./access-laws.ts";
export { REGION_CODES } from "./jurisdictions.ts";
export { REGULATORY_DATES } from "./regulatory-dates.ts";
export type { ComplianceSource } from "./sources.ts";
