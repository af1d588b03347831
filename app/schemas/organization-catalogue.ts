/**
 * Form fields of the organisation's catalogue pages (docs/decisions/021-organisation-catalogue.md). The
 * entry itself (values, source note, date) is judged by app/catalogue/entries.ts, the price file by
 * app/catalogue/price-import.ts; these schemas check the envelope around them.
 */
import { z } from "zod";
import { recordNumber } from "./record-number.ts";

/** The catalogue version a change was made on, so a change made meanwhile is not overwritten. */
const base = recordNumber("Base version", "catalogue version number", 0);

export const RemoveCatalogueEntrySchema = z.object({
  intent: z.literal("remove", { error: "Intent: must be remove" }),
  id: z.string({ error: "Catalogue id: required" }).regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, "Catalogue id: must be lowercase letters, digits, '.' and '-'"),
  base,
});

export const SaveCatalogueEntrySchema = z.object({
  intent: z.literal("save", { error: "Intent: must be save" }),
  base,
});

export const ApplyPriceImportSchema = z.object({
  intent: z.literal("apply", { error: "Intent: must be preview or apply" }),
  base,
  fileName: z.string({ error: "File: required" }).trim().min(1, "File: required").max(200, "File: name at most 200 characters"),
  /** The file's text again: the preview is recomputed from it, never taken from the page. */
  text: z.string({ error: "File: required" }).min(1, "File: empty"),
});
