import { describe, expect, it } from "vitest";
import { fractionToPercent, percentToFraction, shiftDecimalPoint } from "~/scenarios/percent.ts";
import { getAtPath, insertAfter, moveItem, removeItem, setAtPath } from "~/scenarios/paths.ts";
import { formatCompactCount, summarizeCompliance, summarizeGeneral, summarizeOptions, summarizeSensitivity, summarizeWorkload } from "~/components/scenario-editor/summaries.ts";
import { formatFieldHint, getFieldDescription, parseDecimalDescription } from "~/scenarios/field-info.ts";
import { createKitchenSink, listLeaves, loadExample } from "./fixtures.ts";

describe("setAtPath", () => {
  const root = { a: { b: [1, { c: "x" }] }, d: { e: 1 } };

  it("copies only along the path and keeps the other branches", () => {
    const next = setAtPath(root, ["a", "b", 1, "c"], "y");
    expect(getAtPath(next, ["a", "b", 1, "c"])).toBe("y");
    expect(root.a.b[1]).toEqual({ c: "x" });
    expect(next.d).toBe(root.d);
    expect(next).not.toBe(root);
    expect(next.a.b).not.toBe(root.a.b);
  });

  it("removes a key with undefined and creates missing objects", () => {
    expect(setAtPath(root, ["d", "e"], undefined).d).toEqual({});
    expect(setAtPath({}, ["x", "y", "z"], 1)).toEqual({ x: { y: { z: 1 } } });
    expect(setAtPath({ list: [] }, ["list", 0], "a")).toEqual({ list: ["a"] });
  });

  it("treats a dotted key as one segment (overrideSources keys)", () => {
    expect(setAtPath({}, ["overrideSources", "gpu.unitPrice", "source"], "quote")).toEqual({ overrideSources: { "gpu.unitPrice": { source: "quote" } } });
  });
});

describe("list helpers", () => {
  it("move, insert and remove without touching the input", () => {
    const items = ["a", "b", "c"];
    expect(moveItem(items, 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveItem(items, 2, -5)).toEqual(["c", "a", "b"]);
    expect(insertAfter(items, 0, "x")).toEqual(["a", "x", "b", "c"]);
    expect(removeItem(items, 1)).toEqual(["a", "c"]);
    expect(items).toEqual(["a", "b", "c"]);
  });
});

describe("percent entry", () => {
  it.each([
    ["12.5", "0.125"],
    ["100", "1"],
    ["0", "0"],
    ["-50", "-0.5"],
    ["0.05", "0.0005"],
    ["7 %", "0.07"],
    ["12.50", "0.125"],
  ])("%s %% is stored as %s", (percent, fraction) => expect(percentToFraction(percent)).toBe(fraction));

  it("shows a stored fraction as a percent, exactly", () => {
    expect(fractionToPercent("0.125")).toBe("12.5");
    expect(fractionToPercent("0.1")).toBe("10");
    expect(fractionToPercent(0.07)).toBe("7");
    expect(fractionToPercent("0.000000000000000000000000000001")).toBe("0.0000000000000000000000000001");
    expect(fractionToPercent(undefined)).toBe("");
  });

  it("keeps text that is not a number yet, so the engine names the rule", () => {
    expect(percentToFraction("12.")).toBe("12.");
    expect(percentToFraction("abc")).toBe("abc");
    expect(fractionToPercent("1e3")).toBe("1e3");
  });

  it("round-trips every canonical percent", () => {
    for (const percent of ["1", "33.333", "250", "-99", "0.5"]) expect(fractionToPercent(percentToFraction(percent))).toBe(percent);
    expect(shiftDecimalPoint("1.5", 2)).toBe("150");
  });
});

describe("summaries", () => {
  it("say the workload in one line", () => {
    expect(summarizeWorkload(loadExample("four-options-60-months"))).toBe("20 M requests/month, +40 %/yr, 1,500 in / 400 out tokens");
    expect(summarizeWorkload(loadExample("hybrid-overflow-eur"))).toBe("12 B tokens/month, +3 %/mo, 3,000 in / 600 out tokens");
  });

  it("say the other sections in one line", () => {
    const sink = createKitchenSink();
    expect(summarizeGeneral(sink)).toBe("from 2027-01, 60 months, USD, discount 8 %/yr, inflation +3 %/yr");
    expect(summarizeOptions(sink)).toBe("6 options: 2 API, 1 owned GPUs, 1 rented GPUs, 2 hybrid");
    expect(summarizeCompliance(sink)).toBe("personal, internal data; processing in US; gdpr, eu-ai-act, fedramp");
    expect(summarizeCompliance({})).toBe("no compliance profile");
    expect(summarizeSensitivity(sink)).toBe("tornado: 1 custom range; Monte Carlo: 10 k draws over 7 drivers");
  });

  it("shows half-typed values as typed", () => {
    expect(formatCompactCount("12a")).toBe("12a");
    expect(formatCompactCount(undefined)).toBe("?");
    expect(formatCompactCount("3000000")).toBe("3 M");
  });
});

describe("field descriptions from the schema", () => {
  it("finds a description for every decimal field of the examples", () => {
    const sink = createKitchenSink();
    const decimals = listLeaves(sink).filter(({ value, path }) => typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) && !path.includes("overrideSources"));
    const undescribed = decimals.filter(({ path }) => {
      const description = getFieldDescription(sink, path);
      return description === null || parseDecimalDescription(description) === null;
    });
    expect(decimals.length).toBeGreaterThan(100);
    expect(undescribed.map(({ path }) => path.join("."))).toEqual([]);
  });

  it("follows discriminated unions by the value's kind", () => {
    const sink = createKitchenSink();
    expect(getFieldDescription(sink, ["options", 2, "gpu", "unitPrice"])).toBe("purchase price per GPU (decimal, greater than 0 and at most 1000000000000)");
    expect(getFieldDescription(sink, ["options", 4, "primary", "maxNodes"])).toContain("cap on nodes in service");
    expect(getFieldDescription(sink, ["options", 2, "nope"])).toBeNull();
  });

  it("states bounds in the unit typed", () => {
    const description = "share of input tokens served from the prompt cache (decimal, at least 0 and at most 1)";
    expect(formatFieldHint(description, { percent: true })).toBe("share of input tokens served from the prompt cache · 0 to 100 %");
    expect(formatFieldHint("months modelled (decimal, at least 12 and at most 120, whole number)", { unit: "months" })).toBe("months modelled · 12 to 120 months, whole number");
  });
});
