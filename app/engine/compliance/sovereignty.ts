import { Decimal } from "../decimal.ts";
import { FOREIGN_ACCESS_LAWS } from "./access-laws.ts";
import { isInEea } from "./jurisdictions.ts";
import type { SealLevel, SovereigntyObjectiveId, SovereigntyOverride } from "./objectives.ts";
import { SEAL_LEVEL_NAMES, SOVEREIGNTY_OBJECTIVES } from "./objectives.ts";
import type { ComplianceReason, ResolvedDeployment } from "./resolve.ts";
import { arePlacesInEea, createReason, describeParty, describePlaces, getPartyJurisdiction, isPartyInEea } from "./resolve.ts";
import type { ComplianceSource, SourceId } from "./sources.ts";
import { getComplianceSource } from "./sources.ts";

/**
 * Sovereignty assessment on the EU Cloud Sovereignty Framework (v1.2.1). Levels are derived from
 * catalogue facts by the rules below — OpenTCO's reasoned opinion, not an official rating — and
 * every level carries its reasoning. A fact that is unknown never raises a level.
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
  /** Σ weight × level over SOV-1…SOV-8, on the 0–4 SEAL scale, exact (no rounding). */
  weightedScore: Decimal;
}

interface Derivation {
  level: SealLevel;
  reasoning: string[];
  sources: SourceId[];
}

/** The non-EU access law a party is subject to (EU perspective), "undeclared", or null. */
function findNonEuAccessLaw(deployment: ResolvedDeployment): string | "undeclared" | null {
  const jurisdiction = getPartyJurisdiction(deployment.operator.value);
  if (jurisdiction === null) return "undeclared";
  if (isInEea(jurisdiction)) return null;
  return FOREIGN_ACCESS_LAWS[jurisdiction]?.name ?? null;
}

function deriveLevels(deployment: ResolvedDeployment): Record<SovereigntyObjectiveId, Derivation> {
  const { entry, owner, operator, places } = deployment;
  const ownerEea = isPartyInEea(owner.value);
  const operatorEea = isPartyInEea(operator.value);
  const placesEea = arePlacesInEea(places.value);
  const customerOwned = owner.value.kind === "customer";
  const customerOperated = operator.value.kind === "customer";
  const accessLaw = findNonEuAccessLaw(deployment);
  const ownerText = describeParty(owner.value);
  const operatorText = describeParty(operator.value);
  const whereText = `processing in ${describePlaces(places.value)}`;
  const cmk = entry.customerManagedKeys.value;
  const audit = entry.auditRights.value;
  const F: SourceId = "ref-sovereignty-framework";

  const strategic: Derivation =
    ownerEea === null
      ? { level: 0, reasoning: [`owner not declared: ${ownerText}`], sources: [owner.source] }
      : customerOwned && ownerEea
        ? { level: 4, reasoning: [`owned and controlled by ${ownerText}, in the EU/EEA`], sources: [owner.source] }
        : ownerEea
          ? { level: 3, reasoning: [`owned by ${ownerText}, headquartered in the EU/EEA`], sources: [owner.source] }
          : { level: 0, reasoning: [`strategic control rests with ${ownerText}, outside the EU/EEA`], sources: [owner.source] };

  let legal: Derivation;
  if (accessLaw === "undeclared") {
    legal = { level: 0, reasoning: [`operator not declared: its jurisdiction is unknown`], sources: [operator.source] };
  } else if (accessLaw !== null && customerOwned && placesEea === true) {
    legal = { level: 2, reasoning: [`your hardware and keys in the EU/EEA; the operator ${operatorText} is subject to the ${accessLaw} but only has physical access`], sources: [operator.source, "ref-regimes-2026"] };
  } else if (accessLaw !== null) {
    legal = placesEea === true
      ? { level: 1, reasoning: [`${whereText} under EU law on paper, but ${operatorText} is subject to the ${accessLaw}`], sources: [operator.source, "ref-regimes-2026"] }
      : { level: 0, reasoning: [`${operatorText} is subject to the ${accessLaw} and ${whereText} is not limited to the EU/EEA`], sources: [operator.source, "ref-regimes-2026"] };
  } else if (operatorEea === true) {
    legal = placesEea === true
      ? { level: customerOperated ? 4 : 3, reasoning: [`operated by ${operatorText} under EU/EEA law, ${whereText}`], sources: [operator.source, places.source] }
      : { level: 2, reasoning: [`EU/EEA operator ${operatorText}, but ${whereText}`], sources: [operator.source, places.source] };
  } else {
    legal = { level: placesEea === true ? 2 : 1, reasoning: [`operator ${operatorText} is outside the EU/EEA; no foreign access law recorded for it; ${whereText}`], sources: [operator.source, places.source] };
  }

  let data: Derivation;
  if (placesEea !== true) {
    data = { level: 0, reasoning: [`${whereText}: not limited to the EU/EEA`], sources: [places.source] };
  } else if (accessLaw !== null) {
    const why = accessLaw === "undeclared" ? "the operator is not declared" : `${operatorText} is subject to the ${accessLaw}`;
    data = cmk === "yes"
      ? { level: 2, reasoning: [`${whereText} with customer-managed keys, but ${why}`], sources: [places.source, entry.customerManagedKeys.source] }
      : { level: 1, reasoning: [`${whereText}, but ${why} and customer-managed keys are ${cmk}`], sources: [places.source, entry.customerManagedKeys.source] };
  } else if (cmk === "yes") {
    data = customerOwned
      ? { level: 4, reasoning: [`${whereText} on hardware you own, with your keys and the open-weight model you run`], sources: [places.source, entry.customerManagedKeys.source] }
      : { level: 3, reasoning: [`${whereText} with customer-managed keys under an EU/EEA operator`], sources: [places.source, entry.customerManagedKeys.source] };
  } else {
    data = { level: 2, reasoning: [`${whereText} under an EU/EEA operator; customer-managed keys are ${cmk}`], sources: [places.source, entry.customerManagedKeys.source] };
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
      ? { level: 2, reasoning: [`hardware bought and held by ${ownerText}`, accelerators], sources: ["ref-gpus-2026", owner.source] }
      : operatorEea === true
        ? { level: 1, reasoning: [`EU/EEA operator ${operatorText} on hardware and software supplied from outside the EU`, accelerators], sources: ["ref-gpus-2026", operator.source] }
        : { level: 0, reasoning: [`the supply chain runs through ${operatorText}`, accelerators], sources: ["ref-gpus-2026", operator.source] };

  const technology: Derivation =
    entry.kind === "api"
      ? ownerEea === true
        ? { level: 1, reasoning: [`a proprietary API service of ${ownerText}: the model and serving stack cannot be moved`], sources: [owner.source] }
        : { level: 0, reasoning: [`a proprietary API service of ${ownerText}, outside the EU/EEA`], sources: [owner.source] }
      : customerOwned
        ? { level: 3, reasoning: ["open-weight model and serving stack you can move to other hardware; the accelerator software stack is non-EU"], sources: ["ref-residency-2026", "ref-gpus-2026"] }
        : { level: 2, reasoning: ["open-weight model you can move, on rented infrastructure with provider lock-in"], sources: ["ref-residency-2026", operator.source] };

  let security: Derivation;
  const auditNote = `audit rights ${audit}, customer-managed keys ${cmk}`;
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

/** Σ weight × level, exact: the framework's weighted score on the 0–4 scale. */
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
    const uniqueSources = [...new Set<SourceId>([...derivation.sources, "ref-sovereignty-framework"])];
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
        "ref-sovereignty-framework",
      ),
    ];
  });
}
