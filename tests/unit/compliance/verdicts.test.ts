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
    expect(reason?.ruleSource?.id).toBe("us-cloud-act");
    expect(reason?.ruleSource?.urls[0]).toBe("https://www.justice.gov/criminal/cloud-act-resources");
  });

  it("Claude on AWS is exposed through Anthropic, which processes the data, not through Amazon", () => {
    const reason = evaluate(euPersonalNoCloudAct, { catalogId: "claude-on-aws-us" }).reasons.find((candidate) => candidate.requirement === "requirements.noForeignAccessLaw");
    expect(reason?.message).toMatch(/^Anthropic \(US\) is subject to the US CLOUD Act/);
  });

  const gpuCloud = (operator: NonNullable<DeploymentRefInput["operator"]>, subProcessors?: DeploymentRefInput["subProcessors"]): DeploymentRefInput => ({
    catalogId: "self-hosted-gpu-cloud",
    location: "DE",
    operator,
    ...(subProcessors === undefined ? {} : { subProcessors }),
  });

  it.each<[string, DeploymentRefInput, Verdict, string[]]>([
    ["Mistral EU: sub-processors not declared", { catalogId: "mistral-api-eu" }, "compliant-with-conditions", ["condition requirements.noForeignAccessLaw", "condition regimes.gdpr"]],
    ["Mistral EU with a verified EU-only sub-processor list", { catalogId: "mistral-api-eu", subProcessors: [{ name: "Example Hosting SAS", jurisdiction: "FR" }] }, "compliant-with-conditions", ["condition regimes.gdpr"]],
    ["Mistral EU with a US sub-processor", { catalogId: "mistral-api-eu", subProcessors: [{ name: "Example Cloud Inc.", jurisdiction: "US" }] }, "blocked", ["block requirements.noForeignAccessLaw", "condition regimes.gdpr"]],
    ["Mistral US: no CLOUD Act through Mistral, but a GDPR transfer", { catalogId: "mistral-api-us" }, "compliant-with-conditions", ["condition requirements.noForeignAccessLaw", "condition regimes.gdpr"]],
    ["own data centre in Germany", { catalogId: "self-hosted-own-data-centre", location: "DE" }, "compliant", []],
    ["rented AWS GPUs in Frankfurt", { catalogId: "self-hosted-aws-region", location: "DE" }, "blocked", ["block requirements.noForeignAccessLaw", "info regimes.gdpr"]],
    ["colocation, operator undeclared", { catalogId: "self-hosted-colocation", location: "FR" }, "compliant-with-conditions", ["condition requirements.noForeignAccessLaw"]],
    [
      "colocation run by a US operator: your hardware, so a condition not a block; its parent still to declare",
      { catalogId: "self-hosted-colocation", location: "FR", operator: { name: "Example Colo Inc.", jurisdiction: "US" } },
      "compliant-with-conditions",
      ["condition requirements.noForeignAccessLaw", "condition requirements.noForeignAccessLaw", "info regimes.gdpr"],
    ],
    [
      "sovereign cloud run by a French operator, parent and sub-processors not declared",
      { catalogId: "self-hosted-sovereign-cloud", location: "FR", operator: { name: "Example Cloud SAS", jurisdiction: "FR" } },
      "compliant-with-conditions",
      ["condition requirements.noForeignAccessLaw", "condition requirements.noForeignAccessLaw"],
    ],
    [
      "sovereign cloud run by an independent French operator with no sub-processors",
      { catalogId: "self-hosted-sovereign-cloud", location: "FR", operator: { name: "Example Cloud SAS", jurisdiction: "FR", ultimateParent: { name: "Example Cloud SAS", jurisdiction: "FR" } }, subProcessors: [] },
      "compliant",
      [],
    ],
    [
      "GPU cloud whose German operator has a US sub-processor",
      gpuCloud({ name: "Example GPU GmbH", jurisdiction: "DE", ultimateParent: { name: "Example GPU GmbH", jurisdiction: "DE" } }, [{ name: "Example Racks Inc.", jurisdiction: "US" }]),
      "blocked",
      ["block requirements.noForeignAccessLaw"],
    ],
  ])("%s", (_name, ref, verdict, reasons) => {
    const result = evaluate(euPersonalNoCloudAct, ref);
    expect(result.verdict).toBe(verdict);
    expect(listReasonKeys(result)).toEqual(reasons);
  });

  it("a German subsidiary of a US parent operating a GPU cloud is blocked, naming the parent and the law", () => {
    const ref = gpuCloud({ name: "Example GPU GmbH", jurisdiction: "DE", ultimateParent: { name: "Example GPU Corp.", jurisdiction: "US" } }, []);
    const result = evaluate(euPersonalNoCloudAct, ref);
    expect(result.verdict).toBe("blocked");
    expect(result.reasons).toMatchObject([{ requirement: "requirements.noForeignAccessLaw", severity: "block", source: { id: "customer-declared" }, ruleSource: { id: "us-cloud-act" } }]);
    expect(result.reasons[0]?.message).toBe(
      "Example GPU GmbH (DE) is controlled by its ultimate parent Example GPU Corp. (US), which is subject to the US CLOUD Act (2018): that law can compel disclosure of data under the group's control, wherever it is stored",
    );
  });

  it("a Mistral US sub-processor is named in the block, and the reported sub-processors stay a low-confidence third-party condition until declared", () => {
    const blocked = evaluate(euPersonalNoCloudAct, { catalogId: "mistral-api-eu", subProcessors: [{ name: "Example Cloud Inc.", jurisdiction: "US" }] });
    expect(blocked.reasons[0]?.message).toMatch(/^Mistral AI \(FR\)'s sub-processor Example Cloud Inc\. \(US\) handles the data and is subject to the US CLOUD Act/);
    const undeclared = evaluate(euPersonalNoCloudAct, { catalogId: "mistral-api-eu" }).reasons[0];
    expect(undeclared?.message).toContain("reportedly include US cloud providers");
    expect(undeclared?.source).toMatchObject({ id: "mistral-subprocessors-reported", confidence: "low", thirdParty: true });
  });

  it("rejects sub-processors where no third party processes the data", () => {
    expect(() => evaluate(euPersonalNoCloudAct, { catalogId: "self-hosted-own-data-centre", location: "DE", subProcessors: [] })).toThrow(/no third party processes the data/);
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
    ["OpenAI: BAA on request", { catalogId: "openai-api-global" }, "compliant-with-conditions", "obtain a HIPAA business associate agreement", "openai-data-residency"],
    ["Anthropic: eligible services only", { catalogId: "anthropic-api-us" }, "compliant-with-conditions", "eligible services only", "anthropic-data-residency"],
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
    ["Together's default endpoint guarantees no geography: blocked for EU-only", { kind: "region", region: "EU" }, { catalogId: "together-api" }, "blocked", /Together AI, default endpoint \(no geographic guarantee\) may process anywhere; the profile allows only the EU region/],
    ["Together's US-only endpoint stays in the US", { kind: "region", region: "US" }, { catalogId: "together-api-us" }, "compliant", null],
    ["Together has no EU option: its Canada endpoint is outside the EU", { kind: "region", region: "EU" }, { catalogId: "together-api-ca" }, "blocked", /processes in CA, not within the EU region/],
    ["Bedrock EU is not within the EEA: it can route to London and Zurich", { kind: "region", region: "EEA" }, { catalogId: "aws-bedrock-eu" }, "blocked", /processes in GB, CH, not within the EEA region/],
    ["Mistral's EU endpoint is EU/EFTA, not the EU alone", { kind: "region", region: "EU" }, { catalogId: "mistral-api-eu" }, "blocked", /processes in EEA, CH, not within the EU region/],
    ["Mistral's global endpoint may process anywhere", { kind: "region", region: "EEA" }, { catalogId: "mistral-api-global" }, "blocked", /may process anywhere/],
    ["Vertex region in Canada carries a residency guarantee", { kind: "country", country: "CA" }, { catalogId: "vertex-ai-region", location: "CA" }, "compliant", null],
    ["Vertex region in Germany (guaranteed within EU)", { kind: "region", region: "EU" }, { catalogId: "vertex-ai-region", location: "DE" }, "compliant", null],
    ["Vertex region in Norway: inside the EEA, outside the guarantee", { kind: "region", region: "EEA" }, { catalogId: "vertex-ai-region", location: "NO" }, "compliant-with-conditions", /residency guarantee is recorded only for US, EU, CA \(Google lists its residency guarantee region by region/],
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
    expect(openAi.reasons).toMatchObject([{ requirement: "requirements.zeroDataRetention", severity: "condition", source: { id: "openai-data-residency" } }]);
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
    const result = evaluate(profile, { catalogId: "self-hosted-own-data-centre", location: "DE" });
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
    const independentEuCloud: DeploymentRefInput = {
      catalogId: "self-hosted-sovereign-cloud",
      location: "FR",
      operator: { name: "Example Cloud SAS", jurisdiction: "FR", ultimateParent: { name: "Example Cloud SAS", jurisdiction: "FR" } },
      subProcessors: [],
    };
    expect(evaluate(profile, independentEuCloud).verdict).toBe("compliant");
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

  it("the GDPR transfer reason names the Data Privacy Framework's pending appeal, with its public sources", () => {
    const result = evaluate(base({ regimes: [{ id: "gdpr" }] }), { catalogId: "openai-api-residency-us" });
    expect(result.reasons).toMatchObject([{ requirement: "regimes.gdpr", severity: "condition", source: { id: "eu-us-dpf" }, ruleSource: { id: "gdpr" } }]);
    expect(result.reasons[0]?.message).toContain("upheld by the General Court on 2025-09-03 and is under appeal (C-703/25 P, lodged 2025-10-31)");
    expect(result.reasons[0]?.source.urls).toContain("https://eur-lex.europa.eu/eli/C/2025/6610/oj");
  });

  it("keys and audit rights of your own data centre are conditions until you confirm them with evidence", () => {
    const profile = base({ requirements: { customerManagedKeys: true, auditRights: true } });
    const unconfirmed = evaluate(profile, { catalogId: "self-hosted-own-data-centre", location: "DE" });
    expect(unconfirmed.verdict).toBe("compliant-with-conditions");
    expect(unconfirmed.reasons).toMatchObject([
      { requirement: "requirements.customerManagedKeys", severity: "condition", source: { id: "customer-to-confirm" } },
      { requirement: "requirements.auditRights", severity: "condition", source: { id: "customer-to-confirm" } },
    ]);
    expect(unconfirmed.reasons[0]?.message).toMatch(/^confirm customer-managed encryption keys .*record it as a declared fact of the deployment with your evidence$/);
    const confirmed = evaluate(profile, {
      catalogId: "self-hosted-own-data-centre",
      location: "DE",
      declaredFacts: [
        { capability: "customerManagedKeys", value: "yes", evidence: "HSM key ceremony 2026-10-01" },
        { capability: "auditRights", value: "yes", evidence: "internal audit charter" },
      ],
    });
    expect(confirmed.verdict).toBe("compliant");
    expect(evaluate(profile, { catalogId: "self-hosted-colocation", location: "DE" }).reasons.find((reason) => reason.requirement === "requirements.customerManagedKeys")?.source.id).toBe("customer-to-confirm");
  });
});

describe("EU AI Act: high-risk duties follow the customer's role, on the Digital Omnibus dates", () => {
  const highRisk = (role?: "provider" | "deployer"): ComplianceProfileInput => ({
    data: { classes: ["personal"], subjectJurisdictions: ["EU"], companyJurisdiction: "DE" },
    processing: { kind: "any" },
    regimes: [{ id: "eu-ai-act", riskClass: "high", ...(role === undefined ? {} : { role }) }],
  });
  const aiActReason = (profile: ComplianceProfileInput) => evaluate(profile, { catalogId: "self-hosted-own-data-centre", location: "DE" }).reasons.find((reason) => reason.requirement === "regimes.eu-ai-act");

  it("a deployer gets the Art. 26 duties, not risk management or conformity assessment, unless Art. 25 makes it the provider", () => {
    const reason = aiActReason(highRisk("deployer"));
    expect(reason?.severity).toBe("condition");
    expect(reason?.message).toMatch(/^as the deployer of a high-risk AI system \(Art\. 26\): use it according to the provider's instructions, assign competent human oversight/);
    expect(reason?.message).toContain("keep the logs it generates for at least six months");
    expect(reason?.message).toContain("fundamental rights impact assessment where Art. 27 requires one");
    expect(reason?.message).toContain("Risk management and conformity assessment are the provider's duties, not yours, unless you put your name or trademark on the system, substantially modify it, or change its intended purpose so that it becomes high-risk (Art. 25)");
    expect(reason?.message).toContain("from 2027-12-02 for Annex III uses and 2028-08-02 for Annex I products");
    expect(reason?.source.id).toBe("eu-ai-act");
    expect(reason?.ruleSource).toMatchObject({ id: "ai-act-digital-omnibus", thirdParty: true });
  });

  it("a provider gets risk management, conformity assessment and the other provider duties, on the same dates", () => {
    const message = aiActReason(highRisk("provider"))?.message ?? "";
    for (const duty of ["risk management (Art. 9)", "conformity assessment before use (Art. 43)", "a quality management system (Art. 17)", "post-market monitoring (Art. 72)", "2027-12-02", "2028-08-02"]) {
      expect(message).toContain(duty);
    }
  });

  it("without a stated role it asks for one, never assigning provider duties to a deployer", () => {
    const message = aiActReason(highRisk())?.message ?? "";
    expect(message).toMatch(/^state whether you are the provider or the deployer/);
    expect(message).toContain("Art. 25");
  });

  it("the overhead line follows the role: conformity assessment for a provider, deployer duties for a deployer", () => {
    const overheads = (role?: "provider" | "deployer") =>
      evaluate(highRisk(role), { catalogId: "self-hosted-own-data-centre", location: "DE" }).suggestedOverheads.filter((line) => line.requirement === "regimes.eu-ai-act").map((line) => line.label);
    expect(overheads("provider")).toEqual(["AI Act conformity assessment and quality management for a high-risk system"]);
    expect(overheads("deployer")).toEqual(["AI Act deployer duties for a high-risk system (human oversight, monitoring, log retention, fundamental rights impact assessment)"]);
  });

  it("limited risk: transparency duties with their date, as information", () => {
    const result = evaluate({ ...highRisk(), regimes: [{ id: "eu-ai-act", riskClass: "limited" }] }, { catalogId: "self-hosted-own-data-centre", location: "DE" });
    expect(listReasonKeys(result)).toEqual(["info regimes.eu-ai-act"]);
    expect(result.reasons[0]?.message).toContain("transparency duties (Art. 50) from 2026-08-02");
  });
});

