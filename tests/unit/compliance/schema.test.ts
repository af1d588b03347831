import { describe, expect, it } from "vitest";
import { ComplianceProfileSchema, DeploymentRefSchema } from "../../../app/engine/compliance/index.ts";

/** Issues as "path: message" lines. */
function listIssues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`);
}

const valid = {
  data: { classes: ["personal"], subjectJurisdictions: ["EU", "GB"], companyJurisdiction: "DE" },
  processing: { kind: "region", region: "EEA" },
  regimes: [{ id: "gdpr" }, { id: "eu-ai-act", riskClass: "high" }],
  requirements: { zeroDataRetention: true, minSeal: { "SOV-2": 2 } },
};

describe("ComplianceProfileSchema", () => {
  it("accepts a complete profile and fills defaults", () => {
    const profile = ComplianceProfileSchema.parse(valid);
    expect(profile.requirements).toEqual({
      zeroDataRetention: true,
      noTrainingOnCustomerData: false,
      baa: false,
      customerManagedKeys: false,
      auditRights: false,
      noForeignAccessLaw: false,
      minSeal: { "SOV-2": 2 },
    });
    expect(ComplianceProfileSchema.parse({ ...valid, regimes: undefined, requirements: undefined }).regimes).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ["unknown data class", { ...valid, data: { ...valid.data, classes: ["secret"] } }, ["data.classes.0: must be one of the data classes public, internal, confidential, personal, special-category, payment-card, export-controlled"]],
    ["no data class", { ...valid, data: { ...valid.data, classes: [] } }, ["data.classes: must list at least one data class"]],
    ["UK as a country", { ...valid, data: { ...valid.data, companyJurisdiction: "UK" } }, ['data.companyJurisdiction: must be an ISO 3166-1 alpha-2 country code in upper case, got "UK" (the United Kingdom is GB)']],
    ["lower-case country", { ...valid, processing: { kind: "country", country: "de" } }, ['processing.country: must be an ISO 3166-1 alpha-2 country code in upper case, got "de"']],
    ["unknown processing kind", { ...valid, processing: { kind: "moon" } }, ['processing.kind: must have "kind" any, region, country, on-premises or air-gapped']],
    ["unknown region", { ...valid, processing: { kind: "region", region: "LATAM" } }, ["processing.region: must be one of the region codes EU, EEA, US, UK"]],
    ["unknown regime", { ...valid, regimes: [{ id: "sox" }] }, ['regimes.0.id: must name a known regime in "id": one of gdpr, uk-gdpr, eu-ai-act, hipaa, dora, nis2, fedramp, pci-dss, china-pipl']],
    ["regime without its parameter", { ...valid, regimes: [{ id: "fedramp" }] }, ["regimes.0.level: must be the FedRAMP impact level: low, moderate or high"]],
    ["regime declared twice", { ...valid, regimes: [{ id: "gdpr" }, { id: "gdpr" }] }, ["regimes: must not declare a regime twice"]],
    ["requirement not a boolean", { ...valid, requirements: { baa: "yes" } }, ["requirements.baa: must be true or false"]],
    ["SEAL level out of range", { ...valid, requirements: { minSeal: { "SOV-3": 5 } } }, ["requirements.minSeal.SOV-3: must be a SEAL level: a whole number from 0 to 4"]],
    ["misspelt field", { ...valid, requirements: { zeroDataRetension: true } }, ['requirements: Unrecognized key: "zeroDataRetension"']],
  ])("rejects %s with the field and the rule", (_name, input, issues) => {
    expect(listIssues(ComplianceProfileSchema.safeParse(input))).toEqual(issues);
  });
});

describe("DeploymentRefSchema", () => {
  it.each<[string, unknown, string[]]>([
    ["unknown catalogue id", { catalogId: "openai-moon" }, [expect.stringMatching(/^catalogId: must be a deployment id from the compliance catalogue, got "openai-moon"; known ids: openai-api-global, /) as unknown as string]],
    ["missing location", { catalogId: "self-hosted-own-data-centre" }, ['location: is required: "self-hosted-own-data-centre" runs in a country you choose']],
    ["location on a fixed entry", { catalogId: "mistral-api-eu", location: "FR" }, ['location: must be omitted: "mistral-api-eu" has fixed processing places']],
    ["operator on a catalogued provider", { catalogId: "mistral-api-eu", operator: { name: "X", jurisdiction: "FR" } }, ['operator: must be omitted: "mistral-api-eu" has no operator to declare (run by Mistral)']],
    ["override without justification", { catalogId: "mistral-api-eu", sovereigntyOverrides: [{ objective: "SOV-1", level: 4, justification: " " }] }, ["sovereigntyOverrides.0.justification: must not be empty: an overridden SEAL level needs a written justification"]],
    [
      "override of an objective twice",
      { catalogId: "mistral-api-eu", sovereigntyOverrides: [{ objective: "SOV-1", level: 4, justification: "a" }, { objective: "SOV-1", level: 3, justification: "b" }] },
      ["sovereigntyOverrides.1.objective: must be unique: SOV-1 is overridden twice"],
    ],
    ["unknown objective", { catalogId: "mistral-api-eu", sovereigntyOverrides: [{ objective: "SOV-9", level: 1, justification: "x" }] }, ["sovereigntyOverrides.0.objective: must be one of SOV-1, SOV-2, SOV-3, SOV-4, SOV-5, SOV-6, SOV-7, SOV-8"]],
    ["declared fact without evidence", { catalogId: "aws-bedrock-us", declaredFacts: [{ capability: "baa", value: "yes", evidence: "" }] }, ["declaredFacts.0.evidence: must not be empty: a declared fact needs its evidence (contract, approval, date)"]],
    ["declared fact as unknown", { catalogId: "aws-bedrock-us", declaredFacts: [{ capability: "baa", value: "unknown", evidence: "x" }] }, ["declaredFacts.0.value: must be yes, no, on-request or not-applicable (leave the fact out when it is unknown)"]],
  ])("rejects %s with the field and the rule", (_name, input, issues) => {
    expect(listIssues(DeploymentRefSchema.safeParse(input))).toEqual(issues);
  });
});
