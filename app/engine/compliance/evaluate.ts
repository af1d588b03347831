import type { Decimal } from "../decimal.ts";
import { findForeignAccessLaw } from "./access-laws.ts";
import { checkCapability } from "./capability-check.ts";
import type { DeploymentKind } from "./deployment-capabilities.ts";
import { describeExposure, findAccessLawExposures, listControlChain } from "./control.ts";
import type { ResidencyPremium, SuggestedOverhead } from "./costs.ts";
import { getResidencyPremium, listSuggestedOverheads } from "./costs.ts";
import type { DeploymentRef } from "./deployment.ts";
import { listCountriesOf, REGION_MEMBERS } from "./jurisdictions.ts";
import type { ComplianceProfile } from "./profile.ts";
import { CAPABILITY_REQUIREMENTS } from "./profile.ts";
import { checkRegime } from "./regimes.ts";
import { createReason, type ComplianceReason } from "./reasons.ts";
import type { ResolvedDeployment } from "./resolve.ts";
import { describeParty, describePlaces, getPartyJurisdiction, isPlaceWithin, resolveDeployment } from "./resolve.ts";
import type { SovereigntyAssessment } from "./sovereignty.ts";
import { assessSovereignty, checkMinimumSeal } from "./sovereignty.ts";
import type { ComplianceSource } from "./sources.ts";
import { getComplianceSource } from "./sources.ts";

/**
 * Evaluation of one option's deployment against a profile. Every requirement is checked on its
 * own, so the reasons of a stricter profile are a superset of a looser one's and the verdict can
 * only get worse as requirements are added:
 * - blocked: at least one reason of severity "block";
 * - compliant-with-conditions: no block, at least one "condition" (on-request capabilities to
 *   obtain, unknown facts to verify, duties to discharge);
 * - compliant: only "info" reasons or none.
 */
export type Verdict = "compliant" | "compliant-with-conditions" | "blocked";

export interface DeploymentComplianceResult {
  catalogId: string;
  label: string;
  kind: DeploymentKind;
  verdict: Verdict;
  reasons: ComplianceReason[];
  sovereignty: SovereigntyAssessment & { meetsMinimum: boolean };
  residencyPremium: ResidencyPremium;
  suggestedOverheads: SuggestedOverhead[];
  /** Every source a fact or rule in this result came from, once each. */
  sourcesUsed: ComplianceSource[];
}

const VERDICT_RANK: Record<Verdict, number> = { compliant: 0, "compliant-with-conditions": 1, blocked: 2 };

/** Verdict ordering: a higher rank is worse. */
export function rankVerdict(verdict: Verdict): number {
  return VERDICT_RANK[verdict];
}

/** The verdict that reasons of these severities give. */
export function decideVerdict(reasons: readonly ComplianceReason[]): Verdict {
  if (reasons.some((reason) => reason.severity === "block")) return "blocked";
  if (reasons.some((reason) => reason.severity === "condition")) return "compliant-with-conditions";
  return "compliant";
}

/** The worst of several verdicts (a hybrid option is only as compliant as its weakest part). */
export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, verdict) => (rankVerdict(verdict) > rankVerdict(worst) ? verdict : worst), "compliant");
}

function checkProcessing(profile: ComplianceProfile, deployment: ResolvedDeployment): ComplianceReason[] {
  const constraint = profile.processing;
  const { entry, places } = deployment;
  const requirement = "processing";
  switch (constraint.kind) {
    case "any":
      return [];
    case "on-premises":
      return entry.onPremises ? [] : [createReason(requirement, "block", "processing-off-premises", { deployment: entry.label }, entry.processing.source)];
    case "air-gapped":
      return entry.onPremises && entry.kind === "self-hosted-owned"
        ? []
        : [createReason(requirement, "block", "processing-not-air-gapped", { deployment: entry.label, reach: entry.kind === "api" ? "network" : "off-premises" }, entry.processing.source)];
    case "region":
    case "country": {
      const allowed = constraint.kind === "region" ? REGION_MEMBERS[constraint.region] : listCountriesOf(constraint.country);
      const target = { deployment: entry.label, ...(constraint.kind === "region" ? { scope: "region" as const, place: constraint.region } : { scope: "country" as const, place: constraint.country }) };
      const value = places.value;
      if (value.kind === "global") return [createReason(requirement, "block", "processing-anywhere", target, places.source)];
      if (value.kind === "unknown") return [createReason(requirement, "condition", "processing-location-unknown", target, places.source)];
      const outside = value.places.filter((place) => !isPlaceWithin(place, allowed));
      if (outside.length > 0) return [createReason(requirement, "block", "processing-outside", { ...target, places: outside.join(", ") }, places.source)];
      if (!value.guaranteed) {
        return [createReason(requirement, "condition", "residency-not-guaranteed", { places: describePlaces(value), guarantee: value.guaranteeNote ?? "" }, entry.processing.source)];
      }
      return [];
    }
  }
}

function checkRequirements(profile: ComplianceProfile, deployment: ResolvedDeployment): ComplianceReason[] {
  const { entry } = deployment;
  return CAPABILITY_REQUIREMENTS.flatMap(({ key, capability }) =>
    profile.requirements[key] ? checkCapability(`requirements.${key}`, capability, entry.provider, entry[key], "verify") : [],
  );
}

