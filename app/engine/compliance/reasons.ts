/**
 * The reasons behind a compliance verdict, each a code, its parameters and the English text of its
 * template (app/engine/messages.ts). Parameters that are phrases — a capability as the catalogue
 * words it, a catalogue note, a list of places — are English as the catalogue records them.
 */
import { createMessage, type MessageOf, type MessageParams, type NoParams, type ParamsOf } from "../messages.ts";
import { REGULATORY_DATES } from "./regulatory-dates.ts";
import { getComplianceSource, type ComplianceSource, type SourceId } from "./sources.ts";

/** How much a reason weighs: "block" excludes the option, "condition" must be met first, "info" informs. */
export type ReasonSeverity = "block" | "condition" | "info";

/** A note in parentheses, or nothing for "". */
const inParentheses = (note: string) => (note === "" ? "" : ` (${note})`);

/** A capability the profile requires of a provider, with the catalogue's note on the fact ("" for none). */
type CapabilityParams = { capability: string; provider: string; note: string };

/** Where the profile allows processing: a region (EU, EEA, US, UK) or a country. */
type AllowedParams = { scope: "region" | "country"; place: string };
const describeAllowed = ({ scope, place }: AllowedParams) => (scope === "region" ? `the ${place} region` : place);

/** A party of the control chain subject to a foreign access law; `operator` is the operator as the reasons name it. */
export type ExposureParams = { role: "operator" | "ultimate parent" | "sub-processor"; party: string; law: string; operator: string };

/** How a party of the control chain is exposed to an access law, e.g. "Anthropic (US) is subject to the US CLOUD Act". */
export function describeExposureText({ role, party, law, operator }: ExposureParams): string {
  switch (role) {
    case "operator":
      return `${party} is subject to the ${law}`;
    case "ultimate parent":
      return `${operator} is controlled by its ultimate parent ${party}, which is subject to the ${law}`;
    case "sub-processor":
      return `${operator}'s sub-processor ${party} handles the data and is subject to the ${law}`;
  }
}

const { dpfAdequacy, dpfUpheld, dpfAppeal, aiActTransparency, aiActContentMarking, aiActHighRiskAnnexIII, aiActHighRiskAnnexI } = REGULATORY_DATES;

/** The regimes with a transfer rule: where data may stay, and what a transfer out of it needs. */
export const TRANSFER_RULES = {
  gdpr: {
    home: "EEA",
    // The Data Privacy Framework's standing as of its sources' dates.
    mechanism:
      `it needs an adequacy decision — the EU-US Data Privacy Framework covers certified US recipients since ${dpfAdequacy.date}, ` +
      `was upheld by the General Court on ${dpfUpheld.date} and is under appeal (C-703/25 P, lodged ${dpfAppeal.date}), so it may yet fall — ` +
      "or standard contractual clauses with a transfer impact assessment",
  },
  "uk-gdpr": { home: "UK and EEA", mechanism: "it needs UK adequacy regulations or the UK international data transfer agreement with a transfer risk assessment" },
  "china-pipl": { home: "mainland of China", mechanism: "cross-border transfer needs a CAC security assessment, the standard contract or certification" },
} as const;
type TransferRegime = keyof typeof TRANSFER_RULES;

const AI_ACT_HIGH_RISK_DATES = `from ${aiActHighRiskAnnexIII.date} for Annex III uses and ${aiActHighRiskAnnexI.date} for Annex I products (dates of the Digital Omnibus on AI, reported by third parties)`;
/** When a deployer becomes the provider (Art. 25). */
const AI_ACT_ART_25 = "you put your name or trademark on the system, substantially modify it, or change its intended purpose so that it becomes high-risk (Art. 25)";

