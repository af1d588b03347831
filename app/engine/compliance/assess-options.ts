import type { Decimal } from "../decimal.ts";
import type { DeploymentRef } from "./deployment.ts";
import type { DeploymentComplianceResult, Verdict } from "./evaluate.ts";
import { combineVerdicts, evaluateDeployment, findCheapestCompliant } from "./evaluate.ts";
import type { ComplianceProfile } from "./profile.ts";
import { assignToPart, createReason, type ComplianceReason } from "./reasons.ts";

/**
 * Compliance of a scenario's options. Options are read through a structural view, so this module
 * needs nothing from the scenario format beyond ids, names, deployments and hybrid parts.
 */
export interface ComplianceOptionView {
  id: string;
  name: string;
  deployment?: DeploymentRef;
  primary?: ComplianceOptionView;
  secondary?: ComplianceOptionView;
}

export type OptionPart = "option" | "primary" | "secondary";

export interface OptionCompliance {
  optionId: string;
  optionName: string;
  /** The worst verdict of the option's parts (a hybrid is as compliant as its weakest part). */
  verdict: Verdict;
  /** All parts' reasons; a hybrid's are prefixed with the part ("primary: …"). */
  reasons: ComplianceReason[];
  /** One assessment per deployment: the option itself, or a hybrid's primary and secondary. */
  parts: { part: OptionPart; deployment: DeploymentComplianceResult | null }[];
}

export interface ScenarioCompliance {
  options: OptionCompliance[];
  /** The not-blocked option with the lowest cost, or null when every option is blocked. */
  cheapestCompliantOptionId: string | null;
  /** What "cost" means for the pick above. */
  costBasis: string;
}

function assessPart(profile: ComplianceProfile, option: ComplianceOptionView, part: OptionPart) {
  const inPart = (reason: ComplianceReason) => (part === "option" ? reason : assignToPart(reason, part));
  if (option.deployment === undefined) {
    const reason = createReason("deployment", "block", "no-deployment", { option: option.name }, "not-recorded");
    return { part, deployment: null, reasons: [inPart(reason)] };
  }
  const deployment = evaluateDeployment(profile, option.deployment);
  return { part, deployment, reasons: deployment.reasons.map(inPart) };
}

/** Assesses one option (both parts of a hybrid) against the profile. */
export function assessOptionCompliance(profile: ComplianceProfile, option: ComplianceOptionView): OptionCompliance {
  const parts =
    option.primary !== undefined && option.secondary !== undefined
      ? [assessPart(profile, option.primary, "primary"), assessPart(profile, option.secondary, "secondary")]
      : [assessPart(profile, option, "option")];
  const reasons = parts.flatMap((part) => part.reasons);
  return {
    optionId: option.id,
    optionName: option.name,
    verdict: combineVerdicts(parts.map((part) => (part.deployment === null ? "blocked" : part.deployment.verdict))),
    reasons,
    parts: parts.map(({ part, deployment }) => ({ part, deployment })),
  };
}

/**
 * Assesses every option and names the cheapest one that is not blocked. `costs` gives each
 * option's cost on the basis named by `costBasis` (e.g. the horizon's cash total), one currency.
 */
export function assessScenarioCompliance(
  profile: ComplianceProfile,
  options: readonly ComplianceOptionView[],
  costs: ReadonlyMap<string, Decimal>,
  costBasis: string,
): ScenarioCompliance {
  const assessed = options.map((option) => assessOptionCompliance(profile, option));
  const priced = assessed.flatMap((option) => {
    const total = costs.get(option.optionId);
    return total === undefined ? [] : [{ id: option.optionId, verdict: option.verdict, total }];
  });
  return { options: assessed, cheapestCompliantOptionId: findCheapestCompliant(priced)?.id ?? null, costBasis };
}

/**
 * The overhead lines the profile calls for when the option prices none: OpenTCO ships no default
 * amounts, so an option without any yearly compliance cost line would silently count them as 0.
 * Returns, per option part, the part and its overhead labels (the "compliance-overhead-unpriced"
 * warning's parameters, app/engine/warnings.ts), or [] when the option has a compliance cost line.
 */
export function listUnpricedOverheads(compliance: OptionCompliance, compliancePricedLines: number): { part: OptionPart; overheads: string }[] {
  if (compliancePricedLines > 0) return [];
  return compliance.parts.flatMap(({ part, deployment }) => {
    if (deployment === null || deployment.suggestedOverheads.length === 0) return [];
    return [{ part, overheads: deployment.suggestedOverheads.map((overhead) => overhead.label.toLowerCase()).join("; ") }];
  });
}
