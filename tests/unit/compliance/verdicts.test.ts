import { describe, expect, it } from "vitest";
import { DEPLOYMENT_CAPABILITIES, type ComplianceProfileInput, type DeploymentRefInput, type Verdict } from "../../../app/engine/compliance/index.ts";
import { evaluate, listReasonKeys } from "./fixtures.ts";

/** A complete deployment reference for any catalogue entry (location where the customer chooses it). */
function refFor(id: string, location = "DE"): DeploymentRefInput {
  const entry = DEPLOYMENT_CAPABILITIES.find((candidate) => candidate.id === id);
  if (entry === undefined) throw new Error(`no catalogue entry ${id}`);
  return entry.processing.value.kind === "customer-chosen" ? { catalogId: id, location } : { catalogId: id };
}

const euPersonalNoCloudAct: ComplianceProfileInput = {
  data: { classes: ["personal"], subjectJurisdictions: ["EU"], companyJurisdiction: "DE" },
  processing: { kind: "any" },
  regimes: [{ id: "gdpr" }],
  requirements: { noForeignAccessLaw: true },
};

describe("acceptance: EU personal data with no CLOUD Act exposure", () => {
  const usApis = DEPLOYMENT_CAPABILITIES.filter(
    (entry) => entry.kind === "api" && entry.parent.value.kind === "company" && entry.parent.value.jurisdiction === "US",
  );

  it("covers every US-parented API of the catalogue (at least OpenAI, Azure, Bedrock, Anthropic, Vertex, Together)", () => {
    const providers = new Set(usApis.map((entry) => entry.provider));
    for (const provider of ["OpenAI", "Azure OpenAI", "AWS Bedrock", "Claude on AWS", "Anthropic", "Google Vertex AI", "Together AI"]) {
      expect(providers).toContain(provider);
    }
  });

  it.each(usApis.map((entry) => entry.id))("%s is blocked by the CLOUD Act, citing the requirement and the source", (id) => {
    const result = evaluate(euPersonalNoCloudAct, refFor(id));
    expect(result.verdict).toBe("blocked");
    const reason = result.reasons.find((candidate) => candidate.requirement === "requirements.noForeignAccessLaw");
    expect(reason?.severity).toBe("block");
    expect(reason?.message).toContain("US CLOUD Act");
    expect(reason?.source.id).toBe("corporate-domicile");
    expect(reason?.ruleSource?.id).toBe("ref-regimes-2026");
  });

  it.each<[string, DeploymentRefInput, Verdict, string[]]>([
    ["Mistral EU", { catalogId: "mistral-api-eu" }, "compliant", []],
    ["Mistral US: no CLOUD Act, but a GDPR transfer", { catalogId: "mistral-api-us" }, "compliant-with-conditions", ["condition regimes.gdpr"]],
    ["own data centre in Germany", { catalogId: "self-hosted-own-data-centre", location: "DE" }, "compliant", []],
    ["rented AWS GPUs in Frankfurt", { catalogId: "self-hosted-aws-region", location: "DE" }, "blocked", ["block requirements.noForeignAccessLaw", "info regimes.gdpr"]],
    ["colocation, operator undeclared", { catalogId: "self-hosted-colocation", location: "FR" }, "compliant-with-conditions", ["condition requirements.noForeignAccessLaw"]],
    [
      "colocation run by a US operator: your hardware, so a condition not a block",
      { catalogId: "self-hosted-colocation", location: "FR", operator: { name: "Example Colo Inc.", jurisdiction: "US" } },
      "compliant-with-conditions",
      ["condition requirements.noForeignAccessLaw", "info regimes.gdpr"],
    ],
    [
      "sovereign cloud run by a French operator",
      { catalogId: "self-hosted-sovereign-cloud", location: "FR", operator: { name: "Example Cloud SAS", jurisdiction: "FR" } },
      "compliant",
      [],
    ],
  ])("%s", (_name, ref, verdict, reasons) => {
    const result = evaluate(euPersonalNoCloudAct, ref);
    expect(result.verdict).toBe(verdict);
    expect(listReasonKeys(result)).toEqual(reasons);
  });
});

