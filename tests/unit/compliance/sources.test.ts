import { describe, expect, it } from "vitest";
import { COMPLIANCE_SOURCES, DEPLOYMENT_CAPABILITIES, getComplianceSource, REGULATORY_DATES, type Fact } from "../../../app/engine/compliance/index.ts";

/** Sources that are not a public page: the customer's own statements, OpenTCO's own reasoning, and facts without a page. */
const WITHOUT_URL = new Set(["customer-declared", "customer-to-confirm", "not-recorded", "self-hosting-inherent", "corporate-domicile", "statute-text"]);

/** Every Fact of a catalogue entry, by field name (certifications as "certifications.<id>"). */
function listFacts(entry: (typeof DEPLOYMENT_CAPABILITIES)[number]): [string, Fact<unknown>][] {
  const { parent, subProcessors, processing, residencyPremium, zeroDataRetention, noTrainingOnCustomerData, baa, customerManagedKeys, auditRights } = entry;
  const facts: [string, Fact<unknown>][] = Object.entries({ parent, subProcessors, processing, residencyPremium, zeroDataRetention, noTrainingOnCustomerData, baa, customerManagedKeys, auditRights });
  for (const [id, fact] of Object.entries(entry.certifications)) if (fact !== undefined) facts.push([`certifications.${id}`, fact]);
  return facts;
}

describe("compliance sources", () => {
  it.each(Object.keys(COMPLIANCE_SOURCES) as (keyof typeof COMPLIANCE_SOURCES)[])("%s names a publisher, a dated title, a confidence, and public https URLs unless it is no public page", (id) => {
    const source = getComplianceSource(id);
    expect(source.publisher.length).toBeGreaterThan(0);
    expect(source.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (WITHOUT_URL.has(id)) {
      expect(source.urls).toEqual([]);
    } else {
      expect(source.urls.length).toBeGreaterThan(0);
      for (const url of source.urls) expect(url).toMatch(/^https:\/\/[^\s]+$/);
    }
    // A third party's page is never rated high, and no source points at a local file.
    if (source.thirdParty) expect(source.confidence).not.toBe("high");
    expect(JSON.stringify(source)).not.toMatch(/reference-data|\.md\b|shared\/docs/);
  });

  it("the corrected facts cite the sources checked in December 2026, third-party ones marked", () => {
    const sourceOf = (id: string, field: "processing" | "residencyPremium" | "parent" | "subProcessors") => {
      const entry = DEPLOYMENT_CAPABILITIES.find((candidate) => candidate.id === id);
      return getComplianceSource(entry![field].source);
    };
    expect(sourceOf("mistral-api-eu", "processing")).toMatchObject({ publisher: "Mistral AI", asOf: "2026-12-01", confidence: "high" });
    expect(sourceOf("mistral-api-eu", "subProcessors")).toMatchObject({ thirdParty: true, confidence: "low" });
    expect(sourceOf("together-api", "processing").urls).toEqual(["https://docs.together.ai/docs/serverless/geo-specific-inference"]);
    expect(sourceOf("aws-bedrock-eu", "processing").title).toContain("London (eu-west-2) and Zurich (eu-central-2)");
    expect(sourceOf("aws-bedrock-eu", "residencyPremium").urls).toEqual(["https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html"]);
    expect(sourceOf("claude-on-aws-us", "residencyPremium").urls).toEqual(["https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html"]);
    expect(sourceOf("anthropic-api-us", "residencyPremium")).toMatchObject({ thirdParty: true, confidence: "low" });
    expect(sourceOf("vertex-ai-region", "processing").urls).toEqual(["https://docs.cloud.google.com/vertex-ai/generative-ai/docs/learn/data-residency"]);
    expect(getComplianceSource(REGULATORY_DATES.aiActHighRiskAnnexIII.source)).toMatchObject({ thirdParty: true });
    expect(getComplianceSource(REGULATORY_DATES.dpfAppeal.source).urls).toContain("https://eur-lex.europa.eu/eli/C/2025/6610/oj");
  });

  it("keys and audit rights are never a sourceless 'yes' in the catalogue: your own hardware's are yours to confirm", () => {
    for (const entry of DEPLOYMENT_CAPABILITIES) {
      for (const [field, fact] of listFacts(entry)) {
        if (fact.value === "yes") expect(WITHOUT_URL.has(fact.source) && fact.source !== "self-hosting-inherent", `${entry.id}.${field}`).toBe(false);
      }
      expect(entry.customerManagedKeys.value, entry.id).not.toBe("yes");
      expect(entry.auditRights.value, entry.id).not.toBe("yes");
    }
  });

  it("Claude on AWS is controlled by Anthropic, not Amazon", () => {
    for (const entry of DEPLOYMENT_CAPABILITIES.filter((candidate) => candidate.provider === "Claude on AWS")) {
      expect(entry.parent.value).toEqual({ kind: "company", name: "Anthropic", jurisdiction: "US" });
    }
  });
});
