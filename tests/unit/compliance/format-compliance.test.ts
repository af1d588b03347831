import { describe, expect, it } from "vitest";
import { Decimal } from "../../../app/engine/decimal.ts";
import { assessScenarioCompliance, ComplianceProfileSchema, DeploymentRefSchema } from "../../../app/engine/compliance/index.ts";
import { formatScenarioCompliance } from "../../../scripts/lib/format-compliance.ts";

describe("formatScenarioCompliance (CLI text)", () => {
  const profile = ComplianceProfileSchema.parse({
    data: { classes: ["personal"], subjectJurisdictions: ["EU"], companyJurisdiction: "DE" },
    processing: { kind: "region", region: "EU" },
    regimes: [{ id: "gdpr" }],
    requirements: { noForeignAccessLaw: true, minSeal: { "SOV-2": 2 } },
  });
  const options = [
    { id: "openai-eu", name: "OpenAI EU", deployment: DeploymentRefSchema.parse({ catalogId: "openai-api-residency-eu" }) },
    {
      id: "own",
      name: "Own DC",
      deployment: DeploymentRefSchema.parse({
        catalogId: "self-hosted-own-data-centre",
        location: "DE",
        sovereigntyOverrides: [{ objective: "SOV-8", level: 2, justification: "hydro power, PUE 1.2" }],
      }),
    },
  ];

  it("shows verdicts, reasons with requirement and source, SEAL levels with overrides, and the cheapest compliant option", () => {
    const costs = new Map([["openai-eu", new Decimal("100")], ["own", new Decimal("900")]]);
    const text = formatScenarioCompliance(profile, assessScenarioCompliance(profile, options, costs, "cash total")).join("\n");
    expect(text).toContain("Compliance profile: data personal (subjects EU; company DE); processing within EU; regimes gdpr; requirements noForeignAccessLaw, SOV-2≥2");
    expect(text).toContain("OpenAI EU [openai-eu]: BLOCKED");
    expect(text).toMatch(/block {5}requirements\.noForeignAccessLaw: OpenAI \(US\) is subject to the US CLOUD Act \(2018\).*source: The companies' public corporate information/);
    expect(text).toContain("rule: U.S. Department of Justice: CLOUD Act Resources, 2026-11-01, high confidence, https://www.justice.gov/criminal/cloud-act-resources");
    expect(text).toContain("SEAL SOV-1 0 · SOV-2 1 · SOV-3 1 · SOV-4 1 · SOV-5 0 · SOV-6 0 · SOV-7 1 · SOV-8 0; OpenTCO weighted SEAL score 0.45 of 4 (below a minimum)");
    expect(text).toContain("OpenTCO weighted SEAL score: OpenTCO's aggregation of the SEAL levels with the framework's objective weights");
    expect(text).toContain("residency premium: +10 %");
    expect(text).toContain("Own DC [own]: COMPLIANT");
    // Keys and audit rights of the own data centre are not confirmed in this deployment: SOV-3 2 and SOV-7 1.
    expect(text).toContain("SOV-3 2 · SOV-4 4 · SOV-5 2 · SOV-6 3 · SOV-7 1 · SOV-8 2*; OpenTCO weighted SEAL score 2.85 of 4 (meets the minimums)");
    expect(text).toContain('* SOV-8 overridden 0 → 2: "hydro power, PUE 1.2"');
    expect(text).toContain("Cheapest compliant option (cash total): Own DC [own], compliant");
  });

  it("says so when every option is blocked", () => {
    const text = formatScenarioCompliance(profile, assessScenarioCompliance(profile, options.slice(0, 1), new Map([["openai-eu", new Decimal(1)]]), "cash total"));
    expect(text.at(-1)).toBe("Cheapest compliant option: none — every option is blocked");
  });
});
