import type { Decimal } from "../decimal.ts";
import { getDeploymentCapability } from "./deployment-capabilities.ts";
import { getResidencyPremium } from "./costs.ts";
import type { DeploymentRef } from "./deployment.ts";

/**
 * The rules that tie the compliance fields into the scenario format: an option's deployment, the
 * API residency premium that falls back to the deployment's catalogue value, and deployments being
 * required once the scenario has a compliance profile. Options are read structurally.
 */
export interface ScenarioOptionFields {
  kind: string;
  deployment?: DeploymentRef;
  residencyPremium?: Decimal;
  primary?: ScenarioOptionFields;
  secondary?: ScenarioOptionFields;
}

export interface ScenarioFieldIssue {
  path: (string | number)[];
  message: string;
}

/** The catalogue residency premium of a deployment when it is known, else null. */
export function getCatalogueResidencyPremium(deployment: DeploymentRef | undefined): Decimal | null {
  if (deployment === undefined) return null;
  const entry = getDeploymentCapability(deployment.catalogId);
  if (entry === null) return null;
  const premium = getResidencyPremium(entry);
  return premium.kind === "known" ? premium.fraction : null;
}

/**
 * The residency premium an API option pays, as a fraction of token prices: its own value, else
 * its deployment's catalogue value. Throws when neither exists, which `listScenarioFieldIssues`
 * reports as a field error before any computation.
 */
export function resolveResidencyPremium(option: { residencyPremium?: Decimal; deployment?: DeploymentRef }): Decimal {
  const premium = option.residencyPremium ?? getCatalogueResidencyPremium(option.deployment);
  if (premium === null) throw new Error("residencyPremium: no value and no known catalogue premium (the scenario schema rejects this)");
  return premium;
}

function checkOption(option: ScenarioOptionFields, path: (string | number)[], hasProfile: boolean, issues: ScenarioFieldIssue[]): void {
  if (option.primary !== undefined && option.secondary !== undefined) {
    checkOption(option.primary, [...path, "primary"], hasProfile, issues);
    checkOption(option.secondary, [...path, "secondary"], hasProfile, issues);
    return;
  }
  if (option.kind === "api" && option.residencyPremium === undefined && getCatalogueResidencyPremium(option.deployment) === null) {
    const entry = option.deployment === undefined ? null : getDeploymentCapability(option.deployment.catalogId);
    issues.push({
      path: [...path, "residencyPremium"],
      message:
        entry === null
          ? "is required: enter the residency premium (0 when none applies), or name a deployment whose catalogue premium is known"
          : `is required: the compliance catalogue records no residency premium for "${entry.id}"; enter it (0 when none applies)`,
    });
  }
  if (hasProfile && option.deployment === undefined) {
    issues.push({
      path: [...path, "deployment"],
      message: "is required when the scenario has a compliance profile: name the catalogue deployment this option runs on",
    });
  }
}

/** Field errors of the compliance-related option fields, with their paths inside the scenario. */
export function listScenarioFieldIssues(scenario: { compliance?: unknown; options: readonly ScenarioOptionFields[] }): ScenarioFieldIssue[] {
  const issues: ScenarioFieldIssue[] = [];
  scenario.options.forEach((option, index) => checkOption(option, ["options", index], scenario.compliance !== undefined, issues));
  return issues;
}
