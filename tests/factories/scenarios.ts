/**
 * Scenarios for tests through the real model: `createScenario` validates, computes and stores
 * revision 1 exactly as a save from the editor does.
 */
import { readFileSync } from "node:fs";
import { createScenario } from "~/models/scenario.server.ts";
import type { TestOrganization } from "./index.ts";

/** The date every test scenario is computed as of, unless a test says otherwise. */
export const TEST_AS_OF = "2026-12-01";

/** A scenario file as a newcomer imports it, typed only as far as tests take it apart. */
export type ExampleScenario = Record<string, unknown> & {
  name: string;
  options: Record<string, unknown>[];
  workload: Record<string, unknown> & { volume: Record<string, unknown> };
  sensitivity: Record<string, unknown>;
};

/** One of the files in public/examples/, parsed afresh on every call (callers may change it). */
export function readExample(name: "four-options-60-months" | "hybrid-overflow-eur"): ExampleScenario {
  return JSON.parse(readFileSync(new URL(`../../public/examples/${name}.json`, import.meta.url), "utf8")) as ExampleScenario;
}

/** `inputs` saved as a new scenario of `org` by its owner; its id. Refused inputs throw with the issues. */
export async function createTestScenario(org: TestOrganization, inputs: Record<string, unknown>, { asOf = TEST_AS_OF }: { asOf?: string } = {}): Promise<string> {
  const created = await createScenario({ orgId: org.id, userId: org.owner.id, inputs, asOf });
  if (!created.ok) throw new Error(`test scenario refused: ${JSON.stringify(created.issues)}`);
  return created.scenarioId;
}
