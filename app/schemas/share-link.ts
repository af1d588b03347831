/** Form fields of the share-link pages (docs/decisions/011-share-links.md). */
import { z } from "zod";
import { recordNumber } from "./record-number.ts";
import { visibleText } from "./text.ts";

/** A link lives 30 days unless the editor says otherwise, and never more than a year. */
export const DEFAULT_SHARE_LINK_DAYS = 30;
export const MAX_SHARE_LINK_DAYS = 365;
export const MAX_SHARE_LINK_LABEL_LENGTH = 100;

export const CreateShareLinkSchema = z.object({
  intent: z.literal("create", { error: "Intent: must be create" }),
  label: visibleText(
    z
      .string({ error: "Label: required" })
      .trim()
      .min(1, "Label: say who the link is for, e.g. the prospect's name")
      .max(MAX_SHARE_LINK_LABEL_LENGTH, `Label: at most ${MAX_SHARE_LINK_LABEL_LENGTH} characters`),
    "Label",
  ),
  mode: z.enum(["pinned", "follow"], { error: "Shows: pinned revision or latest revision" }),
  /** The revision the editor is looking at: pinned links show it. */
  revision: recordNumber("Revision", "revision number", 1),
  expiresInDays: z.coerce
    .number({ error: "Expires after: a number of days" })
    .int("Expires after: a whole number of days")
    .min(1, "Expires after: at least 1 day")
    .max(MAX_SHARE_LINK_DAYS, `Expires after: at most ${MAX_SHARE_LINK_DAYS} days (one year)`),
  // An unchecked checkbox sends nothing.
  allowPdf: z
    .literal("on", { error: "PDF download: tick the box or leave it empty" })
    .optional()
    .transform((value) => value === "on"),
});
export type CreateShareLink = z.output<typeof CreateShareLinkSchema>;

export const RevokeShareLinkSchema = z.object({
  intent: z.literal("revoke", { error: "Intent: must be revoke or revoke-all" }),
  linkId: z.string({ error: "Link: required" }).min(1, "Link: required").max(40, "Link: not a link id"),
});

export const CopySharedScenarioSchema = z.object({
  intent: z.literal("copy", { error: "Intent: must be copy" }),
  targetSlug: z.string({ error: "Organisation: choose where to copy it" }).min(1, "Organisation: choose where to copy it").max(40, "Organisation: not one of yours"),
});
