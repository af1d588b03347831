import { describe, expect, it } from "vitest";
import { applyTheirs, formatPath, mergeInputs, setAtPath, type Json } from "~/scenarios/merge.ts";

const base: Json = { name: "S", workload: { requests: "100", growth: "0.4" }, options: [{ id: "a", price: "5" }, { id: "b", price: "2" }] };

describe("mergeInputs", () => {
  it("keeps both editors' changes to different fields", () => {
    const mine: Json = { ...base, name: "Mine" };
    const theirs: Json = { ...base, workload: { requests: "200", growth: "0.4" } };
    const result = mergeInputs(base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.taken).toEqual(["workload.requests"]);
    expect(result.merged).toEqual({ ...base, name: "Mine", workload: { requests: "200", growth: "0.4" } });
  });

  it("reports a field both changed differently and keeps mine until told otherwise", () => {
    const mine: Json = { ...base, options: [{ id: "a", price: "6" }, { id: "b", price: "2" }] };
    const theirs: Json = { ...base, options: [{ id: "a", price: "7" }, { id: "b", price: "3" }] };
    const result = mergeInputs(base, mine, theirs);
    expect(result.conflicts.map((c) => [c.path, c.mine, c.theirs])).toEqual([["options[0].price", "6", "7"]]);
    expect(result.taken).toEqual(["options[1].price"]);
    expect(applyTheirs(result, new Set())).toEqual({ ...base, options: [{ id: "a", price: "6" }, { id: "b", price: "3" }] });
    expect(applyTheirs(result, new Set(["options[0].price"]))).toEqual({ ...base, options: [{ id: "a", price: "7" }, { id: "b", price: "3" }] });
  });

  it("treats a list whose length changed on both sides as one value", () => {
    const mine: Json = { ...base, options: [{ id: "a", price: "5" }] };
    const theirs: Json = { ...base, options: [...(base as { options: Json[] }).options, { id: "c", price: "1" }] };
    const result = mergeInputs(base, mine, theirs);
    expect(result.conflicts.map((c) => c.path)).toEqual(["options"]);
  });

  it("takes a key the other side removed, and keeps a key I added", () => {
    const mine: Json = { ...base, note: "mine" };
    const { name: _removed, ...theirs } = base as { [key: string]: Json };
    const result = mergeInputs(base, mine, theirs);
    expect(result.merged).toEqual({ workload: (base as { workload: Json }).workload, options: (base as { options: Json }).options, note: "mine" });
  });
});

describe("setAtPath and formatPath", () => {
  it("replaces a nested value without touching the original", () => {
    const next = setAtPath(base, ["options", 1, "price"], "9");
    expect((next as { options: { price: string }[] }).options[1]?.price).toBe("9");
    expect((base as { options: { price: string }[] }).options[1]?.price).toBe("2");
  });
  it("formats indices in brackets", () => {
    expect(formatPath(["options", 1, "gpu", "unitPrice"])).toBe("options[1].gpu.unitPrice");
  });
});
