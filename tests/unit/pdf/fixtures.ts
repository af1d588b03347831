/** Report sources from the shipped examples, as a stored revision would give them (fixed ids and dates). */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ReportRevision, ReportSettings } from "~/reports/pdf/model.ts";
import { loadBundle, type ExampleName } from "../reports/bundles.ts";

export const SETTINGS: ReportSettings = { orgName: "Acme Research", locale: "en-US", pageSize: "A4" };

export function readExampleInputs(name: ExampleName): Record<string, unknown> {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../public/examples", `${name}.json`), "utf8")) as Record<string, unknown>;
}

/** Revision `number` of an example; the fingerprint is a stand-in (the PDF prints what it is given). */
export function exampleRevision(name: ExampleName, number = 3): ReportRevision {
  return {
    id: `rev-${name}-${number}`,
    number,
    fingerprint: `${number}`.repeat(64).slice(0, 64).replace(/\d/g, (digit) => "0123456789abcdef"[(Number(digit) * 7 + name.length) % 16] as string),
    createdAt: "2026-12-01T09:30:00.000Z",
    createdByEmail: "cto@acme.test",
    engineVersion: "1.4.0",
    catalogueVersion: "2026-11-01.514f3b71",
    asOf: "2026-11-25",
    note: null,
    inputs: readExampleInputs(name),
    result: loadBundle(name),
  };
}

/** Whitespace as pdftotext's text is compared: every run of spaces (NBSP and narrow NBSP included) is one space. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
