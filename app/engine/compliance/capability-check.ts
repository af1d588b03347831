import type { CapabilityValue, Fact } from "./deployment-capabilities.ts";
import { createReason, type ComplianceReason } from "./reasons.ts";

/**
 * How a required capability whose value is unknown counts:
 * - "verify" (requirements the customer chose: ZDR, no training, CMK, audit rights, BAA
 *   availability): a condition to verify — never silently compliant, and not blocked either,
 *   because an unrecorded fact is not evidence of absence;
 * - "prerequisite" (a document a declared regime requires before any data is shared: HIPAA's
 *   BAA, a FedRAMP authorization, a PCI DSS attestation): blocked until the deployment records it
 *   as a declared fact, because using the service without it is unlawful.
 */
export type UnknownPolicy = "verify" | "prerequisite";

/**
 * Turns a required capability into reasons: "yes" and "not-applicable" satisfy it, "no" blocks,
 * "on-request" is a condition (obtain it before use), "to-confirm" is a condition until the
 * customer declares it with evidence, "unknown" follows the policy above.
 */
export function checkCapability(
  requirement: string,
  capability: string,
  provider: string,
  fact: Fact<CapabilityValue>,
  unknownPolicy: UnknownPolicy,
): ComplianceReason[] {
  const params = { capability, provider, note: fact.note ?? "" };
  switch (fact.value) {
    case "yes":
    case "not-applicable":
      return [];
    case "no":
      return [createReason(requirement, "block", "capability-not-offered", params, fact.source)];
    case "on-request":
      return [createReason(requirement, "condition", "capability-on-request", params, fact.source)];
    case "to-confirm":
      return [createReason(requirement, "condition", "capability-to-confirm", params, fact.source)];
    case "unknown":
      return unknownPolicy === "verify"
        ? [createReason(requirement, "condition", "capability-not-recorded", params, fact.source)]
        : [createReason(requirement, "block", "capability-prerequisite-not-recorded", params, fact.source)];
  }
}