const AI_ACT_HIGH_RISK_DUTIES = {
  provider:
    "as the provider of a high-risk AI system: risk management (Art. 9), data governance (Art. 10), technical documentation and logging (Art. 11–12), " +
    "instructions for deployers (Art. 13), human oversight by design (Art. 14), accuracy, robustness and cybersecurity (Art. 15), a quality management system (Art. 17), " +
    `conformity assessment before use (Art. 43), registration (Art. 49) and post-market monitoring (Art. 72); ${AI_ACT_HIGH_RISK_DATES}`,
  deployer:
    "as the deployer of a high-risk AI system (Art. 26): use it according to the provider's instructions, assign competent human oversight, monitor it and report serious incidents, " +
    "keep the logs it generates for at least six months, inform the workers and people affected, and carry out a fundamental rights impact assessment where Art. 27 requires one. " +
    `Risk management and conformity assessment are the provider's duties, not yours, unless ${AI_ACT_ART_25}; ${AI_ACT_HIGH_RISK_DATES}`,
  unstated:
    "state whether you are the provider or the deployer of the high-risk AI system: a deployer carries the Art. 26 duties (instructions, human oversight, monitoring, logs, " +
    `fundamental rights impact assessment where Art. 27 requires it), the provider risk management and conformity assessment; you are the provider if you build the system or ${AI_ACT_ART_25}; ${AI_ACT_HIGH_RISK_DATES}`,
} as const;

/** The English text of each reason. */
export const REASON_TEXTS = {
  "capability-not-offered": ({ capability, provider, note }: CapabilityParams) => `${provider} does not offer ${capability}${inParentheses(note)}`,
  "capability-on-request": ({ capability, provider, note }: CapabilityParams) => `obtain ${capability} from ${provider} before use: offered on request${inParentheses(note)}`,
  "capability-to-confirm": ({ capability, note }: CapabilityParams) =>
    `confirm ${capability}${inParentheses(note)}, then record it as a declared fact of the deployment with your evidence`,
  "capability-not-recorded": ({ capability, provider, note }: CapabilityParams) => `verify ${capability} with ${provider}: not recorded in the catalogue${inParentheses(note)}`,
  "capability-prerequisite-not-recorded": ({ capability, provider, note }: CapabilityParams) =>
    `no record of ${capability} for ${provider}${inParentheses(note)}: required before any data is shared; record it as a declared fact of the deployment once you hold it`,
  "no-deployment": ({ option }: { option: string }) => `no deployment chosen for "${option}": an option without one cannot be shown compliant`,
  "processing-off-premises": ({ deployment }: { deployment: string }) => `${deployment} runs off your premises`,
  "processing-not-air-gapped": ({ deployment, reach }: { deployment: string; reach: "network" | "off-premises" }) =>
    `air-gapped processing needs owned hardware on your premises; ${deployment} is ${reach === "network" ? "reached over the network" : "not on your premises"}`,
  "processing-anywhere": ({ deployment, ...allowed }: { deployment: string } & AllowedParams) => `${deployment} may process anywhere; the profile allows only ${describeAllowed(allowed)}`,
  "processing-location-unknown": ({ deployment, ...allowed }: { deployment: string } & AllowedParams) =>
    `verify that ${deployment} processes only in ${describeAllowed(allowed)}: the processing location is not recorded`,
  "processing-outside": ({ deployment, places, ...allowed }: { deployment: string; places: string } & AllowedParams) =>
    `${deployment} processes in ${places}, not within ${describeAllowed(allowed)}`,
  "residency-not-guaranteed": ({ places, guarantee }: { places: string; guarantee: string }) =>
    `obtain a residency commitment for ${places}: ${guarantee === "" ? "not guaranteed" : guarantee}`,
  "foreign-access-physical": (exposure: ExposureParams) =>
    `${describeExposureText(exposure)}, and the operator has physical access to your hardware: encrypt with keys you hold and contract against disclosure`,
  "foreign-access": (exposure: ExposureParams) => `${describeExposureText(exposure)}: that law can compel disclosure of data under the group's control, wherever it is stored`,
  "foreign-access-undeclared": ({ declare, note }: { declare: string; note: string }) =>
    `declare ${declare}: until then exposure to foreign access laws cannot be excluded${inParentheses(note)}`,
  "export-outside-home": ({ places, home }: { places: string; home: string }) => `export-controlled data processed in ${places}, outside ${home}: an export authorisation is needed`,
  "export-foreign-operator": ({ operator, home }: { operator: string; home: string }) => `${operator} is not in ${home}: foreign staff access can be a deemed export; check licensing`,
  "transfer-location-unknown": ({ provider, regime }: { provider: string; regime: TransferRegime }) =>
    `verify where ${provider} processes data: if outside the ${TRANSFER_RULES[regime].home}, ${TRANSFER_RULES[regime].mechanism}`,
  "transfer-outside": ({ places, regime }: { places: string; regime: TransferRegime }) =>
    `processing in ${places} is a transfer outside the ${TRANSFER_RULES[regime].home}: ${TRANSFER_RULES[regime].mechanism}`,
  "gdpr-remote-access": ({ operator }: { operator: string }) => `data stays in the EEA, but the operator ${operator} is outside it: remote access from abroad is a transfer to assess`,
  "gdpr-special-category": (_: NoParams) => "special-category data needs an art. 9 condition and a data protection impact assessment (art. 35) before processing",
  "ai-act-prohibited": (_: NoParams) => "the use case is a prohibited AI practice (art. 5): no deployment makes it lawful",
  "ai-act-high-risk": ({ role }: { role: keyof typeof AI_ACT_HIGH_RISK_DUTIES }) => AI_ACT_HIGH_RISK_DUTIES[role],
  "ai-act-transparency": (_: NoParams) =>
    `transparency duties (Art. 50) from ${aiActTransparency.date}: tell people they interact with AI and mark generated content (the marking reported as moved to ${aiActContentMarking.date} by the Digital Omnibus on AI)`,
  "dora-register": ({ provider }: { provider: string }) => `record ${provider} in the register of information and keep a tested exit strategy (ICT third-party risk)`,
  "nis2-supply-chain": ({ provider }: { provider: string }) => `assess ${provider} in the supply-chain risk measures (NIS2 art. 21(2)(d))`,
  "fedramp-self-operated": (_: NoParams) => "FedRAMP authorizes cloud services; a system you operate yourself falls under your own authorization to operate",
  "pci-dss-own-scope": (_: NoParams) => "the cluster falls into your own PCI DSS scope",
  "seal-below-minimum": ({ objective, name, level, levelName, minimum, reasoning, override }: { objective: string; name: string; level: number; levelName: string; minimum: number; reasoning: string; override: string }) =>
    `${objective} ${name} is at SEAL ${level} (${levelName}), below the required ${minimum}: ${reasoning}${override === "" ? "" : ` (overridden: ${override})`}`,
};

