import type { Decimal } from "../decimal.ts";
import type { DeploymentCapability } from "./deployment-capabilities.ts";
import type { ComplianceProfile } from "./profile.ts";
import type { ResolvedDeployment } from "./resolve.ts";
import type { ComplianceSource } from "./sources.ts";
import { getComplianceSource } from "./sources.ts";

/**
 * The costs compliance adds to an option's TCO: the catalogue's residency premium on API token
 * prices (the model multiplies an API option's price per request by 1 + premium in app/engine/options/api.ts),
 * and yearly overhead lines (audits, DPIA, certification, legal review). OpenTCO has no dated source
 * for overhead amounts, so it ships none: it names the lines a profile calls for, and the user prices
 * each as an extra cost of category "compliance" (`extraCostsPerYear`, through decimalField).
 */

/** The residency premium a deployment carries, as a fraction of the base price (0.10 = +10 %). */
export type ResidencyPremium =
  | { kind: "known"; fraction: Decimal; source: ComplianceSource; note: string }
  | { kind: "unknown"; source: ComplianceSource; note: string }
  | { kind: "not-applicable" };

/**
 * The residency premium to apply for a catalogue entry. A published range uses its upper end
 * (conservative: the cost is never understated) and says so in the note.
 */
export function getResidencyPremium(entry: DeploymentCapability): ResidencyPremium {
  const fact = entry.residencyPremium;
  const premium = fact.value;
  const source = getComplianceSource(fact.source);
  if (premium.kind === "not-applicable") return { kind: "not-applicable" };
  if (premium.kind === "unknown") {
    return { kind: "unknown", source, note: `residency premium of ${entry.label} not recorded${fact.note === undefined ? "" : ` (${fact.note})`}: verify the price with the provider` };
  }
  const range = premium.low.eq(premium.high) ? "" : ` (upper end of the published ${premium.low.times(100).toString()}–${premium.high.times(100).toString()} % range)`;
  return { kind: "known", fraction: premium.high, source, note: `${fact.note ?? "residency premium"}${range}` };
}

export const OVERHEAD_CATEGORIES = ["audit", "dpia", "certification", "legal-review", "other"] as const;
export type OverheadCategory = (typeof OVERHEAD_CATEGORIES)[number];

/** An overhead line a profile calls for, without an amount: the user enters an estimate. */
export interface SuggestedOverhead {
  category: OverheadCategory;
  label: string;
  /** The profile item that calls for it. */
  requirement: string;
  amountPerYear: null;
  prompt: "enter your estimate";
}

function suggest(category: OverheadCategory, label: string, requirement: string): SuggestedOverhead {
  return { category, label, requirement, amountPerYear: null, prompt: "enter your estimate" };
}

/** The yearly overhead lines a profile calls for on one deployment, each for the user to price. */
export function listSuggestedOverheads(profile: ComplianceProfile, deployment: ResolvedDeployment): SuggestedOverhead[] {
  const regimes = new Map(profile.regimes.map((regime) => [regime.id, regime]));
  const personal = profile.data.classes.some((dataClass) => dataClass === "personal" || dataClass === "special-category");
  const thirdParty = deployment.operator.value.kind !== "customer";
  const lines: SuggestedOverhead[] = [];
  const aiAct = regimes.get("eu-ai-act");
  if (personal && (regimes.has("gdpr") || regimes.has("uk-gdpr"))) {
    lines.push(suggest("dpia", "Data protection impact assessment and its yearly review", regimes.has("gdpr") ? "regimes.gdpr" : "regimes.uk-gdpr"));
  }
  if (aiAct?.id === "eu-ai-act" && aiAct.riskClass === "high") {
    // A provider (or a customer whose role is not stated yet) carries conformity assessment; a deployer the Art. 26 duties.
    lines.push(
      aiAct.role === "deployer"
        ? suggest("other", "AI Act deployer duties for a high-risk system (human oversight, monitoring, log retention, fundamental rights impact assessment)", "regimes.eu-ai-act")
        : suggest("certification", "AI Act conformity assessment and quality management for a high-risk system", "regimes.eu-ai-act"),
    );
  }
  if (thirdParty && profile.regimes.length > 0) {
    lines.push(suggest("legal-review", `Contract, DPA and transfer review with ${deployment.entry.provider}`, "regimes"));
  }
  for (const id of ["dora", "pci-dss", "hipaa"] as const) {
    if (regimes.has(id)) lines.push(suggest("audit", `Yearly ${id.toUpperCase()} audit of the deployment`, `regimes.${id}`));
  }
  if (profile.requirements.auditRights && thirdParty) {
    lines.push(suggest("audit", `Exercising audit rights at ${deployment.entry.provider}`, "requirements.auditRights"));
  }
  if (regimes.has("fedramp") && !thirdParty) {
    lines.push(suggest("certification", "Authorization to operate (ATO) for the self-operated system", "regimes.fedramp"));
  }
  return lines;
}
