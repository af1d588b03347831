/**
 * The regimes a compliance profile may declare (their ids and parameters). What each regime asks of
 * a deployment is in regimes.ts, which reads the profile: keeping the schemas here lets profile.ts
 * use them without importing the rules back.
 */
import { z } from "zod";

export const AI_ACT_ROLES = ["provider", "deployer"] as const;

/**
 * The regimes a profile may declare, each a schema (with its parameters). To add a regime, add its
 * schema to REGIME_SCHEMAS and its rule to REGIME_RULES (regimes.ts); the compiler enforces both.
 */
export const REGIME_SCHEMAS = [
  z.strictObject({ id: z.literal("gdpr") }),
  z.strictObject({ id: z.literal("uk-gdpr") }),
  z.strictObject({
    id: z.literal("eu-ai-act"),
    riskClass: z.enum(["minimal", "limited", "high", "prohibited"], {
      error: () => "must be the AI Act risk class of the use case: minimal, limited, high or prohibited",
    }),
    /**
     * The customer's role for the AI system: its provider (it builds the system, or as a deployer
     * puts its name on it, substantially modifies it or changes its purpose so that it becomes
     * high-risk, Art. 25) or its deployer. Omitted: not stated, a condition for a high-risk system.
     */
    role: z.enum(AI_ACT_ROLES, { error: () => "must be your AI Act role for the system: provider or deployer" }).optional(),
  }),
  z.strictObject({ id: z.literal("hipaa") }),
  z.strictObject({ id: z.literal("dora") }),
  z.strictObject({ id: z.literal("nis2") }),
  z.strictObject({
    id: z.literal("fedramp"),
    level: z.enum(["low", "moderate", "high"], { error: () => "must be the FedRAMP impact level: low, moderate or high" }),
  }),
  z.strictObject({ id: z.literal("pci-dss") }),
  z.strictObject({ id: z.literal("china-pipl") }),
] as const;

export const REGIME_IDS = REGIME_SCHEMAS.map((schema) => schema.shape.id.value);

export const RegimeSchema = z.discriminatedUnion("id", REGIME_SCHEMAS, {
  error: (issue) =>
    issue.code === "invalid_union" ? `must name a known regime in "id": one of ${REGIME_IDS.join(", ")}` : undefined,
});
export type Regime = z.output<typeof RegimeSchema>;
export type RegimeId = Regime["id"];
