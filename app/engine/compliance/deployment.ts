import { z } from "zod";
import type { DeploymentKind } from "./deployment-capabilities.ts";
import { CERTIFICATION_IDS, DEPLOYMENT_CAPABILITIES, getDeploymentCapability, listDeploymentCapabilityIds } from "./deployment-capabilities.ts";
import { CountryCodeSchema } from "./jurisdictions.ts";
import { SovereigntyOverrideSchema } from "./objectives.ts";

export const DECLARABLE_CAPABILITIES = [
  "zeroDataRetention",
  "noTrainingOnCustomerData",
  "baa",
  "customerManagedKeys",
  "auditRights",
  ...CERTIFICATION_IDS,
] as const;
export type DeclarableCapability = (typeof DECLARABLE_CAPABILITIES)[number];

/**
 * A fact the customer holds evidence for (a signed BAA, a ZDR approval, a provider's refusal),
 * replacing the catalogue's value for this deployment only. The evidence is shown with every
 * reason that uses the fact.
 */
export const DeclaredFactSchema = z.strictObject({
  capability: z.enum(DECLARABLE_CAPABILITIES, { error: () => `must be one of ${DECLARABLE_CAPABILITIES.join(", ")}` }),
  value: z.enum(["yes", "no", "on-request", "not-applicable"], {
    error: () => "must be yes, no, on-request or not-applicable (leave the fact out when it is unknown)",
  }),
  evidence: z
    .string({ error: () => "must describe the evidence" })
    .trim()
    .min(1, "must not be empty: a declared fact needs its evidence (contract, approval, date)")
    .max(500, "must be at most 500 characters"),
});
export type DeclaredFact = z.output<typeof DeclaredFactSchema>;

/** A company and the country whose law it is subject to. */
const CompanySchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  jurisdiction: CountryCodeSchema,
});

/** The most sub-processors one deployment may name. */
const MAX_SUB_PROCESSORS = 50;

/**
 * An option's deployment: which catalogue entry it runs on, the customer's own facts for
 * placements that need them (country of the GPUs or region; the operator of a colocation,
 * sovereign cloud or GPU cloud and the ultimate parent that controls it), the operator's
 * sub-processors as the customer verified them, facts the customer holds evidence for, and the
 * user's SEAL-level overrides with their justifications. An operator without its ultimate parent,
 * or a deployment without its sub-processor list, is checked as "not declared": a condition to
 * verify, never a pass.
 */
export const DeploymentRefSchema = z
  .strictObject({
    catalogId: z.string().superRefine((id, ctx) => {
      if (getDeploymentCapability(id) === null) {
        ctx.addIssue({
          code: "custom",
          message: `must be a deployment id from the compliance catalogue, got "${id}"; known ids: ${listDeploymentCapabilityIds().join(", ")}`,
        });
      }
    }),
    /** Country of the region or data centre, for entries whose location the customer chooses. */
    location: CountryCodeSchema.optional(),
    operator: CompanySchema.extend({
      /**
       * The company at the top of the operator's ownership chain, which controls it; the operator
       * itself when no one else does. Exposure to an access law follows this control.
       */
      ultimateParent: CompanySchema.optional(),
    }).optional(),
    /**
     * The operator's sub-processors that handle the data, as verified by the customer; [] when
     * there are none. Omitted: not declared.
     */
    subProcessors: z.array(CompanySchema).max(MAX_SUB_PROCESSORS, `must list at most ${MAX_SUB_PROCESSORS} sub-processors`).optional(),
    declaredFacts: z.array(DeclaredFactSchema).max(DECLARABLE_CAPABILITIES.length).default([]),
    sovereigntyOverrides: z.array(SovereigntyOverrideSchema).max(8).default([]),
  })
  .superRefine((ref, ctx) => {
    const entry = getDeploymentCapability(ref.catalogId);
    if (entry === null) return;
    const chosen = entry.processing.value.kind === "customer-chosen";
    if (chosen && ref.location === undefined) {
      ctx.addIssue({ code: "custom", path: ["location"], message: `is required: "${entry.id}" runs in a country you choose` });
    }
    if (!chosen && ref.location !== undefined) {
      ctx.addIssue({ code: "custom", path: ["location"], message: `must be omitted: "${entry.id}" has fixed processing places` });
    }
    if (ref.operator !== undefined && entry.parent.value.kind !== "declared-operator") {
      ctx.addIssue({ code: "custom", path: ["operator"], message: `must be omitted: "${entry.id}" has no operator to declare (${entry.parent.value.kind === "customer" ? "you run it yourself" : `run by ${entry.provider}`})` });
    }
    if (ref.subProcessors !== undefined && entry.subProcessors.value.kind === "not-applicable") {
      ctx.addIssue({ code: "custom", path: ["subProcessors"], message: `must be omitted: on "${entry.id}" no third party processes the data (${entry.subProcessors.note ?? "not applicable"})` });
    }
    const declared = new Set<string>();
    ref.declaredFacts.forEach((fact, index) => {
      if (declared.has(fact.capability)) {
        ctx.addIssue({ code: "custom", path: ["declaredFacts", index, "capability"], message: `must be unique: ${fact.capability} is declared twice` });
      }
      declared.add(fact.capability);
    });
    const seen = new Set<string>();
    ref.sovereigntyOverrides.forEach((override, index) => {
      if (seen.has(override.objective)) {
        ctx.addIssue({ code: "custom", path: ["sovereigntyOverrides", index, "objective"], message: `must be unique: ${override.objective} is overridden twice` });
      }
      seen.add(override.objective);
    });
  });

export type DeploymentRefInput = z.input<typeof DeploymentRefSchema>;
export type DeploymentRef = z.output<typeof DeploymentRefSchema>;

/**
 * The deployment field of an option of one kind: a DeploymentRef whose catalogue entry must be
 * of that kind (an API option cannot run on a self-hosting placement, nor owned GPUs on rented ones).
 */
export function createDeploymentRefSchema(kind: DeploymentKind) {
  return DeploymentRefSchema.superRefine((ref, ctx) => {
    const entry = getDeploymentCapability(ref.catalogId);
    if (entry === null || entry.kind === kind) return;
    const fitting = DEPLOYMENT_CAPABILITIES.filter((candidate) => candidate.kind === kind).map((candidate) => candidate.id);
    ctx.addIssue({
      code: "custom",
      path: ["catalogId"],
      message: `must be a deployment of kind ${kind} for this option, but "${entry.id}" is ${entry.kind}; use one of ${fitting.join(", ")}`,
    });
  });
}
