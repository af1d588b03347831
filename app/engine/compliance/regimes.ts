import type { CertificationId, Fact, CapabilityValue } from "./deployment-capabilities.ts";
import { checkCapability } from "./capability-check.ts";
import { EEA_COUNTRIES } from "./jurisdictions.ts";
import type { ComplianceProfile } from "./profile.ts";
import type { AI_ACT_ROLES, Regime, RegimeId } from "./regime-schemas.ts";
import type { ComplianceReason, ResolvedDeployment } from "./resolve.ts";
import { REGULATORY_DATES } from "./regulatory-dates.ts";
import { arePlacesInEea, createReason, describeParty, describePlaces, isPartyInEea, isPlaceWithin } from "./resolve.ts";
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
  requirement: string,
  context: RegimeContext,
  home: readonly string[],
  homeName: string,
  mechanism: string,
  sources: { mechanism: SourceId; law: SourceId },
): ComplianceReason[] {
  const within = staysWithin(context.deployment, home);
  const where = describePlaces(context.deployment.places.value);
  if (within === true) return [];
  const reason =
    within === null
      ? createReason(requirement, "condition", `verify where ${context.deployment.entry.provider} processes data: if outside the ${homeName}, ${mechanism}`, context.deployment.places.source)
      : createReason(requirement, "condition", `processing in ${where} is a transfer outside the ${homeName}: ${mechanism}`, sources.mechanism);
  return [sources.law === reason.source.id ? reason : { ...reason, ruleSource: getComplianceSource(sources.law) }];
}

const { dpfAdequacy, dpfUpheld, dpfAppeal } = REGULATORY_DATES;

/** GDPR transfer mechanisms, with the Data Privacy Framework's standing as of the source's date. */
const GDPR_TRANSFER_MECHANISMS =
  `it needs an adequacy decision — the EU-US Data Privacy Framework covers certified US recipients since ${dpfAdequacy.date}, ` +
  `was upheld by the General Court on ${dpfUpheld.date} and is under appeal (C-703/25 P, lodged ${dpfAppeal.date}), so it may yet fall — ` +
  "or standard contractual clauses with a transfer impact assessment";

const { aiActTransparency, aiActContentMarking, aiActHighRiskAnnexIII, aiActHighRiskAnnexI } = REGULATORY_DATES;
const AI_ACT_HIGH_RISK_DATES = `from ${aiActHighRiskAnnexIII.date} for Annex III uses and ${aiActHighRiskAnnexI.date} for Annex I products (dates of the Digital Omnibus on AI, reported by third parties)`;
/** When a deployer takes on the provider's duties. */
const AI_ACT_ART_25 = "you put your name or trademark on the system, substantially modify it, or change its intended purpose so that it becomes high-risk (Art. 25)";

