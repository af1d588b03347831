import { describe, expect, it } from "vitest";
import { getDeploymentCapability, getResidencyPremium } from "../../../app/engine/compliance/index.ts";
import { evaluate } from "./fixtures.ts";

function premiumOf(id: string) {
  const entry = getDeploymentCapability(id);
  if (entry === null) throw new Error(`no catalogue entry ${id}`);
  return getResidencyPremium(entry);
}

describe("residency premium from the catalogue", () => {
  it.each<[string, string | "unknown" | "not-applicable", RegExp]>([
    ["openai-api-residency-eu", "0.1", /2026-03-05/],
    ["azure-openai-data-zone-eu", "0.2", /upper end of the published 10–20 % range/],
    ["claude-on-aws-us", "0.1", /1\.1×/],
    ["openai-api-global", "0", /base price/],
    ["aws-bedrock-eu", "0.1112", /about 1\/0\.9 of the global price/],
    ["aws-bedrock-global", "0", /base price/],
    ["aws-bedrock-us-gov", "unknown", /not recorded/],
    ["mistral-api-eu", "0.1", /1\.1× list for input, output and cached tokens/],
    ["mistral-api-global", "0", /base price/],
    ["together-api-us", "0.25", /1\.25×/],
    ["together-api-ca", "0.25", /1\.25×/],
    ["anthropic-api-us", "0.1", /reported as 1\.1× \(low confidence\)/],
    ["vertex-ai-multi-region-eu", "unknown", /not recorded/],
    ["self-hosted-own-data-centre", "not-applicable", /.*/],
  ])("%s → %s", (id, expected, note) => {
    const premium = premiumOf(id);
    if (expected === "unknown" || expected === "not-applicable") {
      expect(premium.kind).toBe(expected);
    } else {
      expect(premium.kind).toBe("known");
      if (premium.kind === "known") expect(premium.fraction.toString()).toBe(expected);
    }
    if (premium.kind !== "not-applicable") expect(premium.note).toMatch(note);
  });
});

describe("yearly compliance overhead lines", () => {
  it("suggests the lines a DORA profile calls for, without inventing amounts", () => {
    const result = evaluate(
      {
        data: { classes: ["personal"], subjectJurisdictions: ["EU"], companyJurisdiction: "DE" },
        processing: { kind: "any" },
        regimes: [{ id: "gdpr" }, { id: "dora" }],
        requirements: { auditRights: true },
      },
      { catalogId: "mistral-api-eu" },
    );
    expect(result.suggestedOverheads.map((line) => [line.category, line.requirement])).toEqual([
      ["dpia", "regimes.gdpr"],
      ["legal-review", "regimes"],
      ["audit", "regimes.dora"],
      ["audit", "requirements.auditRights"],
    ]);
    for (const line of result.suggestedOverheads) {
      expect(line.amountPerYear).toBeNull();
      expect(line.prompt).toBe("enter your estimate");
    }
  });
});
