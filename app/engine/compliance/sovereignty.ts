import { Decimal } from "../decimal.ts";
import { FOREIGN_ACCESS_LAWS } from "./access-laws.ts";
import type { CapabilityValue } from "./deployment-capabilities.ts";
import type { ControlChain } from "./control.ts";
import { describeExposure, findAccessLawExposures, listControlChain } from "./control.ts";
import type { CountryCode } from "./jurisdictions.ts";
import { isInEea } from "./jurisdictions.ts";
import type { SealLevel, SovereigntyObjectiveId, SovereigntyOverride } from "./objectives.ts";
import { SEAL_LEVEL_NAMES, SOVEREIGNTY_OBJECTIVES } from "./objectives.ts";
import type { ComplianceReason, ResolvedDeployment } from "./resolve.ts";
import { arePlacesInEea, createReason, describeParty, describePlaces, isPartyInEea } from "./resolve.ts";
import type { ComplianceSource, SourceId } from "./sources.ts";
import { getComplianceSource } from "./sources.ts";

/**
 * Sovereignty assessment on the EU Cloud Sovereignty Framework (v1.2.1). Levels are derived from
 * catalogue facts by the rules below — OpenTCO's reasoned opinion, not an official rating — and
 * every level carries its reasoning. A fact that is unknown never raises a level. The weighted
 * score is OpenTCO's aggregation of the levels with the framework's objective weights, not a
 * figure the framework defines.
 */

export interface ObjectiveAssessment {
  objective: SovereigntyObjectiveId;
  name: string;
  /** Weight as a fraction of the total (0.15 = 15 %). */
  weight: Decimal;
  /** Level derived from the facts. */
  derivedLevel: SealLevel;
  /** Level in force: the override's when there is one, else the derived one. */
  level: SealLevel;
  reasoning: string[];
  sources: ComplianceSource[];
  /** The user's override with its written justification, shown wherever the level appears. */
  override: { level: SealLevel; justification: string } | null;
}

export interface SovereigntyAssessment {
  objectives: ObjectiveAssessment[];
  /**
   * OpenTCO's aggregation, not the framework's: Σ weight × level over SOV-1…SOV-8 with the
   * framework's objective weights, on the 0–4 SEAL scale, exact (no rounding).
   */
  weightedScore: Decimal;
}

interface Derivation {
  level: SealLevel;
  reasoning: string[];
  sources: SourceId[];
}

const INHERENT: SourceId = "self-hosting-inherent";

const CAPABILITY_WORDS: Record<CapabilityValue, string> = {
  yes: "in place",
  no: "not offered",
  "on-request": "on request",
  "to-confirm": "not yet confirmed by you",
  unknown: "not recorded",
  "not-applicable": "not applicable",
};

/** A capability value in words for the reasoning, e.g. "not yet confirmed by you". */
function describeCapability(value: CapabilityValue): string {
  return CAPABILITY_WORDS[value];
}

/** The access law a company in `jurisdiction` is subject to that is foreign to the EU/EEA, or null. */
function findNonEuAccessLaw(jurisdiction: CountryCode): { name: string; source: SourceId } | null {
  return isInEea(jurisdiction) ? null : (FOREIGN_ACCESS_LAWS[jurisdiction] ?? null);
}

/**
 * SOV-1 Strategic: who holds strategic control — you for your own hardware, else the operator's
 * ultimate parent. An EU/EEA operator controlled by a non-EU parent is EU law on paper with non-EU
 * control (capped at 1); one whose parent is not declared is capped at 1 until it is.
 */