const hipaa: ComplianceProfileInput = {
  data: { classes: ["special-category"], subjectJurisdictions: ["US"], companyJurisdiction: "US" },
  processing: { kind: "any" },
  regimes: [{ id: "hipaa" }],
};

describe("acceptance: HIPAA without a BAA blocks", () => {
  it.each<[string, DeploymentRefInput, Verdict, string, string | null]>([
    ["Azure OpenAI: BAA via Microsoft terms", { catalogId: "azure-openai-global" }, "compliant", "", null],
    ["OpenAI: BAA on request", { catalogId: "openai-api-global" }, "compliant-with-conditions", "obtain a HIPAA business associate agreement", "ref-residency-2026"],
    ["Anthropic: eligible services only", { catalogId: "anthropic-api-us" }, "compliant-with-conditions", "eligible services only", "ref-residency-2026"],
    ["Bedrock: no BAA on record", { catalogId: "aws-bedrock-us" }, "blocked", "no record of a HIPAA business associate agreement (BAA) for AWS Bedrock", "not-recorded"],
    ["Together: no BAA on record", { catalogId: "together-api" }, "blocked", "no record of", "not-recorded"],
    [
      "Bedrock with a signed BAA declared",
      { catalogId: "aws-bedrock-us", declaredFacts: [{ capability: "baa", value: "yes", evidence: "BAA signed 2026-05-01" }] },
      "compliant",
      "",
      null,
    ],
    [
      "OpenAI after it refused a BAA",
      { catalogId: "openai-api-global", declaredFacts: [{ capability: "baa", value: "no", evidence: "request declined 2026-10-02" }] },
      "blocked",
      "does not offer a HIPAA business associate agreement (BAA) (declared: request declined 2026-10-02)",
      "customer-declared",
    ],
    ["own data centre: no business associate", { catalogId: "self-hosted-own-data-centre", location: "US" }, "compliant", "", null],
  ])("%s", (_name, ref, verdict, message, sourceId) => {
    const result = evaluate(hipaa, ref);
    expect(result.verdict).toBe(verdict);
    const reasons = result.reasons.filter((reason) => reason.requirement === "regimes.hipaa");
    if (sourceId === null) {
      expect(reasons).toEqual([]);
    } else {
      expect(reasons).toHaveLength(1);
      expect(reasons[0]?.message).toContain(message);
      expect(reasons[0]?.source.id).toBe(sourceId);
    }
  });
});

describe("acceptance: air-gapped allows only owned hardware on premises", () => {
  const airGapped: ComplianceProfileInput = {
    data: { classes: ["confidential"], subjectJurisdictions: [], companyJurisdiction: "FR" },
    processing: { kind: "air-gapped" },
  };
  it.each(DEPLOYMENT_CAPABILITIES.map((entry) => entry.id))("%s", (id) => {
    const result = evaluate(airGapped, refFor(id, "FR"));
    if (id === "self-hosted-own-data-centre") {
      expect(result.verdict).toBe("compliant");
      expect(result.reasons).toEqual([]);
    } else {
      expect(result.verdict).toBe("blocked");
      expect(listReasonKeys(result)).toEqual(["block processing"]);
      expect(result.reasons[0]?.message).toMatch(/air-gapped processing needs owned hardware on your premises/);
    }
  });
});

