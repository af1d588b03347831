import { describe, expect, it } from "vitest";
import { Decimal } from "../../../app/engine/decimal.ts";
import { SOVEREIGNTY_OBJECTIVES, type ComplianceProfileInput, type DeploymentRefInput } from "../../../app/engine/compliance/index.ts";
import { evaluate } from "./fixtures.ts";

const profile: ComplianceProfileInput = {
  data: { classes: ["internal"], subjectJurisdictions: ["EU"], companyJurisdiction: "DE" },
  processing: { kind: "any" },
};

describe("EU Cloud Sovereignty Framework weights", () => {
  it("are 15/10/10/15/20/15/10/5 % and sum to 1", () => {
    expect(SOVEREIGNTY_OBJECTIVES.map((objective) => objective.weight.toString())).toEqual(["0.15", "0.1", "0.1", "0.15", "0.2", "0.15", "0.1", "0.05"]);
    expect(SOVEREIGNTY_OBJECTIVES.reduce((sum, objective) => sum.plus(objective.weight), new Decimal(0)).toString()).toBe("1");
  });
});

const confirmedOwnDataCentre = {
  catalogId: "self-hosted-own-data-centre",
  declaredFacts: [
    { capability: "customerManagedKeys" as const, value: "yes" as const, evidence: "HSM key ceremony 2026-10-01" },
    { capability: "auditRights" as const, value: "yes" as const, evidence: "internal audit charter" },
  ],
};
const gpuCloudDe = { catalogId: "self-hosted-gpu-cloud", location: "DE" };
const independentGpuOperator = { name: "Example GPU GmbH", jurisdiction: "DE", ultimateParent: { name: "Example GPU GmbH", jurisdiction: "DE" } };

