import type { CertificationId, Fact, CapabilityValue } from "./deployment-capabilities.ts";
import { checkCapability } from "./capability-check.ts";
import { EEA_COUNTRIES } from "./jurisdictions.ts";
import type { ComplianceProfile } from "./profile.ts";
import type { Regime, RegimeId } from "./regime-schemas.ts";
import { createReason, type ComplianceReason, type TRANSFER_RULES } from "./reasons.ts";
import type { ResolvedDeployment } from "./resolve.ts";
import { REGULATORY_DATES } from "./regulatory-dates.ts";
import { arePlacesInEea, describeParty, describePlaces, isPartyInEea, isPlaceWithin } from "./resolve.ts";
import type { SourceId } from "./sources.ts";
import { getComplianceSource } from "./sources.ts";

export interface RegimeContext {
  profile: ComplianceProfile;
  deployment: ResolvedDeployment;
}

interface RegimeRule<K extends RegimeId> {
  label: string;
  check: (regime: Extract<Regime, { id: K }>, context: RegimeContext) => ComplianceReason[];
}

const FEDRAMP_AT_OR_ABOVE: Record<"low" | "moderate" | "high", CertificationId[]> = {
  low: ["fedramp-low", "fedramp-moderate", "fedramp-high"],
  moderate: ["fedramp-moderate", "fedramp-high"],
  high: ["fedramp-high"],
};

/** Personal data of any kind is declared in the profile. */
function hasPersonalData(profile: ComplianceProfile): boolean {
  return profile.data.classes.some((dataClass) => dataClass === "personal" || dataClass === "special-category");
}

/** Whether processing stays in `home`: true, false, or null when the location is not known. */
function staysWithin(deployment: ResolvedDeployment, home: readonly string[]): boolean | null {
  const places = deployment.places.value;
  if (places.kind === "unknown") return null;
  if (places.kind === "global") return false;
  return places.places.every((place) => isPlaceWithin(place, home));
}

/**
 * A transfer rule: processing outside `home` needs a transfer mechanism; an unknown location must
 * be verified. `mechanismSource` backs the mechanisms named, `lawSource` the rule itself.
 */
function checkTransfer(
  regime: keyof typeof TRANSFER_RULES,
  context: RegimeContext,
  home: readonly string[],
  sources: { mechanism: SourceId; law: SourceId },
): ComplianceReason[] {
  const requirement = `regimes.${regime}`;
  const within = staysWithin(context.deployment, home);
  if (within === true) return [];
  const reason =
    within === null
      ? createReason(requirement, "condition", "transfer-location-unknown", { provider: context.deployment.entry.provider, regime }, context.deployment.places.source)
      : createReason(requirement, "condition", "transfer-outside", { places: describePlaces(context.deployment.places.value), regime }, sources.mechanism);
  return [sources.law === reason.source.id ? reason : { ...reason, ruleSource: getComplianceSource(sources.law) }];
}

const { aiActContentMarking, aiActHighRiskAnnexIII } = REGULATORY_DATES;

/** Third parties (anyone but the customer) operating the service. */
function isThirdPartyOperated(deployment: ResolvedDeployment): boolean {
  return deployment.operator.value.kind !== "customer";
}

/**
 * Certification check shared by FedRAMP and PCI DSS, a prerequisite: any qualifying "yes" (or
 * "not-applicable") passes; otherwise the best recorded value decides ("on-request" before
 * "unknown" before "no"), and an unrecorded certification counts as unknown.
 */
function checkCertification(requirement: string, name: string, ids: CertificationId[], deployment: ResolvedDeployment): ComplianceReason[] {
  const facts = ids.map((id): Fact<CapabilityValue> => deployment.entry.certifications[id] ?? { value: "unknown", source: "not-recorded" });
  const order: CapabilityValue[] = ["yes", "not-applicable", "on-request", "to-confirm", "unknown", "no"];
  const best = facts.reduce((winner, fact) => (order.indexOf(fact.value) < order.indexOf(winner.value) ? fact : winner));
  return checkCapability(requirement, name, deployment.entry.provider, best, "prerequisite");
}

const UK_HOME = ["GB", ...EEA_COUNTRIES];

/**
 * What each regime (regime-schemas.ts) asks of a deployment. Rules read OpenTCO's interpretation of
 * the regime's text and are not legal advice.
 */