function deriveStrategic(deployment: ResolvedDeployment): Derivation {
  const { owner, operator } = deployment;
  const ownerText = describeParty(owner.value);
  const ownerEea = isPartyInEea(owner.value);
  const operatorEea = isPartyInEea(operator.value);
  if (owner.value.kind === "customer") {
    return ownerEea
      ? { level: 4, reasoning: [`owned and controlled by ${ownerText}, in the EU/EEA`], sources: [owner.source] }
      : { level: 0, reasoning: [`strategic control rests with ${ownerText}, outside the EU/EEA`], sources: [owner.source] };
  }
  const operatorText = describeParty(operator.value);
  if (ownerEea === null) {
    return operatorEea === true
      ? { level: 1, reasoning: [`operated by ${operatorText} under EU/EEA law, but its ultimate parent is not declared: capped at 1 until it is`], sources: [operator.source, owner.source] }
      : { level: 0, reasoning: [`who controls the service is not declared: ${ownerText}`], sources: [owner.source] };
  }
  if (ownerEea) return { level: 3, reasoning: [`controlled by ${ownerText}, headquartered in the EU/EEA`], sources: [owner.source] };
  return operatorEea === true
    ? { level: 1, reasoning: [`${operatorText} is established in the EU/EEA but controlled by its ultimate parent ${ownerText}: EU law on paper, non-EU control (capped at 1)`], sources: [operator.source, owner.source] }
    : { level: 0, reasoning: [`strategic control rests with ${ownerText}, outside the EU/EEA`], sources: [owner.source] };
}

/**
 * SOV-2 Legal & jurisdictional, on the control chain (control.ts): any party subject to a non-EU
 * access law — the operator, its ultimate parent or a sub-processor — keeps the level at 1 at most
 * (2 for your own hardware in the EU/EEA, where the operator only has physical access). An
 * undeclared ultimate parent caps the level at 1, an undeclared sub-processor list at 2.
 */
function deriveLegal(deployment: ResolvedDeployment, chain: ControlChain, placesEea: boolean | null, whereText: string): Derivation {
  const { operator, places, owner } = deployment;
  const operatorText = describeParty(operator.value);
  if (operator.value.kind === "undeclared") {
    return { level: 0, reasoning: ["operator not declared: its jurisdiction is unknown"], sources: [operator.source] };
  }
  const exposures = findAccessLawExposures(chain, findNonEuAccessLaw);
  if (exposures.length > 0) {
    const exposed = exposures.map((exposure) => describeExposure(exposure, chain)).join("; ");
    const sources = [...exposures.flatMap((exposure) => [exposure.party.source, exposure.law.source])];
    if (owner.value.kind === "customer" && placesEea === true) {
      return { level: 2, reasoning: [`your hardware and keys in the EU/EEA; ${exposed}, but the operator only has physical access`], sources };
    }
    return placesEea === true
      ? { level: 1, reasoning: [`${whereText} under EU law on paper, but ${exposed}: capped at 1`], sources }
      : { level: 0, reasoning: [`${exposed}, and ${whereText} is not limited to the EU/EEA`], sources };
  }
  const customerOperated = operator.value.kind === "customer";
  let derived: Derivation;
  if (isPartyInEea(operator.value) === true) {
    derived = placesEea === true
      ? { level: customerOperated ? 4 : 3, reasoning: [`operated by ${operatorText} under EU/EEA law, ${whereText}`], sources: [operator.source, places.source] }
      : { level: 2, reasoning: [`EU/EEA operator ${operatorText}, but ${whereText}`], sources: [operator.source, places.source] };
  } else {
    derived = { level: placesEea === true ? 2 : 1, reasoning: [`operator ${operatorText} is outside the EU/EEA; no foreign access law recorded for it; ${whereText}`], sources: [operator.source, places.source] };
  }
  for (const link of chain.undeclared) {
    const cap: SealLevel = link.role === "sub-processors" ? 2 : 1;
    if (derived.level > cap) {
      derived = {
        level: cap,
        reasoning: [...derived.reasoning, `capped at ${cap}: the ${link.role} ${link.role === "sub-processors" ? "are" : "is"} not declared, so exposure to a foreign access law cannot be excluded`],
        sources: [...derived.sources, link.source],
      };
    }
  }
  return derived;
}