describe("derived SEAL levels per deployment", () => {
  it.each<[string, DeploymentRefInput, number[], string]>([
    ["own data centre in Germany, keys and audit rights not yet confirmed", { catalogId: "self-hosted-own-data-centre", location: "DE" }, [4, 4, 2, 4, 2, 3, 1, 0], "2.75"],
    ["own data centre in Germany, keys and audit rights confirmed", { ...confirmedOwnDataCentre, location: "DE" }, [4, 4, 4, 4, 2, 3, 4, 0], "3.25"],
    ["own data centre of a German company in the US", { ...confirmedOwnDataCentre, location: "US" }, [4, 2, 0, 4, 2, 3, 4, 0], "2.65"],
    ["Azure OpenAI Data Zone EU", { catalogId: "azure-openai-data-zone-eu" }, [0, 1, 1, 1, 0, 0, 1, 0], "0.45"],
    ["OpenAI without residency", { catalogId: "openai-api-global" }, [0, 0, 0, 0, 0, 0, 0, 0], "0"],
    ["Mistral EU endpoint: EU/EFTA processing, sub-processors not declared", { catalogId: "mistral-api-eu" }, [3, 2, 0, 3, 1, 1, 0, 0], "1.45"],
    ["rented AWS GPUs in Germany", { catalogId: "self-hosted-aws-region", location: "DE" }, [0, 1, 1, 1, 0, 2, 1, 0], "0.75"],
    ["GPU cloud of a German subsidiary of a US parent", { ...gpuCloudDe, operator: { name: "Example GPU GmbH", jurisdiction: "DE", ultimateParent: { name: "Example GPU Corp.", jurisdiction: "US" } }, subProcessors: [] }, [1, 1, 1, 3, 1, 2, 1, 0], "1.4"],
    ["GPU cloud of a German operator, parent not declared", { ...gpuCloudDe, operator: { name: "Example GPU GmbH", jurisdiction: "DE" }, subProcessors: [] }, [1, 1, 1, 3, 1, 2, 1, 0], "1.4"],
    ["GPU cloud of an independent German operator, sub-processors not declared", { ...gpuCloudDe, operator: independentGpuOperator }, [3, 2, 2, 3, 1, 2, 1, 0], "1.9"],
    ["GPU cloud of an independent German operator without sub-processors", { ...gpuCloudDe, operator: independentGpuOperator, subProcessors: [] }, [3, 3, 2, 3, 1, 2, 1, 0], "2"],
  ])("%s", (_name, ref, levels, score) => {
    const result = evaluate(profile, ref);
    expect(result.sovereignty.objectives.map((objective) => objective.level)).toEqual(levels);
    expect(result.sovereignty.weightedScore.toString()).toBe(score);
    for (const objective of result.sovereignty.objectives) {
      expect(objective.reasoning.length).toBeGreaterThan(0);
      expect(objective.sources.map((source) => source.id)).toContain("eu-cloud-sovereignty-framework");
      expect(objective.override).toBeNull();
    }
  });

  it("caps SOV-1 and SOV-2 for an EU subsidiary of a US parent, and says why", () => {
    const result = evaluate(profile, { ...gpuCloudDe, operator: { name: "Example GPU GmbH", jurisdiction: "DE", ultimateParent: { name: "Example GPU Corp.", jurisdiction: "US" } }, subProcessors: [] });
    const byId = new Map(result.sovereignty.objectives.map((objective) => [objective.objective, objective]));
    expect(byId.get("SOV-1")?.reasoning).toEqual([
      "Example GPU GmbH (DE) is established in the EU/EEA but controlled by its ultimate parent Example GPU Corp. (US): EU law on paper, non-EU control (capped at 1)",
    ]);
    expect(byId.get("SOV-2")?.reasoning.join(" ")).toContain("controlled by its ultimate parent Example GPU Corp. (US), which is subject to the US CLOUD Act (2018): capped at 1");
    expect(byId.get("SOV-2")?.sources.map((source) => source.id)).toContain("us-cloud-act");
  });

  it("an undeclared parent caps SOV-2 at 1 and an undeclared sub-processor list at 2, with the reason", () => {
    const parentUnknown = evaluate(profile, { ...gpuCloudDe, operator: { name: "Example GPU GmbH", jurisdiction: "DE" }, subProcessors: [] });
    expect(parentUnknown.sovereignty.objectives[1]?.reasoning).toContain("capped at 1: the ultimate parent is not declared, so exposure to a foreign access law cannot be excluded");
    const subProcessorsUnknown = evaluate(profile, { ...gpuCloudDe, operator: independentGpuOperator });
    expect(subProcessorsUnknown.sovereignty.objectives[1]?.reasoning).toContain("capped at 2: the sub-processors are not declared, so exposure to a foreign access law cannot be excluded");
  });

  it("says why: the CLOUD Act appears in SOV-2's reasoning for a US parent, accelerators in SOV-5's", () => {
    const result = evaluate(profile, { catalogId: "azure-openai-data-zone-eu" });
    const byId = new Map(result.sovereignty.objectives.map((objective) => [objective.objective, objective]));
    expect(byId.get("SOV-2")?.reasoning.join(" ")).toContain("US CLOUD Act");
    expect(byId.get("SOV-5")?.reasoning.join(" ")).toContain("designed by US companies");
  });

  it("an override replaces the level in force, keeps the derived level and the justification, and moves the score by weight × change", () => {
    const plain = evaluate(profile, { ...confirmedOwnDataCentre, location: "DE" });
    const justification = "Facility runs on 100 % contracted hydro power, PUE 1.2 (audit 2026-06)";
    const overridden = evaluate(profile, {
      ...confirmedOwnDataCentre,
      location: "DE",
      sovereigntyOverrides: [{ objective: "SOV-8", level: 3, justification }],
    });
    const sov8 = overridden.sovereignty.objectives.find((objective) => objective.objective === "SOV-8");
    expect(sov8).toMatchObject({ derivedLevel: 0, level: 3, override: { level: 3, justification } });
    expect(overridden.sovereignty.weightedScore.minus(plain.sovereignty.weightedScore).toString()).toBe("0.15");
  });

  it("checks minimums against the levels in force", () => {
    const strict: ComplianceProfileInput = { ...profile, requirements: { minSeal: { "SOV-1": 3, "SOV-8": 1 } } };
    const result = evaluate(strict, { catalogId: "self-hosted-own-data-centre", location: "DE" });
    expect(result.sovereignty.meetsMinimum).toBe(false);
    expect(result.reasons.map((reason) => reason.requirement)).toEqual(["requirements.minSeal.SOV-8"]);
    expect(result.reasons[0]?.message).toContain("no environmental disclosure");
  });
});
