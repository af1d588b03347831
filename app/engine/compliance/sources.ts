/**
 * Where each compliance fact comes from. Every catalogue fact and every regime rule
 * cites one of these, and every verdict reason carries it to the user.
 */
export type Confidence = "high" | "medium" | "low";

export interface ComplianceSource {
  id: SourceId;
  title: string;
  /** Date of the snapshot, YYYY-MM-DD. Sources gathered "in November 2026" use the 1st of the month. */
  asOf: string;
  confidence: Confidence;
  note?: string;
}

const REFERENCE_NOTE = "shared/docs/reference-data.md, gathered from public sources in November 2026";

export const COMPLIANCE_SOURCES = {
  "ref-residency-2026": {
    title: "Residency and compliance capabilities of API providers (2026)",
    asOf: "2026-11-01",
    confidence: "medium",
    note: `${REFERENCE_NOTE}, section "Residency and compliance capabilities of API providers"`,
  },
  "ref-sovereignty-framework": {
    title: "EU Cloud Sovereignty Framework v1.2.1 (European Commission, Oct 2025)",
    asOf: "2025-10-01",
    confidence: "high",
    note: `${REFERENCE_NOTE}, section "Sovereignty"; SEAL levels derived from facts are OpenTCO's opinion, not an official rating`,
  },
  "ref-regimes-2026": {
    title: "Reference data: regimes to model (GDPR transfers and the EU-US DPF, US CLOUD Act, AI Act, DORA, NIS2, HIPAA, FedRAMP)",
    asOf: "2026-11-01",
    confidence: "medium",
    note: `${REFERENCE_NOTE}, section "Sovereignty", paragraph "Other regimes to model"`,
  },
  "ref-gpus-2026": {
    title: "GPU spec sheets and prices (H100, H200, B200, L40S from NVIDIA; MI300X from AMD)",
    asOf: "2026-11-01",
    confidence: "high",
    note: `${REFERENCE_NOTE}, section "GPUs"; both vendors are US companies, so accelerators are a non-EU supply dependency`,
  },
  "corporate-domicile": {
    title: "Parent company headquarters (public corporate information)",
    asOf: "2026-11-01",
    confidence: "high",
    note: "Not in reference-data.md: the country of the parent company's headquarters as publicly stated by the company; verify the contracting entity for a contract",
  },
  "statute-text": {
    title: "Text of the regulation named in the reason",
    asOf: "2026-11-01",
    confidence: "high",
    note: "The rule follows from the regime's own text (e.g. HIPAA's business associate agreement, the AI Act's prohibited practices); OpenTCO's reading, not legal advice",
  },
  "customer-declared": {
    title: "Declared by the customer in the scenario",
    asOf: "2026-11-01",
    confidence: "medium",
    note: "A fact about the customer's own placement (location, operator) entered with the scenario",
  },
  "not-recorded": {
    title: "No public source recorded",
    asOf: "2026-11-01",
    confidence: "low",
    note: "reference-data.md (November 2026) states nothing for this fact, so OpenTCO treats it as unknown",
  },
} as const satisfies Record<string, Omit<ComplianceSource, "id">>;

export type SourceId = keyof typeof COMPLIANCE_SOURCES;

/** The full source record for an id, with the id attached. */
export function getComplianceSource(id: SourceId): ComplianceSource {
  return { id, ...COMPLIANCE_SOURCES[id] };
}
