import { z } from "zod";
import { Decimal } from "../decimal.ts";

/**
 * EU Cloud Sovereignty Framework v1.2.1 (European Commission, Oct 2025): eight objectives with
 * fixed weights summing to 100 %, each rated on a SEAL level from 0 to 4.
 */
export const SOVEREIGNTY_OBJECTIVES = [
  { id: "SOV-1", name: "Strategic", weight: new Decimal("0.15") },
  { id: "SOV-2", name: "Legal & jurisdictional", weight: new Decimal("0.10") },
  { id: "SOV-3", name: "Data & AI", weight: new Decimal("0.10") },
  { id: "SOV-4", name: "Operational", weight: new Decimal("0.15") },
  { id: "SOV-5", name: "Supply chain", weight: new Decimal("0.20") },
  { id: "SOV-6", name: "Technology", weight: new Decimal("0.15") },
  { id: "SOV-7", name: "Security & compliance", weight: new Decimal("0.10") },
  { id: "SOV-8", name: "Environmental", weight: new Decimal("0.05") },
] as const;

export type SovereigntyObjectiveId = (typeof SOVEREIGNTY_OBJECTIVES)[number]["id"];
export const SOVEREIGNTY_OBJECTIVE_IDS = SOVEREIGNTY_OBJECTIVES.map((objective) => objective.id) as [
  SovereigntyObjectiveId,
  ...SovereigntyObjectiveId[],
];

/** SEAL levels: 0 none, 1 jurisdictional, 2 data sovereignty, 3 digital resilience, 4 full digital sovereignty. */
export type SealLevel = 0 | 1 | 2 | 3 | 4;
export const SEAL_LEVEL_NAMES: Record<SealLevel, string> = {
  0: "no sovereignty",
  1: "jurisdictional sovereignty (EU law on paper, non-EU control)",
  2: "data sovereignty (enforceable, material non-EU dependence)",
  3: "digital resilience (meaningful EU influence)",
  4: "full digital sovereignty",
};

export const SovereigntyObjectiveIdSchema = z.enum(SOVEREIGNTY_OBJECTIVE_IDS, {
  error: () => `must be one of ${SOVEREIGNTY_OBJECTIVE_IDS.join(", ")}`,
});

export const SealLevelSchema = z
  .number({ error: () => "must be a SEAL level: a whole number from 0 to 4" })
  .int("must be a SEAL level: a whole number from 0 to 4")
  .min(0, "must be a SEAL level: a whole number from 0 to 4")
  .max(4, "must be a SEAL level: a whole number from 0 to 4")
  .transform((level) => level as SealLevel);

/** A user's replacement of a derived level; the justification is kept and shown with the level. */
export const SovereigntyOverrideSchema = z.strictObject({
  objective: SovereigntyObjectiveIdSchema,
  level: SealLevelSchema,
  justification: z
    .string({ error: () => "must be a written justification" })
    .trim()
    .min(1, "must not be empty: an overridden SEAL level needs a written justification")
    .max(2000, "must be at most 2000 characters"),
});
export type SovereigntyOverride = z.output<typeof SovereigntyOverrideSchema>;
