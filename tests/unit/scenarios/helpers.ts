import { readFileSync } from "node:fs";
import type { Scenario } from "~/engine/index.ts";
import { parseScenarioDocument } from "~/scenarios/parse-document.ts";

export const EXAMPLE_NAMES = ["four-options-60-months", "hybrid-overflow-eur", "eu-personal-data-compliance"] as const;
export type ExampleName = (typeof EXAMPLE_NAMES)[number];

/** A public/examples document as parsed JSON. */
export function readExample(name: ExampleName): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../public/examples/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
}

export function parseExample(name: ExampleName): Scenario {
  const parsed = parseScenarioDocument(readExample(name));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}
