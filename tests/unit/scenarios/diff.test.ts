import { describe, expect, it } from "vitest";
import { diffInputs } from "~/scenarios/diff.ts";
import { parseScenarioDocument } from "~/scenarios/parse-document.ts";
import { readExample } from "./helpers.ts";

type Doc = Record<string, unknown> & { options: Record<string, unknown>[] };

function canonical(document: unknown): Doc {
  const parsed = parseScenarioDocument(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.canonical as unknown as Doc;
}

const base = canonical(readExample("four-options-60-months"));
const clone = (): Doc => structuredClone(base);

describe("diffInputs", () => {
  it("finds nothing between identical inputs", () => {
    expect(diffInputs(base, clone())).toEqual([]);
  });

  it("names changed leaves by path with old and new values", () => {
    const after = clone();
    (after.workload as { volume: { requestsPerMonth: string } }).volume.requestsPerMonth = "25000000";
    const owned = after.options.findIndex((option) => option.kind === "owned-gpu");
    (after.options[owned] as { gpu: { unitPrice: string } }).gpu.unitPrice = "30000";
    after.name = "Renamed";
    const before = base.options[owned] as { gpu: { unitPrice: string } };
    expect(diffInputs(base, after)).toEqual([
      { path: "name", before: base.name, after: "Renamed" },
      { path: `options[${owned}].gpu.unitPrice`, before: before.gpu.unitPrice, after: "30000" },
      { path: "workload.volume.requestsPerMonth", before: "20000000", after: "25000000" },
    ]);
  });

  it("matches options by id: reordering is no change, and indexes are those of the side the option is on", () => {
    const reordered = clone();
    reordered.options.reverse();
    expect(diffInputs(base, reordered)).toEqual([]);

    const last = base.options.length - 1;
    (reordered.options[0] as { name: string }).name = "Moved and renamed";
    expect(diffInputs(base, reordered)).toEqual([{ path: "options[0].name", before: base.options[last]?.name, after: "Moved and renamed" }]);
  });

  it("reports an added or removed option as one change named after it", () => {
    const removed = clone();
    const [gone] = removed.options.splice(1, 1) as [{ id: string; name: string }];
    expect(diffInputs(base, removed)).toEqual([{ path: "options[1]", before: `${gone.name} (${gone.id})`, after: null }]);
    expect(diffInputs(removed, base)).toEqual([{ path: "options[1]", before: null, after: `${gone.name} (${gone.id})` }]);
  });

  it("lists each field of a sub-object added on one side, and plain-value lists as one value", () => {
    const eu = canonical(readExample("eu-personal-data-compliance"));
    const after = structuredClone(eu);
    const compliance = after.compliance as { data: { classes: string[] } };
    compliance.data.classes = [...compliance.data.classes, "special-category"];
    const api = after.options.findIndex((option) => option.kind === "api");
    (after.options[api] as Record<string, unknown>).longContext = { aboveInputTokens: "200000", tokenShare: "0.1", inputPricePerMillion: "6", cachedInputPricePerMillion: "0.6", outputPricePerMillion: "22.5" };
    const changes = diffInputs(eu, after);
    expect(changes).toContainEqual({ path: "compliance.data.classes", before: '["personal","confidential"]', after: '["personal","confidential","special-category"]' });
    expect(changes).toContainEqual({ path: `options[${api}].longContext.tokenShare`, before: null, after: "0.1" });
    expect(changes.filter((change) => change.path.startsWith(`options[${api}].longContext.`))).toHaveLength(5);
  });

  it("matches sensitivity ranges by driver and shows a type change as JSON", () => {
    const after = clone();
    const monteCarlo = (after.sensitivity as { monteCarlo: { ranges: { driver: string; max: string }[] } }).monteCarlo;
    monteCarlo.ranges.reverse();
    const first = monteCarlo.ranges[0] as { driver: string; max: string };
    const previousMax = first.max;
    first.max = "9";
    expect(diffInputs(base, after)).toEqual([{ path: "sensitivity.monteCarlo.ranges[0].max", before: previousMax, after: "9" }]);
    expect(diffInputs({ a: { b: "1" } }, { a: "flat" })).toEqual([{ path: "a", before: '{"b":"1"}', after: "flat" }]);
  });
});