/** The high-risk duties of the customer's AI Act role, or the request to state the role. */
function describeHighRiskDuties(role: (typeof AI_ACT_ROLES)[number] | undefined): string {
  switch (role) {
    case "provider":
      return (
        "as the provider of a high-risk AI system: risk management (Art. 9), data governance (Art. 10), technical documentation and logging (Art. 11–12), " +
        "instructions for deployers (Art. 13), human oversight by design (Art. 14), accuracy, robustness and cybersecurity (Art. 15), a quality management system (Art. 17), " +
        `conformity assessment before use (Art. 43), registration (Art. 49) and post-market monitoring (Art. 72); ${AI_ACT_HIGH_RISK_DATES}`
      );
    case "deployer":
      return (
        "as the deployer of a high-risk AI system (Art. 26): use it according to the provider's instructions, assign competent human oversight, monitor it and report serious incidents, " +
        "keep the logs it generates for at least six months, inform the workers and people affected, and carry out a fundamental rights impact assessment where Art. 27 requires one. " +
        `Risk management and conformity assessment are the provider's duties, not yours, unless ${AI_ACT_ART_25}; ${AI_ACT_HIGH_RISK_DATES}`
      );
    case undefined:
      return (
        "state whether you are the provider or the deployer of the high-risk AI system: a deployer carries the Art. 26 duties (instructions, human oversight, monitoring, logs, " +
        `fundamental rights impact assessment where Art. 27 requires it), the provider risk management and conformity assessment; you are the provider if you build the system or ${AI_ACT_ART_25}; ${AI_ACT_HIGH_RISK_DATES}`
      );
  }
}

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
      const reasons = checkTransfer("regimes.gdpr", context, EEA_COUNTRIES, "EEA", GDPR_TRANSFER_MECHANISMS, { mechanism: "eu-us-dpf", law: "gdpr" });
      if (isPartyInEea(context.deployment.operator.value) === false && arePlacesInEea(context.deployment.places.value) === true) {
        reasons.push(createReason("regimes.gdpr", "info", `data stays in the EEA, but the operator ${describeParty(context.deployment.operator.value)} is outside it: remote access from abroad is a transfer to assess`, "gdpr"));
      }
      if (context.profile.data.classes.includes("special-category")) {
        reasons.push(createReason("regimes.gdpr", "condition", "special-category data needs an art. 9 condition and a data protection impact assessment (art. 35) before processing", "gdpr"));
      }
      return reasons;
    },
  },
  "uk-gdpr": {
    label: "UK GDPR, including restricted transfers",
    check: (_regime, context) =>
      hasPersonalData(context.profile)
        ? checkTransfer("regimes.uk-gdpr", context, UK_HOME, "UK and EEA", "it needs UK adequacy regulations or the UK international data transfer agreement with a transfer risk assessment", {
            mechanism: "statute-text",
            law: "statute-text",
          })
        : [],
  },
  "eu-ai-act": {
    label: "EU AI Act",
    check: (regime) => {
      switch (regime.riskClass) {
        case "prohibited":
          return [createReason("regimes.eu-ai-act", "block", "the use case is a prohibited AI practice (art. 5): no deployment makes it lawful", "eu-ai-act")];
        case "high":
          return [{ ...createReason("regimes.eu-ai-act", "condition", describeHighRiskDuties(regime.role), "eu-ai-act"), ruleSource: getComplianceSource(aiActHighRiskAnnexIII.source) }];
        case "limited":
          return [
            {
              ...createReason(
                "regimes.eu-ai-act",
                "info",
                `transparency duties (Art. 50) from ${aiActTransparency.date}: tell people they interact with AI and mark generated content (the marking reported as moved to ${aiActContentMarking.date} by the Digital Omnibus on AI)`,
                "eu-ai-act",
              ),
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
        createReason("regimes.dora", "condition", `record ${provider} in the register of information and keep a tested exit strategy (ICT third-party risk)`, "dora"),
      ];
    },
  },
  nis2: {
    label: "NIS2 (supply-chain security)",
    check: (_regime, context) =>
      isThirdPartyOperated(context.deployment)
        ? [createReason("regimes.nis2", "condition", `assess ${context.deployment.entry.provider} in the supply-chain risk measures (NIS2 art. 21(2)(d))`, "nis2")]
        : [],
  },
  fedramp: {
    label: "FedRAMP",
    check: (regime, context) =>
      isThirdPartyOperated(context.deployment)
        ? checkCertification("regimes.fedramp", `FedRAMP ${regime.level} (or higher) authorization`, FEDRAMP_AT_OR_ABOVE[regime.level], context.deployment)
        : [createReason("regimes.fedramp", "info", "FedRAMP authorizes cloud services; a system you operate yourself falls under your own authorization to operate", "fedramp")],
  },
  "pci-dss": {
    label: "PCI DSS",
    check: (_regime, context) =>
      isThirdPartyOperated(context.deployment)
        ? checkCertification("regimes.pci-dss", "a PCI DSS attestation of compliance", ["pci-dss"], context.deployment)
        : [createReason("regimes.pci-dss", "info", "the cluster falls into your own PCI DSS scope", "statute-text")],
  },
  "china-pipl": {
    label: "China PIPL",
    check: (_regime, context) =>
      hasPersonalData(context.profile)
        ? checkTransfer("regimes.china-pipl", context, ["CN"], "mainland of China", "cross-border transfer needs a CAC security assessment, the standard contract or certification", {
            mechanism: "statute-text",
            law: "statute-text",
          })
        : [],
  },
};

/** The reasons one declared regime gives for one deployment. */
export function checkRegime(regime: Regime, context: RegimeContext): ComplianceReason[] {
  const rule = REGIME_RULES[regime.id] as RegimeRule<RegimeId>;
  return rule.check(regime as Extract<Regime, { id: RegimeId }>, context);
}
