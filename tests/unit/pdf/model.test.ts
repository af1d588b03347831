/** The PDF view-model: the executive summary's figures, every input with its unit, printable text, the font conversion. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { Decimal } from "~/engine/index.ts";
import { createFormatter, summarizeHeadline } from "~/reports/index.ts";
import { convertWoffToSfnt, toPrintable } from "~/reports/pdf/fonts.ts";
import { listInputRows } from "~/reports/pdf/inputs.ts";
import { buildScenarioReport } from "~/reports/pdf/model.ts";
import { exampleRevision, SETTINGS } from "./fixtures.ts";

describe("executive summary", () => {
  const revision = exampleRevision("four-options-60-months");
  const report = buildScenarioReport({ ...SETTINGS, scenarioName: "Four options", revision });
  const { summary } = report.section;
  const fmt = createFormatter("USD", "en-US");
  const headline = summarizeHeadline(revision.result.scenario);

  it("names the cheapest option with its exact total, and the saving against every alternative", () => {
    expect(summary.figures[0]?.value).toBe(headline.cheapest?.name);
    expect(summary.figures[1]?.value).toBe(fmt.money(headline.cheapest?.cashTotal ?? ""));
    const others = revision.result.scenario.options.filter((option) => option.id !== headline.cheapest?.id);
    expect(summary.alternatives?.rows.map((row) => row.cells[2])).toEqual(others.map((option) => fmt.moneyDelta(new Decimal(option.totals.cash).minus(headline.cheapest?.cashTotal ?? "0"))));
  });

  it("lists the three drivers with the widest swing, widest first", () => {
    expect(summary.drivers).toHaveLength(3);
    const swings = summary.drivers.map((line) => Number(/swing \$([\d,.]+)\)/.exec(line)?.[1]?.replace(/,/g, "")));
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
  });

  it("gives the Monte Carlo range of the cheapest option and the probability that self-hosting is cheaper", () => {
    const labels = summary.monteCarlo.map((item) => item.label);
    expect(labels).toContain("Probability self-hosting is cheaper");
    expect(labels.some((label) => label.startsWith("P10–P90"))).toBe(true);
  });

  it("takes the document's date from the revision", () => {
    expect(report.info.creationDate).toBe(revision.createdAt);
  });
});

describe("every input with its unit", () => {
  const revision = exampleRevision("four-options-60-months");
  const rows = listInputRows(revision.inputs, createFormatter("USD", "en-US"));

  it("lists each leaf of the inputs once, in document order", () => {
    // An empty list or object is one row ("none"), so a reader sees it was empty.
    const leaves = (value: unknown): number =>
      value !== null && typeof value === "object" && Object.keys(value).length > 0 ? Object.entries(value).reduce((sum, [key, item]) => sum + (key === "schemaVersion" ? 0 : leaves(item)), 0) : 1;
    expect(rows).toHaveLength(leaves(revision.inputs));
  });

  it("puts the scenario currency into money units and keeps every digit of the value", () => {
    const price = rows.find((row) => row.field.endsWith("Unit price"));
    expect(price?.unit).toBe("USD/GPU");
    expect(rows.find((row) => row.field === "Horizon months")).toMatchObject({ value: "60", unit: "months" });
    expect(rows.find((row) => row.field === "Discount rate per year")?.unit).toContain("share per year");
  });

  it("gives every decimal input a unit or the schema's meaning", () => {
    for (const row of rows.filter((item) => /^-?[\d,.]+$/.test(item.value))) expect(`${row.unit}${row.meaning}`, row.field).not.toBe("");
  });
});

describe("printable text", () => {
  it("replaces characters the embedded fonts lack, deep inside plain data", () => {
    expect(toPrintable({ a: ["SEAL ≥ 3", { b: "x → y" }], n: 2, z: null })).toEqual({ a: ["SEAL >= 3", { b: "x -> y" }], n: 2, z: null });
  });
});

describe("WOFF to sfnt", () => {
  it("rebuilds a TrueType font with its tables, less the ones dropped", () => {
    const woff = readFileSync(createRequire(import.meta.url).resolve("@fontsource/inter/files/inter-latin-400-normal.woff"));
    const sfnt = convertWoffToSfnt(woff, ["GSUB"]);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    const tags = Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => sfnt.toString("latin1", 12 + i * 16, 16 + i * 16));
    expect(tags).toEqual(expect.arrayContaining(["cmap", "glyf", "head", "GPOS"]));
    expect(tags).not.toContain("GSUB");
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12) - 1);
    expect(() => convertWoffToSfnt(Buffer.from("not a font at all, not a font at all, not a font"))).toThrow("Not a WOFF");
  });
});
