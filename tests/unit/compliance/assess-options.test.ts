import { describe, expect, it } from "vitest";
import { Decimal } from "../../../app/engine/decimal.ts";
import {
  assessScenarioCompliance,
  ComplianceProfileSchema,
  createDeploymentRefSchema,
  DeploymentRefSchema,
  type ComplianceOptionView,
  type DeploymentRefInput,
} from "../../../app/engine/compliance/index.ts";

const profile = ComplianceProfileSchema.parse({
  data: { classes: ["personal"], subjectJurisdictions: ["EU"], companyJurisdiction: "DE" },
  processing: { kind: "region", region: "EU" },
  regimes: [{ id: "gdpr" }],
  requirements: { noForeignAccessLaw: true },
});

function option(id: string, deployment?: DeploymentRefInput): ComplianceOptionView {
  return { id, name: id, deployment: deployment === undefined ? undefined : DeploymentRefSchema.parse(deployment) };
}

const costs = (entries: [string, string][]) => new Map(entries.map(([id, total]) => [id, new Decimal(total)]));

describe("assessScenarioCompliance", () => {
  const cheapUsApi = option("openai", { catalogId: "openai-api-residency-eu" });
  const mistral = option("mistral", { catalogId: "mistral-api-eu" });
  const owned = option("owned", { catalogId: "self-hosted-own-data-centre", location: "DE" });
  const colo = option("colo", { catalogId: "self-hosted-colocation", location: "DE" });

  it("names the cheapest option that is not blocked, conditions included (Mistral's EU endpoint is EU/EFTA, so outside an EU-only profile)", () => {
    const result = assessScenarioCompliance(profile, [cheapUsApi, mistral, owned, colo], costs([["openai", "100"], ["mistral", "300"], ["owned", "250"], ["colo", "200"]]), "cash total");
    expect(result.options.map((entry) => [entry.optionId, entry.verdict])).toEqual([
      ["openai", "blocked"],
      ["mistral", "blocked"],
      ["owned", "compliant"],
      ["colo", "compliant-with-conditions"],
    ]);
    expect(result.cheapestCompliantOptionId).toBe("colo");
    expect(result.costBasis).toBe("cash total");
  });

  it("returns null when every option is blocked, and blocks an option without a deployment", () => {
    const result = assessScenarioCompliance(profile, [cheapUsApi, option("bare")], costs([["openai", "1"], ["bare", "0"]]), "cash total");
    expect(result.cheapestCompliantOptionId).toBeNull();
    expect(result.options[1]?.reasons).toMatchObject([{ requirement: "deployment", severity: "block" }]);
  });

  it("a hybrid is as compliant as its weakest part, with each reason labelled by part", () => {
    const hybrid: ComplianceOptionView = { id: "hybrid", name: "hybrid", primary: owned, secondary: cheapUsApi };
    const [result] = assessScenarioCompliance(profile, [hybrid], costs([["hybrid", "1"]]), "cash total").options;
    expect(result?.verdict).toBe("blocked");
    expect(result?.parts.map((part) => [part.part, part.deployment?.verdict])).toEqual([
      ["primary", "compliant"],
      ["secondary", "blocked"],
    ]);
    expect(result?.reasons.every((reason) => reason.message.startsWith("secondary: "))).toBe(true);
  });
});

describe("createDeploymentRefSchema", () => {
  it("rejects a deployment of another kind than the option, listing the fitting ids", () => {
    const result = createDeploymentRefSchema("api").safeParse({ catalogId: "self-hosted-own-data-centre", location: "DE" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["catalogId"]);
    expect(result.error?.issues[0]?.message).toMatch(
      /^must be a deployment of kind api for this option, but "self-hosted-own-data-centre" is self-hosted-owned; use one of openai-api-global, .*mistral-api-eu/,
    );
    expect(createDeploymentRefSchema("self-hosted-owned").safeParse({ catalogId: "self-hosted-colocation", location: "DE" }).success).toBe(true);
  });
});