/**
 * No foreign access law, judged on control (control.ts): each party of the chain — the operator,
 * the ultimate parent that controls it, the sub-processors that handle the data — subject to a law
 * foreign to the customer gives a reason. It blocks where that party holds or processes the data;
 * for owned hardware in a colocation it is a condition (the operator has physical access only).
 * An undeclared link (operator, ultimate parent, sub-processor list) is a condition to verify, never
 * a pass; it is not asked for once a declared party already blocks, as it cannot change the
 * verdict. Each reason cites the fact it rests on, and the access law as its rule source.
 */
function checkForeignAccess(profile: ComplianceProfile, deployment: ResolvedDeployment): ComplianceReason[] {
  if (!profile.requirements.noForeignAccessLaw) return [];
  const requirement = "requirements.noForeignAccessLaw";
  const chain = listControlChain(deployment);
  const home = profile.data.companyJurisdiction;
  const physicalAccessOnly = deployment.entry.kind === "self-hosted-owned";
  const reasons = findAccessLawExposures(chain, (jurisdiction) => findForeignAccessLaw(jurisdiction, home)).map((exposure): ComplianceReason => {
    const reason = physicalAccessOnly
      ? createReason(requirement, "condition", "foreign-access-physical", describeExposure(exposure, chain), exposure.party.source)
      : createReason(requirement, "block", "foreign-access", describeExposure(exposure, chain), exposure.party.source);
    return { ...reason, ruleSource: getComplianceSource(exposure.law.source) };
  });
  if (reasons.some((reason) => reason.severity === "block")) return reasons;
  const verify = chain.undeclared.map((link) =>
    createReason(requirement, "condition", "foreign-access-undeclared", { declare: link.declare, note: link.note ?? "" }, link.source),
  );
  return [...reasons, ...verify];
}

function checkDataClasses(profile: ComplianceProfile, deployment: ResolvedDeployment): ComplianceReason[] {
  if (!profile.data.classes.includes("export-controlled")) return [];
  const home = profile.data.companyJurisdiction;
  const requirement = "data.classes.export-controlled";
  const reasons: ComplianceReason[] = [];
  const value = deployment.places.value;
  const staysHome = value.kind === "within" && value.places.every((place) => isPlaceWithin(place, [home]));
  if (!staysHome) {
    reasons.push(createReason(requirement, "condition", "export-outside-home", { places: describePlaces(value), home }, "statute-text"));
  }
  const operatorJurisdiction = getPartyJurisdiction(deployment.operator.value);
  if (operatorJurisdiction !== home) {
    reasons.push(createReason(requirement, "condition", "export-foreign-operator", { operator: describeParty(deployment.operator.value), home }, "statute-text"));
  }
  return reasons;
}

/**
 * Evaluates one deployment against a profile: verdict, every reason (with the requirement it
 * comes from and its source), the sovereignty assessment with overrides, the residency premium
 * from the catalogue, and the overhead lines the profile calls for. Pure: same input, same output.
 */
export function evaluateDeployment(profile: ComplianceProfile, ref: DeploymentRef): DeploymentComplianceResult {
  const deployment = resolveDeployment(ref, profile.data.companyJurisdiction);
  const sovereignty = assessSovereignty(deployment, ref.sovereigntyOverrides);
  const sealReasons = checkMinimumSeal(sovereignty, profile.requirements.minSeal);
  const reasons = [
    ...checkProcessing(profile, deployment),
    ...checkRequirements(profile, deployment),
    ...checkForeignAccess(profile, deployment),
    ...checkDataClasses(profile, deployment),
    ...profile.regimes.flatMap((regime) => checkRegime(regime, { profile, deployment })),
    ...sealReasons,
  ];
  const residencyPremium = getResidencyPremium(deployment.entry);
  const sources = new Map<string, ComplianceSource>();
  for (const source of [
    ...reasons.flatMap((reason) => (reason.ruleSource === undefined ? [reason.source] : [reason.source, reason.ruleSource])),
    ...sovereignty.objectives.flatMap((objective) => objective.sources),
    ...(residencyPremium.kind === "not-applicable" ? [] : [residencyPremium.source]),
  ]) {
    sources.set(source.id, source);
  }
  return {
    catalogId: deployment.entry.id,
    label: deployment.entry.label,
    kind: deployment.entry.kind,
    verdict: decideVerdict(reasons),
    reasons,
    sovereignty: { ...sovereignty, meetsMinimum: sealReasons.length === 0 },
    residencyPremium,
    suggestedOverheads: listSuggestedOverheads(profile, deployment),
    sourcesUsed: [...sources.values()],
  };
}

/**
 * The cheapest option that is not blocked, or null. `total` is any comparable cost (e.g. the
 * horizon's cash total) in one currency; ties keep the first in input order.
 */
export function findCheapestCompliant<T extends { verdict: Verdict; total: Decimal }>(options: readonly T[]): T | null {
  let best: T | null = null;
  for (const option of options) {
    if (option.verdict === "blocked") continue;
    if (best === null || option.total.lt(best.total)) best = option;
  }
  return best;
}
