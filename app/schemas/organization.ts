import { z } from "zod";
import { AccountSchema } from "./auth.ts";
import { CURRENCIES } from "./currency.ts";

export const SLUG_RULE = "Slug: 3–40 lowercase letters, digits and hyphens";

/** Slugs that would collide with top-level routes or confuse readers of a URL. */
const RESERVED_SLUGS = new Set(["new", "orgs", "admin", "api", "settings", "login", "logout", "signup", "invite", "healthz"]);

export const OrganizationNameSchema = z
  .string({ error: "Organisation name: required" })
  .trim()
  .min(2, "Organisation name: at least 2 characters")
  .max(80, "Organisation name: at most 80 characters");

export const SlugSchema = z
  .string({ error: "Slug: required" })
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, SLUG_RULE)
  .refine((slug) => !slug.includes("--"), "Slug: no consecutive hyphens")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "Slug: this word is reserved");

export const CurrencySchema = z.enum(CURRENCIES, { error: `Default currency: one of ${CURRENCIES.join(", ")}` });

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
  defaultCurrency: CurrencySchema,
});
export type OrganizationSettings = z.infer<typeof OrganizationSettingsSchema>;

export const DeleteOrganizationSchema = z.object({
  confirmation: z.string({ error: "Confirmation: required" }).trim().min(1, "Confirmation: type the organisation URL to confirm"),
});
