import {
  ComplianceProfileSchema,
  DeploymentRefSchema,
  evaluateDeployment,
  type ComplianceProfileInput,
  type DeploymentComplianceResult,
  type DeploymentRefInput,
} from "../../../app/engine/compliance/index.ts";

/** Parses a profile and a deployment and evaluates them; parse failures throw with their issues. */
export function evaluate(profile: ComplianceProfileInput, deployment: DeploymentRefInput): DeploymentComplianceResult {
  return evaluateDeployment(ComplianceProfileSchema.parse(profile), DeploymentRefSchema.parse(deployment));
}

/** The (requirement, severity) pairs of a result, for table comparisons. */
export function listReasonKeys(result: DeploymentComplianceResult): string[] {
  return result.reasons.map((reason) => `${reason.severity} ${reason.requirement}`);
}

/** Countries to place self-hosted deployments in, mixing EU, non-EU and China. */
export const SAMPLE_LOCATIONS = ["DE", "FR", "NO", "US", "GB", "JP", "CN", "CH"] as const;
