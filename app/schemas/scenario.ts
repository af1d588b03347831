/**
 * Form fields of the scenario pages (list, editor, history, compare). The scenario document itself is
 * validated by the engine's schema (`parseScenario`), here and in the browser alike; these schemas only
 * check the envelope around it.
 */
import { z } from "zod";
import { recordNumber } from "./record-number.ts";
import { visibleText } from "./text.ts";

/** Largest scenario document accepted in a save or an import, in bytes (the examples are ~5–10 KiB). */
export const MAX_SCENARIO_BYTES = 512 * 1024;

const note = z.string().trim().max(500, "Note: at most 500 characters").optional().transform((value) => (value ? value : undefined));
const revisionNumber = (field: string) => recordNumber(field, "revision number", 1);

/** The scenario document as text; parsed as JSON here, judged by the engine's schema afterwards. */
export const ScenarioJsonSchema = z.string({ error: "Scenario: required" }).transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `Scenario: not valid JSON (${(error as Error).message})` });
    return z.NEVER;
  }
});

export const CreateFromTemplateSchema = z.object({
  intent: z.literal("template", { error: "Intent: must be import or template" }),
  templateId: z.string({ error: "Template: required" }).min(1, "Template: required"),
});

export const SaveRevisionSchema = z.object({
  intent: z.literal("save", { error: "Intent: must be save" }),
  baseRevision: revisionNumber("Base revision"),
  inputs: ScenarioJsonSchema,
  note,
});

export const RevisionIntentSchema = z.object({
  intent: z.enum(["restore", "recompute"], { error: "Intent: unknown action" }),
  revision: revisionNumber("Revision"),
});

export const RenameScenarioSchema = z.object({
  intent: z.literal("rename", { error: "Intent: must be rename" }),
  name: visibleText(z.string({ error: "Name: required" }).trim().min(1, "Name: must not be empty").max(200, "Name: at most 200 characters"), "Name"),
});

export const DeleteScenarioSchema = z.object({
  intent: z.literal("delete", { error: "Intent: must be delete" }),
  confirmName: z.string({ error: "Confirmation: type the scenario's name" }),
});

/** "?s=<id>" or "?s=<id>@<revision>", repeated 2–4 times. */
export const CompareSelectionSchema = z
  .array(
    z.string().regex(/^[a-z0-9]{1,40}(@[1-9]\d{0,6})?$/, "Scenario: must be a scenario id, optionally @revision").transform((value) => {
      const [id, revision] = value.split("@");
      return { id: id as string, revision: revision === undefined ? undefined : Number(revision) };
    }),
  )
  .max(4, "Compare: at most 4 scenarios");