describe("processing location constraints", () => {
  const within = (processing: ComplianceProfileInput["processing"]): ComplianceProfileInput => ({
    data: { classes: ["internal"], subjectJurisdictions: [], companyJurisdiction: "DE" },
    processing,
  });
  it.each<[string, ComplianceProfileInput["processing"], DeploymentRefInput, Verdict, RegExp | null]>([
    ["EU residency project inside EU", { kind: "region", region: "EU" }, { catalogId: "openai-api-residency-eu" }, "compliant", null],
    ["EU data zone inside EEA", { kind: "region", region: "EEA" }, { catalogId: "azure-openai-data-zone-eu" }, "compliant", null],
    ["global deployment outside EU", { kind: "region", region: "EU" }, { catalogId: "openai-api-global" }, "blocked", /may process anywhere; the profile allows only the EU region/],
    ["APAC profile countries unstated", { kind: "country", country: "JP" }, { catalogId: "aws-bedrock-apac" }, "blocked", /processes in APAC, not within JP/],
    ["EU data zone is not a promise for Germany", { kind: "country", country: "DE" }, { catalogId: "azure-openai-data-zone-eu" }, "blocked", /processes in EU, not within DE/],
    ["unknown location must be verified", { kind: "region", region: "EU" }, { catalogId: "together-api" }, "compliant-with-conditions", /verify that .* processes only in the EU region/],
    ["Vertex region in Germany (guaranteed within EU)", { kind: "region", region: "EU" }, { catalogId: "vertex-ai-region", location: "DE" }, "compliant", null],
    ["Vertex region in Norway: inside the EEA, outside the guarantee", { kind: "region", region: "EEA" }, { catalogId: "vertex-ai-region", location: "NO" }, "compliant-with-conditions", /guarantees residency only within US, EU/],
    ["Vertex region in Japan is outside the EU", { kind: "region", region: "EU" }, { catalogId: "vertex-ai-region", location: "JP" }, "blocked", /processes in JP, not within the EU region/],
    ["UK region means GB", { kind: "region", region: "UK" }, { catalogId: "self-hosted-gpu-cloud", location: "GB" }, "compliant", null],
    ["on premises excludes colocation", { kind: "on-premises" }, { catalogId: "self-hosted-colocation", location: "DE" }, "blocked", /runs off your premises/],
    ["on premises allows the own data centre", { kind: "on-premises" }, { catalogId: "self-hosted-own-data-centre", location: "DE" }, "compliant", null],
  ])("%s", (_name, processing, ref, verdict, message) => {
    const result = evaluate(within(processing), ref);
    expect(result.verdict).toBe(verdict);
    if (message === null) {
      expect(result.reasons).toEqual([]);
    } else {
      expect(result.reasons.map((reason) => reason.requirement)).toEqual(["processing"]);
      expect(result.reasons[0]?.message).toMatch(message);
    }
  });
});

