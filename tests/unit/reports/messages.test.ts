/**
 * The presenter renders the engine's messages from their code and parameters (ADR 017): the English
 * rendering is the engine's own text, word for word, a changed parameter changes what is shown, and
 * a result stored before messages had codes still shows its text.
 */
import { describe, expect, it } from "vitest";
import { renderReason, renderReasoning, renderWarning } from "~/reports/messages.ts";
import { EXAMPLES, loadBundle } from "./bundles.ts";

const results = EXAMPLES.map((name) => loadBundle(name).scenario);
const warnings = results.flatMap((result) => [...result.warnings, ...result.options.flatMap((option) => option.warnings)]);
const reasons = results.flatMap((result) => result.options.flatMap((option) => option.compliance?.reasons ?? []));
const objectives = results.flatMap((result) => result.options.flatMap((option) => option.compliance?.parts.flatMap((part) => part.deployment?.sovereignty.objectives ?? []) ?? []));

describe("rendering the engine's messages", () => {
  it("says exactly what the engine's text says, for every warning and reason of the examples", () => {
    expect(warnings.length).toBeGreaterThan(5);
    expect(reasons.length).toBeGreaterThan(5);
    expect(new Set(warnings.map((warning) => warning.code)).size).toBeGreaterThan(2);
    expect(new Set(reasons.map((reason) => reason.code)).size).toBeGreaterThan(3);
    for (const warning of warnings) expect(renderWarning(warning)).toBe(warning.message);
    for (const reason of reasons) expect(renderReason(reason)).toBe(reason.message);
    expect(objectives.length).toBeGreaterThan(7);
    for (const objective of objectives) expect(renderReasoning(objective)).toEqual(objective.reasoning);
  });

  it("renders from the parameters, not from the stored text", () => {
    const stale = warnings.find((warning) => warning.code === "stale-catalogue-entry");
    if (stale?.code !== "stale-catalogue-entry") throw new Error("the examples raise no stale-catalogue-entry warning");
    expect(renderWarning({ ...stale, params: { ...stale.params, ageDays: 999 } })).toContain(", 999 days before ");
    const reason = reasons.find((candidate) => "provider" in candidate.params);
    if (reason === undefined) throw new Error("the examples give no reason naming a provider");
    expect(renderReason({ ...reason, params: { ...reason.params, provider: "Another Provider" } as typeof reason.params })).toContain("Another Provider");
    expect(renderReason({ ...reason, part: "secondary" })).toBe(`secondary: ${reason.message}`);
    const operated = objectives.flatMap((objective) => objective.notes).find((note) => note.code === "operational-eea");
    if (operated?.code !== "operational-eea") throw new Error("the examples have no EU/EEA-operated deployment");
    expect(renderReasoning({ reasoning: ["as stored"], notes: [{ ...operated, params: { operator: "Example SE (DE)" } }] })).toEqual(["operated by Example SE (DE), in the EU/EEA"]);
  });

  it("shows the text of a result stored before messages had codes and parameters", () => {
    expect(renderWarning({ code: "no-tokens-served", message: "As stored." })).toBe("As stored.");
    expect(renderReason({ message: "Stored reason." })).toBe("Stored reason.");
    expect(renderReasoning({ reasoning: ["Stored line."] })).toEqual(["Stored line."]);
  });
});
