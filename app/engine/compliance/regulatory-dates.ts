import type { SourceId } from "./sources.ts";

/**
 * Dated legal facts the regime rules quote, each with its source (and so its confidence). Kept as
 * data so that CATALOGUE_VERSION changes when one of them does.
 */
export interface RegulatoryDate {
  /** YYYY-MM-DD */
  date: string;
  event: string;
  source: SourceId;
}

export const REGULATORY_DATES = {
  dpfAdequacy: { date: "2023-07-10", event: "EU-US Data Privacy Framework adequacy decision (EU) 2023/1795", source: "eu-us-dpf" },
  dpfUpheld: { date: "2025-09-03", event: "General Court upholds the Data Privacy Framework (T-553/23, Latombe v Commission)", source: "eu-us-dpf" },
  dpfAppeal: { date: "2025-10-31", event: "appeal C-703/25 P lodged with the Court of Justice", source: "eu-us-dpf" },
  aiActTransparency: { date: "2026-08-02", event: "AI Act transparency duties (Art. 50) apply", source: "eu-ai-act" },
  aiActContentMarking: { date: "2026-12-02", event: "AI Act marking of generated content applies, as moved by the Digital Omnibus on AI", source: "ai-act-digital-omnibus" },
  aiActHighRiskAnnexIII: { date: "2027-12-02", event: "AI Act high-risk obligations apply to Annex III uses, as moved by the Digital Omnibus on AI", source: "ai-act-digital-omnibus" },
  aiActHighRiskAnnexI: { date: "2028-08-02", event: "AI Act high-risk obligations apply to Annex I products, as moved by the Digital Omnibus on AI", source: "ai-act-digital-omnibus" },
} as const satisfies Record<string, RegulatoryDate>;
