import { z } from "zod";
import { ScenarioSchema } from "./scenario.ts";

export const SCENARIO_SCHEMA_ID = "/schema/scenario.v1.json";

/** JSON Schema (draft 2020-12) of the scenario input format, generated from the zod schema. */
export function getScenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioSchema, { io: "input" }),
    $id: SCENARIO_SCHEMA_ID,
    title: "OpenTCO scenario, schemaVersion 1",
    description:
      "Numbers are decimal strings such as \"12.5\" (finite JSON numbers are accepted too); each field's description gives its unit and bounds. Money is in the scenario currency; fractions are fractions (\"0.10\" = 10 %).",
  };
}