function deriveLevels(deployment: ResolvedDeployment): Record<SovereigntyObjectiveId, Derivation> {
  const { entry, owner, operator, places } = deployment;
  const ownerEea = isPartyInEea(owner.value);
  const operatorEea = isPartyInEea(operator.value);
  const placesEea = arePlacesInEea(places.value);
  const customerOwned = owner.value.kind === "customer";
  const customerOperated = operator.value.kind === "customer";
  const chain = listControlChain(deployment);
  const exposures = findAccessLawExposures(chain, findNonEuAccessLaw);
  const controlUnknown = chain.undeclared.find((link) => link.role !== "sub-processors");
  const ownerText = describeParty(owner.value);
  const operatorText = describeParty(operator.value);
  const whereText = `processing in ${describePlaces(places.value)}`;
  const cmk = entry.customerManagedKeys.value;
  const audit = entry.auditRights.value;
  const F: SourceId = "eu-cloud-sovereignty-framework";

  const strategic = deriveStrategic(deployment);
  const legal = deriveLegal(deployment, chain, placesEea, whereText);

  let data: Derivation;
  if (placesEea !== true) {
    data = { level: 0, reasoning: [`${whereText}: not limited to the EU/EEA`], sources: [places.source] };
  } else if (exposures.length > 0 || controlUnknown !== undefined) {
    const why = controlUnknown === undefined ? exposures.map((exposure) => describeExposure(exposure, chain)).join("; ") : `its ${controlUnknown.role} is not declared`;
    data = cmk === "yes"
      ? { level: 2, reasoning: [`${whereText} with customer-managed keys, but ${why}`], sources: [places.source, entry.customerManagedKeys.source] }
      : { level: 1, reasoning: [`${whereText}, but ${why}, and customer-managed keys are ${describeCapability(cmk)}`], sources: [places.source, entry.customerManagedKeys.source] };
  } else if (cmk === "yes") {
    data = customerOwned
      ? { level: 4, reasoning: [`${whereText} on hardware you own, with your keys and the open-weight model you run`], sources: [places.source, entry.customerManagedKeys.source] }
      : { level: 3, reasoning: [`${whereText} with customer-managed keys under an EU/EEA operator`], sources: [places.source, entry.customerManagedKeys.source] };
  } else {
    data = { level: 2, reasoning: [`${whereText} under an EU/EEA operator; customer-managed keys are ${describeCapability(cmk)}`], sources: [places.source, entry.customerManagedKeys.source] };
  }

  const operational: Derivation =
    operatorEea === null
      ? { level: 0, reasoning: [`operator not declared`], sources: [operator.source] }
      : operatorEea && customerOperated
        ? { level: 4, reasoning: [`operated by ${operatorText} yourself in the EU/EEA`], sources: [operator.source] }
        : operatorEea
          ? { level: 3, reasoning: [`operated by ${operatorText}, in the EU/EEA`], sources: [operator.source] }
          : placesEea === true
            ? { level: 1, reasoning: [`${whereText}, but operated by ${operatorText}`], sources: [operator.source, places.source] }
            : { level: 0, reasoning: [`operated by ${operatorText} and ${whereText}`], sources: [operator.source, places.source] };

  const accelerators = "AI accelerators (NVIDIA, AMD) are designed by US companies: a material non-EU dependence caps this objective at 2";
  const supply: Derivation =
    customerOwned && ownerEea === true
      ? { level: 2, reasoning: [`hardware bought and held by ${ownerText}`, accelerators], sources: ["gpu-vendors", owner.source] }
      : operatorEea === true
        ? { level: 1, reasoning: [`EU/EEA operator ${operatorText} on hardware and software supplied from outside the EU`, accelerators], sources: ["gpu-vendors", operator.source] }
        : { level: 0, reasoning: [`the supply chain runs through ${operatorText}`, accelerators], sources: ["gpu-vendors", operator.source] };

  const technology: Derivation =
    entry.kind === "api"
      ? ownerEea === true
        ? { level: 1, reasoning: [`a proprietary API service of ${ownerText}: the model and serving stack cannot be moved`], sources: [owner.source] }
        : { level: 0, reasoning: [`a proprietary API service of ${ownerText}, outside the EU/EEA`], sources: [owner.source] }
      : customerOwned
        ? { level: 3, reasoning: ["open-weight model and serving stack you can move to other hardware; the accelerator software stack is non-EU"], sources: [INHERENT, "gpu-vendors"] }
        : { level: 2, reasoning: ["open-weight model you can move, on rented infrastructure with provider lock-in"], sources: [INHERENT, operator.source] };

  let security: Derivation;
  const auditNote = `audit rights ${describeCapability(audit)}, customer-managed keys ${describeCapability(cmk)}`;
  if (audit === "yes" && cmk === "yes") {
    security = { level: customerOperated && operatorEea === true ? 4 : 3, reasoning: [auditNote], sources: [entry.auditRights.source, entry.customerManagedKeys.source] };
  } else if ([audit, cmk].some((value) => value === "yes" || value === "on-request")) {
    security = { level: 2, reasoning: [auditNote], sources: [entry.auditRights.source, entry.customerManagedKeys.source] };
  } else {
    security = { level: placesEea === true ? 1 : 0, reasoning: [auditNote, whereText], sources: [entry.auditRights.source, places.source] };
  }
  if (operatorEea !== true && security.level > 1) {
    security = { level: 1, reasoning: [...security.reasoning, `capped at 1: the security operation rests with ${operatorText}, outside the EU/EEA or undeclared`], sources: security.sources };
  }

  const environmental: Derivation = {
    level: 0,
    reasoning: ["no environmental disclosure (PUE, energy mix, water) is recorded in the catalogue; override with your evidence"],
    sources: ["not-recorded", F],
  };

  return {
    "SOV-1": strategic,
    "SOV-2": legal,
    "SOV-3": data,
    "SOV-4": operational,
    "SOV-5": supply,
    "SOV-6": technology,
    "SOV-7": security,
    "SOV-8": environmental,
  };
}

