import { Decimal } from "../decimal.ts";
import { FOREIGN_ACCESS_LAWS } from "./access-laws.ts";
import type { ControlChain } from "./control.ts";
import { describeExposure, findAccessLawExposures, listControlChain } from "./control.ts";
import type { CodeAndParams } from "../messages.ts";
import { createReason, describeExposureText, type ComplianceReason } from "./reasons.ts";
import { createNote, type SovereigntyNote } from "./sovereignty-texts.ts";
import type { CountryCode } from "./jurisdictions.ts";
import { isInEea } from "./jurisdictions.ts";
import type { SealLevel, SovereigntyObjectiveId, SovereigntyOverride } from "./objectives.ts";
import { SEAL_LEVEL_NAMES, SOVEREIGNTY_OBJECTIVES } from "./objectives.ts";
import type { ResolvedDeployment } from "./resolve.ts";
import { arePlacesInEea, describeParty, describePlaces, isPartyInEea } from "./resolve.ts";
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
  /** Why the derived level: one English line each (`notes` holds their codes and parameters, in order). */
  reasoning: string[];
  notes: CodeAndParams<SovereigntyNote>[];
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
  notes: SovereigntyNote[];
  sources: SourceId[];
}

const INHERENT: SourceId = "self-hosting-inherent";

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
      ? { level: 4, notes: [createNote("strategic-own-eea", { owner: ownerText })], sources: [owner.source] }
      : { level: 0, notes: [createNote("strategic-outside-eea", { owner: ownerText })], sources: [owner.source] };
  }
  const operatorText = describeParty(operator.value);
  if (ownerEea === null) {
    return operatorEea === true
      ? { level: 1, notes: [createNote("strategic-parent-undeclared", { operator: operatorText })], sources: [operator.source, owner.source] }
      : { level: 0, notes: [createNote("strategic-control-undeclared", { owner: ownerText })], sources: [owner.source] };
  }
  if (ownerEea) return { level: 3, notes: [createNote("strategic-eea-control", { owner: ownerText })], sources: [owner.source] };
  return operatorEea === true
    ? { level: 1, notes: [createNote("strategic-non-eu-parent", { operator: operatorText, owner: ownerText })], sources: [operator.source, owner.source] }
    : { level: 0, notes: [createNote("strategic-outside-eea", { owner: ownerText })], sources: [owner.source] };
}

/**
 * SOV-2 Legal & jurisdictional, on the control chain (control.ts): any party subject to a non-EU
 * access law — the operator, its ultimate parent or a sub-processor — keeps the level at 1 at most
 * (2 for your own hardware in the EU/EEA, where the operator only has physical access). An
 * undeclared ultimate parent caps the level at 1, an undeclared sub-processor list at 2.
 */
