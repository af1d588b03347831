import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeScenario, parseScenario } from "../../../app/engine/index.ts";

const example = JSON.parse(readFileSync(new URL("../../../public/examples/eu-personal-data-compliance.json", import.meta.url), "utf8")) as Record<string, unknown> & {
  options: Record<string, unknown>[];
};

function compute(raw: unknown) {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n"));
  return computeScenario(parsed.scenario, { asOf: "2026-11-25" });
}

describe("compliance in the engine's results (EU example)", () => {
  const result = compute(example);

  it("gives every option a verdict with reasons and SEAL levels, and names the cheapest compliant option", () => {
    expect(result.options.map((option) => [option.id, option.compliance?.verdict])).toEqual([
      ["openai-eu", "blocked"],
      ["azure-eu", "blocked"],
      ["mistral-eu", "blocked"],
      ["owned-de", "compliant"],
      ["rented-gpu-cloud", "blocked"],
    ]);
    const openAi = result.options[0]?.compliance;
    expect(openAi?.reasons.map((reason) => `${reason.severity} ${reason.requirement}`)).toContain("block requirements.noForeignAccessLaw");
    expect(openAi?.parts[0]?.deployment?.sovereignty.objectives).toHaveLength(8);
    // Cheapest not blocked on the cash total; the blocked API options are cheaper, but excluded.
    const notBlocked = result.options.filter((option) => option.compliance?.verdict !== "blocked");
    const cheapest = notBlocked.reduce((best, option) => (option.totals.cash.lt(best.totals.cash) ? option : best));
    expect(result.compliance?.cheapestCompliantOptionId).toBe(cheapest.id);
    expect(result.options.some((option) => option.compliance?.verdict === "blocked" && option.totals.cash.lt(cheapest.totals.cash))).toBe(true);
  });

  it("applies the catalogue residency premium when the option has none, and lists it among the catalogue values", () => {
    const premiumOf = (id: string) => result.options.find((option) => option.id === id)?.catalogueValues.find((value) => value.field === "residencyPremium");
    expect(premiumOf("openai-eu")).toMatchObject({ status: "catalogue", catalogue: { id: "openai-api-residency-eu" } });
    expect(premiumOf("openai-eu")?.value.toString()).toBe("0.1");
    expect(premiumOf("azure-eu")?.value.toString()).toBe("0.2");
    expect(premiumOf("mistral-eu")).toMatchObject({ status: "catalogue", catalogue: { id: "mistral-api-eu" } });
    expect(premiumOf("mistral-eu")?.value.toString()).toBe("0.1");
    // The premium multiplies token prices: dropping it from the deployment's catalogue value to an
    // explicit 0 lowers the API cost line by exactly the factor 1.1.
    const withoutPremium = compute({ ...example, options: example.options.map((option, index) => (index === 0 ? { ...option, residencyPremium: "0" } : option)) });
    const withPremiumCost = result.options[0]?.totals.opexByCategory.api;
    const withoutPremiumCost = withoutPremium.options[0]?.totals.opexByCategory.api;
    if (withPremiumCost === undefined || withoutPremiumCost === undefined) throw new Error("missing API cost line");
    expect(withPremiumCost.div(withoutPremiumCost).minus("1.1").abs().lt("1e-30")).toBe(true);
  });

  it("warns when the profile calls for overhead lines and the option prices none (never a silent 0)", () => {
    const codes = (raw: unknown, id: string) => compute(raw).options.find((option) => option.id === id)?.warnings.map((warning) => warning.code) ?? [];
    expect(codes(example, "mistral-eu")).not.toContain("compliance-overhead-unpriced");
    const unpriced = { ...example, options: example.options.map((option) => (option.id === "mistral-eu" ? { ...option, extraCostsPerYear: [] } : option)) };
    expect(codes(unpriced, "mistral-eu")).toContain("compliance-overhead-unpriced");
    const warning = compute(unpriced).options.find((option) => option.id === "mistral-eu")?.warnings.find((item) => item.code === "compliance-overhead-unpriced");
    expect(warning?.message).toContain("data protection impact assessment");
  });

  it("without a profile, results carry no compliance", () => {
    const { compliance: _profile, ...withoutProfile } = example;
    const plain = compute(withoutProfile);
    expect(plain.compliance).toBeNull();
    expect(plain.options.every((option) => option.compliance === null)).toBe(true);
  });

  it("rejects a profile with an option lacking its deployment, and an unknown premium left empty, by path", () => {
    const options = example.options.map((option, index) => {
      if (index === 0) {
        const { deployment: _deployment, ...rest } = option;
        return rest;
      }
      if (index === 1) {
        return { ...option, deployment: { catalogId: "azure-openai-regional", location: "DE" } };
      }
      return option;
    });
    const parsed = parseScenario({ ...example, options });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issues.map((issue) => [issue.path, issue.message])).toEqual([
        ["options.0.residencyPremium", "is required: enter the residency premium (0 when none applies), or name a deployment whose catalogue premium is known"],
        ["options.0.deployment", "is required when the scenario has a compliance profile: name the catalogue deployment this option runs on"],
        ["options.1.residencyPremium", 'is required: the compliance catalogue records no residency premium for "azure-openai-regional"; enter it (0 when none applies)'],
      ]);
    }
  });
});
