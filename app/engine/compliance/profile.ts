import { z } from "zod";
import { CountryCodeSchema, JurisdictionSchema, RegionCodeSchema } from "./jurisdictions.ts";
import { SealLevelSchema, SOVEREIGNTY_OBJECTIVE_IDS } from "./objectives.ts";
import type { SovereigntyObjectiveId, SealLevel } from "./objectives.ts";
import { RegimeSchema } from "./regime-schemas.ts";

/**
 * The compliance constraint profile of a scenario: what data is handled, where processing may
 * happen, which regimes apply and which requirements every option must meet.
 * All objects are strict, so a misspelt field fails with its path instead of being ignored.
 */

export const DATA_CLASSES = [
  "public",
  "internal",
  "confidential",
  "personal",
  "special-category",
  "payment-card",
  "export-controlled",
] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

const DataClassSchema = z.enum(DATA_CLASSES, { error: () => `must be one of the data classes ${DATA_CLASSES.join(", ")}` });

export const DataProfileSchema = z.strictObject({
  classes: z
    .array(DataClassSchema)
    .min(1, "must list at least one data class")
    .refine((classes) => new Set(classes).size === classes.length, "must not list a data class twice"),
  /** Where the data subjects are: countries or regions (EU, EEA, US, UK). */
  subjectJurisdictions: z
    .array(JurisdictionSchema)
    .refine((list) => new Set(list).size === list.length, "must not list a jurisdiction twice"),
  /** The customer's country: the reference for "foreign" access laws and for placements it owns. */
  companyJurisdiction: CountryCodeSchema,
});

/** Where processing may happen. A region resolves to its member countries (EU: 27, EEA: 30, US, UK = GB). */
export const ProcessingConstraintSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("any") }),
    z.strictObject({ kind: z.literal("region"), region: RegionCodeSchema }),
    z.strictObject({ kind: z.literal("country"), country: CountryCodeSchema }),
    z.strictObject({ kind: z.literal("on-premises") }),
    z.strictObject({ kind: z.literal("air-gapped") }),
  ],
  {
    error: (issue) =>
      issue.code === "invalid_union" ? 'must have "kind" any, region, country, on-premises or air-gapped' : undefined,
  },
);
export type ProcessingConstraint = z.output<typeof ProcessingConstraintSchema>;

const MinSealSchema = z
  .partialRecord(z.enum(SOVEREIGNTY_OBJECTIVE_IDS, { error: () => `keys must be ${SOVEREIGNTY_OBJECTIVE_IDS.join(", ")}` }), SealLevelSchema)
  .transform((record) => record as Partial<Record<SovereigntyObjectiveId, SealLevel>>);

const requirementFlag = z.boolean({ error: () => "must be true or false" }).default(false);

export const RequirementsSchema = z.strictObject({
  zeroDataRetention: requirementFlag,
  noTrainingOnCustomerData: requirementFlag,
  baa: requirementFlag,
  customerManagedKeys: requirementFlag,
  auditRights: requirementFlag,
  /** No exposure to a foreign government's access law (e.g. the US CLOUD Act) through the operator, its ultimate parent or its sub-processors. */
  noForeignAccessLaw: requirementFlag,
  /** Minimum SEAL level per EU Cloud Sovereignty Framework objective; objectives not listed have none. */
  minSeal: MinSealSchema.prefault({}),
});
export type Requirements = z.output<typeof RequirementsSchema>;

export const ComplianceProfileSchema = z.strictObject({
  data: DataProfileSchema,
  processing: ProcessingConstraintSchema,
  regimes: z
    .array(RegimeSchema)
    .default([])
    .refine((regimes) => new Set(regimes.map((regime) => regime.id)).size === regimes.length, "must not declare a regime twice"),
  requirements: RequirementsSchema.prefault({}),
});

export type ComplianceProfileInput = z.input<typeof ComplianceProfileSchema>;
export type ComplianceProfile = z.output<typeof ComplianceProfileSchema>;

/** The boolean requirements, with the capability each one asks of a deployment. */
export const CAPABILITY_REQUIREMENTS = [
  { key: "zeroDataRetention", capability: "zero data retention" },
  { key: "noTrainingOnCustomerData", capability: "a commitment not to train on customer data" },
  { key: "baa", capability: "a HIPAA business associate agreement (BAA)" },
  { key: "customerManagedKeys", capability: "customer-managed encryption keys" },
  { key: "auditRights", capability: "audit rights" },
] as const;
