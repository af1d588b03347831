import type { CapabilityValue, Fact } from "./catalog.ts";
import type { ComplianceReason } from "./resolve.ts";
import { createReason } from "./resolve.ts";

/**
 * Turns a required capability into reasons. The rule for facts the sources leave open:
 * - "yes" and "not-applicable" satisfy the requirement (no reason);
 * - "no" blocks;
 * - "on-request" is a condition: it must be obtained (approval, contract) before use;
 * - "unknown" is a condition to verify — never silently compliant, and not blocked either, because
 *   an unrecorded fact is not evidence of absence. The verdict then reads "compliant with conditions",
 *   so the user sees exactly which facts to confirm with the provider.
 */
export function checkCapability(requirement: string, capability: string, provider: string, fact: Fact<CapabilityValue>): ComplianceReason[] {
  const note = fact.note === undefined ? "" : ` (${fact.note})`;
  switch (fact.value) {
    case "yes":
    case "not-applicable":
      return [];
    case "no":
      return [createReason(requirement, "block", `${provider} does not offer ${capability}${note}`, fact.source)];
    case "on-request":
      return [createReason(requirement, "condition", `obtain ${capability} from ${provider} before use: offered on request${note}`, fact.source)];
    case "unknown":
      return [createReason(requirement, "condition", `verify ${capability} with ${provider}: not recorded in the catalogue${note}`, fact.source)];
  }
}
