import { getScenarioJsonSchema } from "~/engine";
import { refuseWritingMethods } from "~/utils/resource-route.server.ts";

/** The schema as text, made once per process: it depends on the code alone (z.toJSONSchema takes tens of milliseconds a call). */
let schemaText: string | undefined;

/** GET /schema/scenario.v1.json: the scenario format as JSON Schema, generated from the engine's zod schema. */
export function loader() {
  schemaText ??= JSON.stringify(getScenarioJsonSchema(), null, 2);
  return new Response(schemaText, {
    headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}

export const action = refuseWritingMethods;
