import { describe, expect, it } from "vitest";
import { Decimal } from "../../../app/engine/decimal.ts";
import { DeploymentRefSchema, listScenarioFieldIssues, resolveResidencyPremium, type ScenarioOptionFields } from "../../../app/engine/compliance/index.ts";

const deployment = (input: unknown) => DeploymentRefSchema.parse(input);

describe("resolveResidencyPremium", () => {
  it("keeps the option's own premium over the catalogue's", () => {
    expect(resolveResidencyPremium({ residencyPremium: new Decimal("0.05"), deployment: deployment({ catalogId: "openai-api-residency-eu" }) }).toString()).toBe("0.05");
  });
  it("falls back to the deployment's catalogue premium (upper end of a range)", () => {
    expect(resolveResidencyPremium({ deployment: deployment({ catalogId: "openai-api-residency-eu" }) }).toString()).toBe("0.1");
    expect(resolveResidencyPremium({ deployment: deployment({ catalogId: "azure-openai-data-zone-eu" }) }).toString()).toBe("0.2");
  });
  it("never invents a premium the catalogue does not know", () => {
    expect(() => resolveResidencyPremium({ deployment: deployment({ catalogId: "vertex-ai-multi-region-eu" }) })).toThrow(/residencyPremium/);
    expect(() => resolveResidencyPremium({})).toThrow(/residencyPremium/);
  });
});

describe("listScenarioFieldIssues", () => {
  const api = (fields: Partial<ScenarioOptionFields>): ScenarioOptionFields => ({ kind: "api", ...fields });
  const owned: ScenarioOptionFields = { kind: "owned-gpu" };

  it("requires a residency premium when the catalogue cannot supply one", () => {
    const issues = listScenarioFieldIssues({
      options: [api({}), api({ deployment: deployment({ catalogId: "vertex-ai-multi-region-eu" }) }), api({ deployment: deployment({ catalogId: "claude-on-aws-us" }) }), owned],
    });
    expect(issues).toEqual([
      { path: ["options", 0, "residencyPremium"], message: "is required: enter the residency premium (0 when none applies), or name a deployment whose catalogue premium is known" },
      { path: ["options", 1, "residencyPremium"], message: 'is required: the compliance catalogue records no residency premium for "vertex-ai-multi-region-eu"; enter it (0 when none applies)' },
    ]);
  });

  it("requires a deployment on every option and hybrid part once a profile exists", () => {
    const hybrid: ScenarioOptionFields = { kind: "hybrid", primary: owned, secondary: api({ residencyPremium: new Decimal(0), deployment: deployment({ catalogId: "mistral-api-eu" }) }) };
    expect(listScenarioFieldIssues({ compliance: {}, options: [api({ residencyPremium: new Decimal(0) }), hybrid] }).map((issue) => issue.path)).toEqual([
      ["options", 0, "deployment"],
      ["options", 1, "primary", "deployment"],
    ]);
    expect(listScenarioFieldIssues({ options: [api({ residencyPremium: new Decimal(0) }), hybrid] })).toEqual([]);
  });
});