function deriveLegal(deployment: ResolvedDeployment, chain: ControlChain, placesEea: boolean | null, places: string): Derivation {
  const { operator, places: placesFact, owner } = deployment;
  const operatorText = describeParty(operator.value);
  if (operator.value.kind === "undeclared") {
    return { level: 0, notes: [createNote("legal-operator-undeclared", {})], sources: [operator.source] };
  }
  const exposures = findAccessLawExposures(chain, findNonEuAccessLaw);
  if (exposures.length > 0) {
    const exposed = exposures.map((exposure) => describeExposureText(describeExposure(exposure, chain))).join("; ");
    const sources = [...exposures.flatMap((exposure) => [exposure.party.source, exposure.law.source])];
    if (owner.value.kind === "customer" && placesEea === true) {
      return { level: 2, notes: [createNote("legal-exposed-own-hardware", { exposures: exposed })], sources };
    }
    return placesEea === true
      ? { level: 1, notes: [createNote("legal-exposed-in-eea", { places, exposures: exposed })], sources }
      : { level: 0, notes: [createNote("legal-exposed", { places, exposures: exposed })], sources };
  }
  const customerOperated = operator.value.kind === "customer";
  let derived: Derivation;
  if (isPartyInEea(operator.value) === true) {
    derived = placesEea === true
      ? { level: customerOperated ? 4 : 3, notes: [createNote("legal-eea-operator", { operator: operatorText, places })], sources: [operator.source, placesFact.source] }
      : { level: 2, notes: [createNote("legal-eea-operator-elsewhere", { operator: operatorText, places })], sources: [operator.source, placesFact.source] };
  } else {
    derived = { level: placesEea === true ? 2 : 1, notes: [createNote("legal-non-eu-operator", { operator: operatorText, places })], sources: [operator.source, placesFact.source] };
  }
  for (const link of chain.undeclared) {
    const cap: SealLevel = link.role === "sub-processors" ? 2 : 1;
    if (derived.level > cap) {
      derived = {
        level: cap,
        notes: [...derived.notes, createNote("legal-capped-undeclared", { cap, role: link.role })],
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
  const where = describePlaces(places.value);
  const cmk = entry.customerManagedKeys.value;
  const audit = entry.auditRights.value;
  const F: SourceId = "eu-cloud-sovereignty-framework";

  const strategic = deriveStrategic(deployment);
  const legal = deriveLegal(deployment, chain, placesEea, where);

  let data: Derivation;
  if (placesEea !== true) {
    data = { level: 0, notes: [createNote("data-outside-eea", { places: where })], sources: [places.source] };
  } else if (exposures.length > 0 || controlUnknown !== undefined) {
    const doubt =
      controlUnknown === undefined
        ? { exposures: exposures.map((exposure) => describeExposureText(describeExposure(exposure, chain))).join("; "), undeclared: "" }
        : { exposures: "", undeclared: controlUnknown.role };
    data = cmk === "yes"
      ? { level: 2, notes: [createNote("data-in-doubt-with-keys", { places: where, ...doubt })], sources: [places.source, entry.customerManagedKeys.source] }
      : { level: 1, notes: [createNote("data-in-doubt", { places: where, ...doubt, keys: cmk })], sources: [places.source, entry.customerManagedKeys.source] };
  } else if (cmk === "yes") {
    data = customerOwned
      ? { level: 4, notes: [createNote("data-own-hardware", { places: where })], sources: [places.source, entry.customerManagedKeys.source] }
      : { level: 3, notes: [createNote("data-keys-eea-operator", { places: where })], sources: [places.source, entry.customerManagedKeys.source] };
  } else {
    data = { level: 2, notes: [createNote("data-eea-operator", { places: where, keys: cmk })], sources: [places.source, entry.customerManagedKeys.source] };
  }

  const operational: Derivation =
    operatorEea === null
      ? { level: 0, notes: [createNote("operational-undeclared", {})], sources: [operator.source] }
      : operatorEea && customerOperated
        ? { level: 4, notes: [createNote("operational-self-eea", { operator: operatorText })], sources: [operator.source] }
        : operatorEea
          ? { level: 3, notes: [createNote("operational-eea", { operator: operatorText })], sources: [operator.source] }
          : placesEea === true
            ? { level: 1, notes: [createNote("operational-non-eu-operator", { places: where, operator: operatorText })], sources: [operator.source, places.source] }
            : { level: 0, notes: [createNote("operational-outside", { places: where, operator: operatorText })], sources: [operator.source, places.source] };

  const accelerators = createNote("supply-accelerators", {});
  const supply: Derivation =
    customerOwned && ownerEea === true
      ? { level: 2, notes: [createNote("supply-own-hardware", { owner: ownerText }), accelerators], sources: ["gpu-vendors", owner.source] }
      : operatorEea === true
        ? { level: 1, notes: [createNote("supply-eea-operator", { operator: operatorText }), accelerators], sources: ["gpu-vendors", operator.source] }
        : { level: 0, notes: [createNote("supply-chain", { operator: operatorText }), accelerators], sources: ["gpu-vendors", operator.source] };

  const technology: Derivation =
    entry.kind === "api"
      ? ownerEea === true
        ? { level: 1, notes: [createNote("technology-api-eea", { owner: ownerText })], sources: [owner.source] }
        : { level: 0, notes: [createNote("technology-api", { owner: ownerText })], sources: [owner.source] }
      : customerOwned
        ? { level: 3, notes: [createNote("technology-own-open-weight", {})], sources: [INHERENT, "gpu-vendors"] }
        : { level: 2, notes: [createNote("technology-rented-open-weight", {})], sources: [INHERENT, operator.source] };

  let security: Derivation;
  const auditNote = createNote("security-controls", { audit, keys: cmk });
  if (audit === "yes" && cmk === "yes") {
    security = { level: customerOperated && operatorEea === true ? 4 : 3, notes: [auditNote], sources: [entry.auditRights.source, entry.customerManagedKeys.source] };
  } else if ([audit, cmk].some((value) => value === "yes" || value === "on-request")) {
    security = { level: 2, notes: [auditNote], sources: [entry.auditRights.source, entry.customerManagedKeys.source] };
  } else {
    security = { level: placesEea === true ? 1 : 0, notes: [auditNote, createNote("security-places", { places: where })], sources: [entry.auditRights.source, places.source] };
  }
  if (operatorEea !== true && security.level > 1) {
    security = { level: 1, notes: [...security.notes, createNote("security-capped", { operator: operatorText })], sources: security.sources };
  }

  const environmental: Derivation = {
    level: 0,
    notes: [createNote("environmental-unrecorded", {})],
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
      reasoning: derivation.notes.map((note) => note.message),
      notes: derivation.notes.map(({ code, params }) => ({ code, params }) as CodeAndParams<SovereigntyNote>),
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
    const params = {
      objective: objective.objective,
      name: objective.name,
      level: objective.level,
      levelName: SEAL_LEVEL_NAMES[objective.level],
      minimum,
      reasoning: objective.reasoning.join("; "),
      override: objective.override?.justification ?? "",
    };
    return [createReason(`requirements.minSeal.${objective.objective}`, "block", "seal-below-minimum", params, "eu-cloud-sovereignty-framework")];
  });
}
