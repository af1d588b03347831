/**
 * Where each compliance fact comes from. Every catalogue fact and every regime rule cites one of
 * these, and every verdict reason carries it to the user: publisher, title, public URL(s), the date
 * the page was read and a confidence level. A third party's page (not the provider's, regulator's
 * or court's own) is marked `thirdParty` and never rated above "medium".
 */
export type Confidence = "high" | "medium" | "low";

export interface ComplianceSource {
  id: SourceId;
  publisher: string;
  title: string;
  /** Public pages, the primary one first; empty only for the customer's own declarations and for "not recorded". */
  urls: readonly string[];
  /** Date the pages were read (or the document's date for a dated publication), YYYY-MM-DD. */
  asOf: string;
  confidence: Confidence;
  /** A third party's page rather than the provider's, regulator's or court's own. */
  thirdParty: boolean;
  note?: string;
}

/** The sources read in November 2026 carry the 1st of the month; the corrections checked in December 2026 the 1st of December. */
const READ_NOVEMBER = "2026-11-01";
const READ_DECEMBER = "2026-12-01";

export const COMPLIANCE_SOURCES = {
  "openai-data-residency": {
    publisher: "OpenAI",
    title: "Data residency; Data controls in the OpenAI platform",
    urls: ["https://developers.openai.com/api/docs/guides/data-residency", "https://developers.openai.com/api/docs/guides/your-data"],
    asOf: READ_DECEMBER,
    confidence: "high",
    thirdParty: false,
    note: "per-project residency (US, EU, AU, IN, JP), +10 % for models from 2026-03-05 on, zero data retention by approval, BAA on request, no training on API data by default",
  },
  "azure-openai-deployments": {
    publisher: "Microsoft",
    title: "Azure OpenAI deployment types; Azure OpenAI Service pricing; Azure OpenAI in Azure Government",
    urls: [
      "https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/deployment-types",
      "https://azure.microsoft.com/en-us/pricing/details/cognitive-services/openai-service/",
      "https://learn.microsoft.com/en-us/azure/ai-services/openai/azure-government",
    ],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
  },
  "aws-bedrock-cross-region": {
    publisher: "Amazon Web Services",
    title: "Route model inference requests across AWS Regions with cross-Region inference (Amazon Bedrock User Guide)",
    urls: ["https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
  },
  "aws-bedrock-eu-geography": {
    publisher: "Amazon Web Services (aws-cdk repository)",
    title: "aws-bedrock-alpha: CrossRegionInferenceProfileRegion.EU may include London (eu-west-2) and Zurich (eu-central-2)",
    urls: ["https://github.com/aws/aws-cdk/blob/main/packages/@aws-cdk/aws-bedrock-alpha/bedrock/inference-profiles/cross-region-inference-profile.ts"],
    asOf: READ_DECEMBER,
    confidence: "medium",
    thirdParty: false,
    note: "AWS's own library source, not the user guide: the EU profile's regions depend on the model",
  },
  "aws-bedrock-global-pricing": {
    publisher: "Amazon Web Services",
    title: "Global cross-Region inference (Amazon Bedrock User Guide)",
    urls: ["https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html"],
    asOf: READ_DECEMBER,
    confidence: "medium",
    thirdParty: false,
    note: "global inference is stated as about 10 % cheaper than geographic for the models it names (e.g. Claude Sonnet 4.5): an approximate figure, model by model",
  },
  "claude-platform-aws-residency": {
    publisher: "Amazon Web Services",
    title: "Data residency (Claude Platform on AWS User Guide)",
    urls: ["https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html"],
    asOf: READ_DECEMBER,
    confidence: "high",
    thirdParty: false,
    note: "Anthropic processes the data in Anthropic-operated data centres; US-only processing at 1.1× or global",
  },
  "anthropic-data-residency": {
    publisher: "Anthropic",
    title: "Data residency; API and data retention; Privacy Center: zero retention agreements",
    urls: [
      "https://platform.claude.com/docs/en/manage-claude/data-residency",
      "https://platform.claude.com/docs/en/manage-claude/api-and-data-retention",
      "https://privacy.claude.com/en/articles/8956058-i-have-a-zero-retention-agreement-with-anthropic-what-products-does-it-apply-to",
    ],
    asOf: READ_DECEMBER,
    confidence: "high",
    thirdParty: false,
    note: "inference global (default) or US only; no EU inference option; zero data retention by arrangement; BAA for eligible services",
  },
  "anthropic-us-only-premium": {
    publisher: "Anthropic (Claude Help Center); third-party report for the API rate",
    title: "Enable US-only inference for your organization",
    urls: ["https://support.claude.com/en/articles/15422948-enable-us-only-inference-for-your-organization"],
    asOf: READ_DECEMBER,
    confidence: "low",
    thirdParty: true,
    note: "Anthropic states an increased cost (1.1× for Enterprise usage of Claude Opus 4.6, Sonnet 4.6 and later); the 1.1× rate for the API comes from a third party's page",
  },
  "vertex-data-residency": {
    publisher: "Google Cloud",
    title: "Generative AI on Vertex AI: Data residency",
    urls: ["https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/data-residency"],
    asOf: READ_DECEMBER,
    confidence: "high",
    thirdParty: false,
    note: "residency guarantees are listed region by region (e.g. Canada), besides the US and EU multi-regions",
  },
  "vertex-data-governance": {
    publisher: "Google Cloud",
    title: "Generative AI and data governance (Vertex AI)",
    urls: ["https://cloud.google.com/vertex-ai/generative-ai/docs/data-governance"],
    asOf: READ_DECEMBER,
    confidence: "high",
    thirdParty: false,
    note: "Google does not use customer data to train or fine-tune its models without the customer's permission (Service Specific Terms, training restriction)",
  },
  "mistral-regional-inference": {
    publisher: "Mistral AI",
    title: "Regional inference",
    urls: ["https://docs.mistral.ai/studio-api/regional-inference", "https://docs.mistral.ai/studio/regional-inference"],
    asOf: READ_DECEMBER,
    confidence: "high",
    thirdParty: false,
    note: "regional endpoints eu (data centres in EU/EFTA countries) and us at 1.1× list for input, output and cached tokens; a request without a region goes to the global endpoint",
  },
  "mistral-zero-data-retention": {
    publisher: "Mistral AI",
    title: "Zero data retention",
    urls: ["https://docs.mistral.ai/admin/monitor-comply/zero-data-retention"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
  },
  "mistral-subprocessors-reported": {
    publisher: "Third-party report (Mistral's own list not verified)",
    title: "Mistral AI sub-processors reportedly include US cloud providers",
    urls: ["https://trust.mistral.ai/subprocessors"],
    asOf: READ_DECEMBER,
    confidence: "low",
    thirdParty: true,
    note: "read Mistral's current sub-processor list and declare it on the deployment",
  },
  "together-geo-inference": {
    publisher: "Together AI",
    title: "Geo-specific inference",
    urls: ["https://docs.together.ai/docs/serverless/geo-specific-inference"],
    asOf: READ_DECEMBER,
    confidence: "high",
    thirdParty: false,
    note: "the default endpoint guarantees no geography; US-only and Canada-only endpoints at 1.25× the serverless rates; no EU option",
  },
  "eu-cloud-sovereignty-framework": {
    publisher: "European Commission, DG DIGIT",
    title: "Cloud Sovereignty Framework v1.2.1 (October 2025)",
    urls: ["https://commission.europa.eu/document/download/09579818-64a6-4dd5-9577-446ab6219113_en?filename=Cloud-Sovereignty-Framework.pdf"],
    asOf: "2025-10-01",
    confidence: "high",
    thirdParty: false,
    note: "objectives, weights and SEAL levels; the levels OpenTCO derives from facts, and its weighted score, are OpenTCO's opinion, not an official rating",
  },
  "eu-us-dpf": {
    publisher: "European Commission (EUR-Lex); General Court of the EU (CURIA)",
    title: "EU-US Data Privacy Framework: adequacy decision (EU) 2023/1795; judgment T-553/23 Latombe v Commission (2025-09-03); appeal C-703/25 P (lodged 2025-10-31)",
    urls: [
      "https://eur-lex.europa.eu/eli/dec_impl/2023/1795/oj",
      "https://curia.europa.eu/site/upload/docs/application/pdf/2025-09/cp250106en.pdf",
      "https://eur-lex.europa.eu/eli/C/2025/6610/oj",
    ],
    asOf: READ_DECEMBER,
    confidence: "high",
    thirdParty: false,
  },
  gdpr: {
    publisher: "European Union (EUR-Lex)",
    title: "Regulation (EU) 2016/679 (GDPR)",
    urls: ["https://eur-lex.europa.eu/eli/reg/2016/679/oj"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
  },
  "us-cloud-act": {
    publisher: "U.S. Department of Justice",
    title: "CLOUD Act Resources",
    urls: ["https://www.justice.gov/criminal/cloud-act-resources"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
  },
  "eu-ai-act": {
    publisher: "European Union (EUR-Lex); European Commission",
    title: "Regulation (EU) 2024/1689 (AI Act); AI Act timeline (Shaping Europe's digital future)",
    urls: ["https://eur-lex.europa.eu/eli/reg/2024/1689/oj", "https://digital-strategy.ec.europa.eu/en/policies/regulatory-framework-ai"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
    note: "provider duties (Art. 9–17, 43, 49, 72), deployer duties (Art. 26, 27), when a deployer becomes a provider (Art. 25), transparency (Art. 50)",
  },
  "ai-act-digital-omnibus": {
    publisher: "Third-party reports (Society for Computers and Law; Tech Jacks Solutions)",
    title: "Digital Omnibus on AI: high-risk rules from 2027-12-02 (Annex III) and 2028-08-02 (Annex I); adopted by the Council on 2026-06-29",
    urls: ["https://www.scl.org/european-parliament-and-council-of-the-eu-agree-digital-omnibus-on-ai/", "https://techjacksolutions.com/?p=62705"],
    asOf: READ_DECEMBER,
    confidence: "medium",
    thirdParty: true,
    note: "the dates agree across reports; confirm them against the amending regulation in the Official Journal",
  },
  dora: {
    publisher: "European Union (EUR-Lex)",
    title: "Regulation (EU) 2022/2554 (Digital Operational Resilience Act)",
    urls: ["https://eur-lex.europa.eu/eli/reg/2022/2554/oj"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
  },
  nis2: {
    publisher: "European Union (EUR-Lex)",
    title: "Directive (EU) 2022/2555 (NIS2)",
    urls: ["https://eur-lex.europa.eu/eli/dir/2022/2555/oj"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
  },
  hipaa: {
    publisher: "U.S. Department of Health and Human Services",
    title: "HIPAA (business associates)",
    urls: ["https://www.hhs.gov/hipaa/index.html"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
  },
  fedramp: {
    publisher: "U.S. General Services Administration",
    title: "FedRAMP",
    urls: ["https://www.fedramp.gov/"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
  },
  "gpu-vendors": {
    publisher: "NVIDIA; AMD",
    title: "NVIDIA data-centre GPUs (e.g. L40S); AMD Instinct MI300X",
    urls: ["https://www.nvidia.com/en-us/data-center/l40s/", "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html"],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
    note: "both vendors are US companies, so the accelerators are a non-EU supply dependency",
  },
  "self-hosting-inherent": {
    publisher: "OpenTCO",
    title: "Inherent in self-hosting an open-weight model",
    urls: [],
    asOf: READ_NOVEMBER,
    confidence: "high",
    thirdParty: false,
    note: "the model runs on GPUs you control in a country you choose, so no model provider receives, retains or trains on the prompts; what the facility's or host's operator can reach is judged separately",
  },
  "corporate-domicile": {
    publisher: "The companies' public corporate information",
    title: "Ultimate parent company and the country of its headquarters",
    urls: [],
    asOf: READ_NOVEMBER,
    confidence: "medium",
    thirdParty: false,
    note: "no single page is recorded per company; the contracting entity may be a local subsidiary, but exposure to an access law follows the ultimate parent named here",
  },
  "statute-text": {
    publisher: "The law named in the reason",
    title: "Text of the law named in the reason (no URL recorded)",
    urls: [],
    asOf: READ_NOVEMBER,
    confidence: "medium",
    thirdParty: false,
    note: "for rules outside OpenTCO's list of linked sources (PCI DSS, China's PIPL, the PRC National Intelligence Law, export controls): OpenTCO's reading, not legal advice",
  },
  "customer-declared": {
    publisher: "You",
    title: "Declared by the customer in the scenario",
    urls: [],
    asOf: READ_NOVEMBER,
    confidence: "medium",
    thirdParty: false,
    note: "a fact about the customer's own placement, operator or evidence, entered with the scenario",
  },
  "customer-to-confirm": {
    publisher: "You",
    title: "For you to confirm: your own facility's controls",
    urls: [],
    asOf: READ_NOVEMBER,
    confidence: "low",
    thirdParty: false,
    note: "on hardware you own you can hold the keys and audit the facility, but no source says you do: a condition until you declare it with your evidence",
  },
  "not-recorded": {
    publisher: "OpenTCO",
    title: "No public source recorded",
    urls: [],
    asOf: READ_NOVEMBER,
    confidence: "low",
    thirdParty: false,
    note: "no public source checked by OpenTCO states this fact, so it is treated as unknown",
  },
} as const satisfies Record<string, Omit<ComplianceSource, "id">>;

export type SourceId = keyof typeof COMPLIANCE_SOURCES;

/** The full source record for an id, with the id attached. */
export function getComplianceSource(id: SourceId): ComplianceSource {
  return { id, ...COMPLIANCE_SOURCES[id] };
}
