/**
 * A form's hidden intent, missing or another (two intent fields: the action reads the first, the
 * schema the last), is refused in the app's words, naming the field: not zod's
 * 'Invalid input: expected "save"' (issue 13, fuzz finding).
 */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { EndSessionSchema } from "~/schemas/auth.ts";
import { CreateFromTemplateSchema, DeleteScenarioSchema, RenameScenarioSchema, RevisionIntentSchema, SaveRevisionSchema } from "~/schemas/scenario.ts";
import { CopySharedScenarioSchema, CreateShareLinkSchema, RevokeShareLinkSchema } from "~/schemas/share-link.ts";

const SCHEMAS: [string, z.ZodType][] = [
  ["end", EndSessionSchema],
  ["template", CreateFromTemplateSchema],
  ["save", SaveRevisionSchema],
  ["restore", RevisionIntentSchema],
  ["rename", RenameScenarioSchema],
  ["delete", DeleteScenarioSchema],
  ["create", CreateShareLinkSchema],
  ["revoke", RevokeShareLinkSchema],
  ["copy", CopySharedScenarioSchema],
];

describe("the intent of a form", () => {
  it.each(SCHEMAS)("%s: missing or another is refused as 'Intent: …'", (_, schema) => {
    for (const input of [{}, { intent: "other" }, { intent: "" }]) {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      const issue = result.error?.issues.find((candidate) => candidate.path[0] === "intent");
      expect(issue?.message).toMatch(/^Intent: must be [a-z-]+( or [a-z-]+)?$|^Intent: unknown action$/);
    }
  });
});
