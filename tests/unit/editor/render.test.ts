import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScenarioEditor, type EditorIssue } from "~/components/scenario-editor/index.tsx";
import { getFieldId } from "~/scenarios/paths.ts";
import { parseScenario } from "~/engine";
import { createKitchenSink, EXAMPLE_NAMES, listLeaves, loadExample } from "./fixtures.ts";

const render = (value: unknown, issues: EditorIssue[] = [], readOnly = false) =>
  renderToString(createElement(ScenarioEditor, { value, onChange: () => undefined, issues, readOnly }));

/** The id of the control that edits a leaf; data classes are one checkbox per class. */
function controlId(path: (string | number)[], value: unknown): string | null {
  if (path[0] === "schemaVersion") return null;
  if (path.join(".").startsWith("compliance.data.classes.")) return `${getFieldId(["compliance", "data", "classes"])}-${String(value)}`;
  return getFieldId(path);
}

describe("ScenarioEditor rendering", () => {
  it("the kitchen-sink fixture is a valid scenario with every optional block", () => {
    const parsed = parseScenario(createKitchenSink());
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  for (const [name, scenario] of [...EXAMPLE_NAMES.map((example) => [example, loadExample(example)] as const), ["kitchen sink", createKitchenSink()] as const]) {
    it(`renders every section and an input for every field of ${name}`, () => {
      const html = render(scenario);
      for (const title of ["General", "Workload", "Options", "Compliance profile", "Assumptions", "Sensitivity"]) {
        expect(html).toContain(`<span class="editor-section__title">${title}</span>`);
      }
      const missing = listLeaves(scenario)
        .map(({ path, value }) => controlId(path, value))
        .filter((id): id is string => id !== null && !new RegExp(`<(input|select|textarea)[^>]* id="${id.replace(/[.]/g, "\\.")}"`).test(html));
      expect(missing).toEqual([]);
    });
  }

  it("labels every control (label[for] matches the control id)", () => {
    const html = render(createKitchenSink());
    const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]* id="([^"]+)"/g)].map((match) => match[1]);
    const labelled = new Set([...html.matchAll(/<label[^>]* for="([^"]+)"/g)].map((match) => match[1]));
    expect(ids.length).toBeGreaterThan(300);
    expect(ids.filter((id) => !labelled.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("shows an issue beside its field, naming the rule, with aria-invalid and aria-describedby", () => {
    const scenario = loadExample("four-options-60-months");
    const options = scenario.options as Record<string, Record<string, unknown>>[];
    (options[2]!.gpu as Record<string, unknown>).unitPrice = "-5";
    const parsed = parseScenario(scenario);
    expect(parsed.ok).toBe(false);
    const issues = parsed.ok ? [] : parsed.issues;
    expect(issues).toContainEqual({ path: "options.2.gpu.unitPrice", message: "must be greater than 0 and at most 1000000000000" });
    const html = render(scenario, issues);
    const id = getFieldId(["options", 2, "gpu", "unitPrice"]);
    expect(html).toMatch(new RegExp(`<input[^>]*id="${id}"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*${id}-error`));
    expect(html).toContain(`<span id="${id}-error" class="field-error">must be greater than 0 and at most 1000000000000</span>`);
    expect(html).toContain("1 problem to fix");
  });

  it("explains fraction rules beside a percent input and shows the percent typed", () => {
    const scenario = loadExample("four-options-60-months");
    (scenario.workload as Record<string, unknown>).cachedInputShare = "1.5";
    const parsed = parseScenario(scenario);
    const html = render(scenario, parsed.ok ? [] : parsed.issues);
    const id = getFieldId(["workload", "cachedInputShare"]);
    expect(html).toMatch(new RegExp(`<input[^>]*id="${id}"[^>]*value="150"`));
    expect(html).toContain(`<span id="${id}-error" class="field-error">must be at least 0 and at most 1 (as a fraction: 1 = 100 %)</span>`);
  });

  it("marks an override with a dot and the word, and offers the reset and the source note", () => {
    const example = loadExample("eu-personal-data-compliance");
    const options = example.options as Record<string, unknown>[];
    const owned = options[3]!;
    // gpu.unitPrice 40000 against the catalogue's 37500, with the quote it comes from.
    options[3] = {
      ...owned,
      gpu: { ...(owned.gpu as Record<string, unknown>), unitPrice: "40000" },
      overrideSources: { ...(owned.overrideSources as Record<string, unknown>), "gpu.unitPrice": { source: "vendor quote (example)", asOf: "2026-11-01" } },
    };
    const html = render(example);
    expect(html).toContain("<strong>override</strong> · catalogue value 37500");
    expect(html).toContain("Reset to catalogue");
    expect(html).toMatch(new RegExp(`id="${getFieldId(["options", 3, "overrideSources", "gpu.unitPrice", "source"]).replace(/[.]/g, "\\.")}"[^>]*value="vendor quote`));
  });

  it("read-only renders values without inputs or buttons", () => {
    const html = render(createKitchenSink(), [], true);
    expect(html).not.toMatch(/<(input|select|textarea|button)[\s>]/);
    expect(html).toContain("Claude Opus via API");
  });
});