/**
 * Σ weight × level on the 0–4 scale, exact: OpenTCO's aggregation of the SEAL levels with the
 * framework's objective weights (the framework itself rates each objective, not a total).
 */
export function computeWeightedSealScore(levels: Record<SovereigntyObjectiveId, SealLevel>): Decimal {
  return SOVEREIGNTY_OBJECTIVES.reduce((sum, objective) => sum.plus(objective.weight.times(levels[objective.id])), new Decimal(0));
}

/**
 * Assesses one deployment on SOV-1…SOV-8 and applies the user's overrides, each kept with its
 * justification next to the level it replaces.
 */
export function assessSovereignty(deployment: ResolvedDeployment, overrides: readonly SovereigntyOverride[]): SovereigntyAssessment {
  const derived = deriveLevels(deployment);
  const objectives = SOVEREIGNTY_OBJECTIVES.map((objective): ObjectiveAssessment => {
    const derivation = derived[objective.id];
    const override = overrides.find((candidate) => candidate.objective === objective.id);
    const uniqueSources = [...new Set<SourceId>([...derivation.sources, "eu-cloud-sovereignty-framework"])];
    return {
      objective: objective.id,
      name: objective.name,
      weight: objective.weight,
      derivedLevel: derivation.level,
      level: override === undefined ? derivation.level : override.level,
      reasoning: derivation.reasoning,
      sources: uniqueSources.map(getComplianceSource),
      override: override === undefined ? null : { level: override.level, justification: override.justification },
    };
  });
  const levels = Object.fromEntries(objectives.map((objective) => [objective.objective, objective.level])) as Record<SovereigntyObjectiveId, SealLevel>;
  return { objectives, weightedScore: computeWeightedSealScore(levels) };
}

/** Blocking reasons for each objective whose level in force is below the profile's minimum. */
export function checkMinimumSeal(
  assessment: SovereigntyAssessment,
  minSeal: Partial<Record<SovereigntyObjectiveId, SealLevel>>,
): ComplianceReason[] {
  return assessment.objectives.flatMap((objective) => {
    const minimum = minSeal[objective.objective];
    if (minimum === undefined || objective.level >= minimum) return [];
    const overridden = objective.override === null ? "" : ` (overridden: ${objective.override.justification})`;
    return [
      createReason(
        `requirements.minSeal.${objective.objective}`,
        "block",
        `${objective.objective} ${objective.name} is at SEAL ${objective.level} (${SEAL_LEVEL_NAMES[objective.level]}), below the required ${minimum}: ${objective.reasoning.join("; ")}${overridden}`,
        "eu-cloud-sovereignty-framework",
      ),
    ];
  });
}