export type ReasonCode = keyof typeof REASON_TEXTS;

/** One reason of a verdict: what it says (code, parameters, text) and what it rests on. */
export type ComplianceReason = MessageOf<typeof REASON_TEXTS> & {
  /** The profile item the reason comes from, as a path: "requirements.baa", "regimes.hipaa", "processing". */
  requirement: string;
  severity: ReasonSeverity;
  /** The hybrid part the reason is about, said before the text ("primary: …"); absent for a plain option. */
  part?: "primary" | "secondary";
  /** The catalogue or regulatory source behind the reason. */
  source: ComplianceSource;
  /** The source of the rule applied, when it differs from the fact's (e.g. the law a parent company is subject to). */
  ruleSource?: ComplianceSource;
};

/** The English text of a reason from its code, parameters and part: what `message` holds. */
export function describeReason({ code, params, part }: Pick<ComplianceReason, "code" | "params" | "part">): string {
  const text = (REASON_TEXTS[code] as (params: MessageParams) => string)(params);
  return part === undefined ? text : `${part}: ${text}`;
}

/** Builds a reason citing a source by id. */
export function createReason<Code extends ReasonCode>(requirement: string, severity: ReasonSeverity, code: Code, params: ParamsOf<typeof REASON_TEXTS, Code>, source: SourceId): ComplianceReason {
  return { requirement, severity, ...createMessage(REASON_TEXTS, code, params), source: getComplianceSource(source) } as ComplianceReason;
}

/** The reason about one part of a hybrid: the same reason, its text led by the part. */
export function assignToPart(reason: ComplianceReason, part: "primary" | "secondary"): ComplianceReason {
  return { ...reason, part, message: describeReason({ ...reason, part }) };
}
