import { describe, expect, it } from "vitest";
import { getScenarioJsonSchema } from "~/engine";
import { loader } from "~/routes/schema.scenario[.]v1[.]json";

describe("GET /schema/scenario.v1.json", () => {
  it("serves the generated JSON Schema as application/schema+json", async () => {
    const response = loader();
    expect(response.headers.get("Content-Type")).toMatch(/^application\/schema\+json/);
    const schema = (await response.json()) as { $id: string; properties: Record<string, { description?: string }> };
    expect(schema.$id).toBe("/schema/scenario.v1.json");
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["schemaVersion", "workload", "options", "currency"]));
    expect(schema.properties.horizonMonths?.description).toContain("at least 12 and at most 120");
  });

  it("answers every request with the same text, made once", async () => {
    expect(await loader().text()).toBe(JSON.stringify(getScenarioJsonSchema(), null, 2));
    expect(await loader().text()).toBe(await loader().text());
  });
});
