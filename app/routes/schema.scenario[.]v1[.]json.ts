import { getScenarioJsonSchema } from "~/engine";
import { refuseWritingMethods } from "~/utils/resource-route.server.ts";

/** GET /schema/scenario.v1.json: the scenario format as JSON Schema, generated from the engine's zod schema. */
export function loader() {
  return new Response(JSON.stringify(getScenarioJsonSchema(), null, 2), {
    headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}

export const action = refuseWritingMethods;