export const REGIME_RULES: { [K in RegimeId]: RegimeRule<K> } = {
  gdpr: {
    label: "GDPR (EU/EEA), including international transfers",
    check: (_regime, context) => {
      if (!hasPersonalData(context.profile)) return [];
      const reasons = checkTransfer("gdpr", context, EEA_COUNTRIES, { mechanism: "eu-us-dpf", law: "gdpr" });
      if (isPartyInEea(context.deployment.operator.value) === false && arePlacesInEea(context.deployment.places.value) === true) {
        reasons.push(createReason("regimes.gdpr", "info", "gdpr-remote-access", { operator: describeParty(context.deployment.operator.value) }, "gdpr"));
      }
      if (context.profile.data.classes.includes("special-category")) {
        reasons.push(createReason("regimes.gdpr", "condition", "gdpr-special-category", {}, "gdpr"));
      }
      return reasons;
    },
  },
  "uk-gdpr": {
    label: "UK GDPR, including restricted transfers",
    check: (_regime, context) =>
      hasPersonalData(context.profile)
        ? checkTransfer("uk-gdpr", context, UK_HOME, { mechanism: "statute-text", law: "statute-text" })
        : [],
  },
  "eu-ai-act": {
    label: "EU AI Act",
    check: (regime) => {
      switch (regime.riskClass) {
        case "prohibited":
          return [createReason("regimes.eu-ai-act", "block", "ai-act-prohibited", {}, "eu-ai-act")];
        case "high":
          return [{ ...createReason("regimes.eu-ai-act", "condition", "ai-act-high-risk", { role: regime.role ?? "unstated" }, "eu-ai-act"), ruleSource: getComplianceSource(aiActHighRiskAnnexIII.source) }];
        case "limited":
          return [
            {
              ...createReason("regimes.eu-ai-act", "info", "ai-act-transparency", {}, "eu-ai-act"),
              ruleSource: getComplianceSource(aiActContentMarking.source),
            },
          ];
        case "minimal":
          return [];
      }
    },
  },
  hipaa: {
    label: "HIPAA (protected health information)",
    check: (_regime, context) =>
      isThirdPartyOperated(context.deployment)
        ? checkCapability("regimes.hipaa", "a HIPAA business associate agreement (BAA)", context.deployment.entry.provider, context.deployment.entry.baa, "prerequisite")
        : [],
  },
  dora: {
    label: "DORA (EU financial sector ICT risk)",
    check: (_regime, context) => {
      if (!isThirdPartyOperated(context.deployment)) return [];
      const provider = context.deployment.entry.provider;
      return [
        ...checkCapability("regimes.dora", "contractual access, inspection and audit rights (DORA art. 30)", provider, context.deployment.entry.auditRights, "verify"),
        createReason("regimes.dora", "condition", "dora-register", { provider }, "dora"),
      ];
    },
  },
  nis2: {
    label: "NIS2 (supply-chain security)",
    check: (_regime, context) =>
      isThirdPartyOperated(context.deployment)
        ? [createReason("regimes.nis2", "condition", "nis2-supply-chain", { provider: context.deployment.entry.provider }, "nis2")]
        : [],
  },
  fedramp: {
    label: "FedRAMP",
    check: (regime, context) =>
      isThirdPartyOperated(context.deployment)
        ? checkCertification("regimes.fedramp", `FedRAMP ${regime.level} (or higher) authorization`, FEDRAMP_AT_OR_ABOVE[regime.level], context.deployment)
        : [createReason("regimes.fedramp", "info", "fedramp-self-operated", {}, "fedramp")],
  },
  "pci-dss": {
    label: "PCI DSS",
    check: (_regime, context) =>
      isThirdPartyOperated(context.deployment)
        ? checkCertification("regimes.pci-dss", "a PCI DSS attestation of compliance", ["pci-dss"], context.deployment)
        : [createReason("regimes.pci-dss", "info", "pci-dss-own-scope", {}, "statute-text")],
  },
  "china-pipl": {
    label: "China PIPL",
    check: (_regime, context) =>
      hasPersonalData(context.profile)
        ? checkTransfer("china-pipl", context, ["CN"], { mechanism: "statute-text", law: "statute-text" })
        : [],
  },
};

/** The reasons one declared regime gives for one deployment. */
export function checkRegime(regime: Regime, context: RegimeContext): ComplianceReason[] {
  const rule = REGIME_RULES[regime.id] as RegimeRule<RegimeId>;
  return rule.check(regime as Extract<Regime, { id: RegimeId }>, context);
}