describe("requirements and regimes", () => {
  const base = (extra: Partial<ComplianceProfileInput>): ComplianceProfileInput => ({
    data: { classes: ["personal"], subjectJurisdictions: ["EU"], companyJurisdiction: "DE" },
    processing: { kind: "any" },
    ...extra,
  });

  it("ZDR by approval is a condition citing the residency table; unknown ZDR asks to verify", () => {
    const profile = base({ requirements: { zeroDataRetention: true } });
    const openAi = evaluate(profile, { catalogId: "openai-api-residency-eu" });
    expect(openAi.verdict).toBe("compliant-with-conditions");
    expect(openAi.reasons).toMatchObject([{ requirement: "requirements.zeroDataRetention", severity: "condition", source: { id: "ref-residency-2026" } }]);
    expect(openAi.reasons[0]?.message).toContain("by approval");
    const vertex = evaluate(profile, { catalogId: "vertex-ai-multi-region-eu" });
    expect(vertex.reasons).toMatchObject([{ requirement: "requirements.zeroDataRetention", severity: "condition", source: { id: "not-recorded" } }]);
    expect(vertex.reasons[0]?.message).toMatch(/^verify zero data retention/);
    expect(evaluate(profile, { catalogId: "self-hosted-own-data-centre", location: "DE" }).verdict).toBe("compliant");
  });

  it("a prohibited AI Act practice blocks every option, self-hosting included", () => {
    const profile = base({ regimes: [{ id: "eu-ai-act", riskClass: "prohibited" }] });
    for (const ref of [{ catalogId: "mistral-api-eu" }, { catalogId: "self-hosted-own-data-centre", location: "DE" }]) {
      const result = evaluate(profile, ref);
      expect(result.verdict).toBe("blocked");
      expect(listReasonKeys(result)).toEqual(["block regimes.eu-ai-act"]);
    }
  });

  it("FedRAMP High: only Azure Government is on record; unknown authorizations block; self-operated is informational", () => {
    const profile: ComplianceProfileInput = {
      data: { classes: ["confidential"], subjectJurisdictions: ["US"], companyJurisdiction: "US" },
      processing: { kind: "region", region: "US" },
      regimes: [{ id: "fedramp", level: "high" }],
    };
    expect(evaluate(profile, { catalogId: "azure-openai-government" }).verdict).toBe("compliant");
    const bedrock = evaluate(profile, { catalogId: "aws-bedrock-us-gov" });
    expect(bedrock.verdict).toBe("blocked");
    expect(bedrock.reasons[0]?.message).toContain("FedRAMP high (or higher) authorization");
    const own = evaluate(profile, { catalogId: "self-hosted-own-data-centre", location: "US" });
    expect(own.verdict).toBe("compliant");
    expect(listReasonKeys(own)).toEqual(["info regimes.fedramp"]);
  });

  it("special-category data under GDPR adds a DPIA condition and a DPIA overhead line to price", () => {
    const profile = base({ data: { classes: ["special-category"], subjectJurisdictions: ["EU"], companyJurisdiction: "DE" }, regimes: [{ id: "gdpr" }] });
    const result = evaluate(profile, { catalogId: "mistral-api-eu" });
    expect(listReasonKeys(result)).toEqual(["condition regimes.gdpr"]);
    expect(result.reasons[0]?.message).toContain("art. 35");
    expect(result.suggestedOverheads).toContainEqual(expect.objectContaining({ category: "dpia", amountPerYear: null, prompt: "enter your estimate" }));
  });

  it("export-controlled data abroad or with a foreign operator needs an authorisation", () => {
    const profile: ComplianceProfileInput = {
      data: { classes: ["export-controlled"], subjectJurisdictions: [], companyJurisdiction: "US" },
      processing: { kind: "any" },
    };
    expect(listReasonKeys(evaluate(profile, { catalogId: "mistral-api-eu" }))).toEqual([
      "condition data.classes.export-controlled",
      "condition data.classes.export-controlled",
    ]);
    expect(evaluate(profile, { catalogId: "self-hosted-own-data-centre", location: "US" }).verdict).toBe("compliant");
  });

  it("minimum SEAL levels block options below them; an override with its justification can lift one", () => {
    const profile = base({ requirements: { minSeal: { "SOV-2": 3 } } });
    expect(evaluate(profile, { catalogId: "mistral-api-eu" }).verdict).toBe("compliant");
    const azure = evaluate(profile, { catalogId: "azure-openai-data-zone-eu" });
    expect(azure.verdict).toBe("blocked");
    expect(listReasonKeys(azure)).toEqual(["block requirements.minSeal.SOV-2"]);
    expect(azure.sovereignty.meetsMinimum).toBe(false);
    const justification = "Contract clause 14 moves control of keys and staff to an EU subsidiary (legal opinion 2026-09)";
    const overridden = evaluate(profile, {
      catalogId: "azure-openai-data-zone-eu",
      sovereigntyOverrides: [{ objective: "SOV-2", level: 3, justification }],
    });
    expect(overridden.verdict).toBe("compliant");
    const sov2 = overridden.sovereignty.objectives.find((objective) => objective.objective === "SOV-2");
    expect(sov2).toMatchObject({ derivedLevel: 1, level: 3, override: { level: 3, justification } });
  });
});
