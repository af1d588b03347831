import type { CapabilityValue, Fact } from "./deployment-capabilities.ts";
import type { ComplianceReason } from "./resolve.ts";
import { createReason } from "./resolve.ts";

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
  const note = fact.note === undefined ? "" : ` (${fact.note})`;
  switch (fact.value) {
    case "yes":
    case "not-applicable":
      return [];
    case "no":
      return [createReason(requirement, "block", `${provider} does not offer ${capability}${note}`, fact.source)];
    case "on-request":
      return [createReason(requirement, "condition", `obtain ${capability} from ${provider} before use: offered on request${note}`, fact.source)];
    case "to-confirm":
      return [createReason(requirement, "condition", `confirm ${capability}${note}, then record it as a declared fact of the deployment with your evidence`, fact.source)];
    case "unknown":
      return unknownPolicy === "verify"
        ? [createReason(requirement, "condition", `verify ${capability} with ${provider}: not recorded in the catalogue${note}`, fact.source)]
        : [createReason(requirement, "block", `no record of ${capability} for ${provider}${note}: required before any data is shared; record it as a declared fact of the deployment once you hold it`, fact.source)];
  }
}
