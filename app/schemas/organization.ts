import { z } from "zod";
import { AccountSchema } from "./auth.ts";
import { CURRENCIES } from "./currency.ts";
import { visibleText } from "./text.ts";

/** Errors name the field by its label, "Organisation URL" (the slug is its last part). */
export const SLUG_RULE = "Organisation URL: 3–40 lowercase letters, digits and hyphens";

/** Slugs that would collide with top-level routes or confuse readers of a URL. */
const RESERVED_SLUGS = new Set(["new", "orgs", "admin", "api", "settings", "login", "logout", "signup", "invite", "healthz"]);

export const OrganizationNameSchema = visibleText(
  z.string({ error: "Organisation name: required" }).trim().min(2, "Organisation name: at least 2 characters").max(80, "Organisation name: at most 80 characters"),
  "Organisation name",
);

export const SlugSchema = z
  .string({ error: "Organisation URL: required" })
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, SLUG_RULE)
  .refine((slug) => !slug.includes("--"), "Organisation URL: no consecutive hyphens")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "Organisation URL: this word is reserved");

/** An organisation's default currency: a code from CURRENCIES (a scenario's currency and rate: `ScenarioCurrencySchema`). */
export const DefaultCurrencySchema = z.enum(CURRENCIES, { error: `Default currency: one of ${CURRENCIES.join(", ")}` });

/** Locales the reports (PDF) format numbers, money and dates in: the organisation picks one. */
export const REPORT_LOCALES = ["en-US", "en-GB", "de-DE", "de-CH", "fr-FR", "fr-CH", "nl-NL", "es-ES", "it-IT"] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

export const REPORT_LOCALE_LABELS: Record<ReportLocale, string> = {
  "en-US": "English (United States) — 1,234.56",
  "en-GB": "English (United Kingdom) — 1,234.56",
  "de-DE": "Deutsch (Deutschland) — 1.234,56",
  "de-CH": "Deutsch (Schweiz) — 1’234.56",
  "fr-FR": "Français (France) — 1 234,56",
  "fr-CH": "Français (Suisse) — 1 234,56",
  "nl-NL": "Nederlands — 1.234,56",
  "es-ES": "Español (España) — 1234,56",
  "it-IT": "Italiano — 1.234,56",
};

/** Paper of the PDF reports. */
export const PDF_PAGE_SIZES = ["A4", "LETTER"] as const;
export type PdfPageSize = (typeof PDF_PAGE_SIZES)[number];

export const PDF_PAGE_SIZE_LABELS: Record<PdfPageSize, string> = { A4: "A4 (210 × 297 mm)", LETTER: "Letter (8.5 × 11 in)" };

export const SignupSchema = AccountSchema.extend({
  orgName: OrganizationNameSchema,
  slug: SlugSchema,
});
export type Signup = z.infer<typeof SignupSchema>;

export const CreateOrganizationSchema = z.object({
  orgName: OrganizationNameSchema,
  slug: SlugSchema,
});

export const OrganizationSettingsSchema = z.object({
  name: OrganizationNameSchema,
  slug: SlugSchema,
  defaultCurrency: DefaultCurrencySchema,
  // Optional so a form without them (older clients, API callers) leaves them as they are.
  locale: z.enum(REPORT_LOCALES, { error: `Report locale: one of ${REPORT_LOCALES.join(", ")}` }).optional(),
  pdfPageSize: z.enum(PDF_PAGE_SIZES, { error: `PDF page size: one of ${PDF_PAGE_SIZES.join(", ")}` }).optional(),
});
export type OrganizationSettings = z.infer<typeof OrganizationSettingsSchema>;

export const DeleteOrganizationSchema = z.object({
  confirmation: z.string({ error: "Confirmation: required" }).trim().min(1, "Confirmation: type the organisation URL to confirm"),
});
