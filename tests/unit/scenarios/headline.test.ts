import { describe, expect, it } from "vitest";
import { computeScenario, Decimal, serializeResult, type ScenarioResult, type Serialized } from "~/engine/index.ts";
import { summarizeHeadline } from "~/reports/headline.ts";
import { parseExample, type ExampleName } from "./helpers.ts";

function compute(name: ExampleName): Serialized<ScenarioResult> {
  return serializeResult(computeScenario(parseExample(name), { asOf: "2026-12-01" }));
}

const byCash = (result: Serialized<ScenarioResult>) => [...result.options].sort((a, b) => new Decimal(a.totals.cash).comparedTo(b.totals.cash));

describe("summarizeHeadline", () => {
  it("without a compliance profile: the two cheapest options, the exact saving, and when the cheapest pays off", () => {
    const result = compute("four-options-60-months");
    const [first, second] = byCash(result);
    if (!first || !second) throw new Error("the example has four options");
    const headline = summarizeHeadline(result);
    expect(headline).toEqual({
      currency: "USD",
      cheapest: { id: first.id, name: first.name, cashTotal: first.totals.cash },
      runnerUp: { id: second.id, name: second.name, cashTotal: second.totals.cash },
      savingsVsRunnerUp: new Decimal(second.totals.cash).minus(first.totals.cash).toFixed(),
      breakEven: expect.objectContaining({ month: first.breakEven.find((entry) => entry.otherId === second.id)?.month }),
      blockedCount: 0,
    });
    // The cheaper total ends at or below the runner-up's, so it always breaks even within the horizon.
    expect(headline.breakEven.month).not.toBeNull();
    expect(headline.breakEven.calendarMonth).toMatch(/^\d{4}-\d{2}$/);
  });

  it("with a compliance profile: blocked options are left out, and the pick agrees with the engine's", () => {
    const result = compute("eu-personal-data-compliance");
    const blocked = result.options.filter((option) => option.compliance?.verdict === "blocked");
    expect(blocked.length).toBeGreaterThan(0);
    const headline = summarizeHeadline(result);
    expect(headline.blockedCount).toBe(blocked.length);
    expect(headline.cheapest?.id).toBe(result.compliance?.cheapestCompliantOptionId);
    expect(blocked.map((option) => option.id)).not.toContain(headline.runnerUp?.id);
  });

  it("has no runner-up with one eligible option, and no pick when every option is blocked", () => {
    const result = compute("four-options-60-months");
    const single = { ...result, options: result.options.slice(0, 1) };
    expect(summarizeHeadline(single)).toMatchObject({ runnerUp: null, savingsVsRunnerUp: null, breakEven: { month: null, calendarMonth: null } });
    const verdict = { verdict: "blocked" } as unknown as NonNullable<(typeof result.options)[number]["compliance"]>;
    const allBlocked = { ...result, options: result.options.map((option) => ({ ...option, compliance: verdict })) };
    expect(summarizeHeadline(allBlocked)).toMatchObject({ cheapest: null, runnerUp: null, blockedCount: result.options.length });
  });

  it("compares totals as decimals, not as text", () => {
    const result = compute("hybrid-overflow-eur");
    const [a, b] = result.options;
    if (!a || !b) throw new Error("two options");
    const options = [
      { ...a, totals: { ...a.totals, cash: "900.5" } },
      { ...b, totals: { ...b.totals, cash: "1000" } },
    ];
    expect(summarizeHeadline({ ...result, options })).toMatchObject({ cheapest: { id: a.id }, savingsVsRunnerUp: "99.5" });
  });
});
