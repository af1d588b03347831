import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../app/engine/decimal.ts";
import {
  assessSovereignty,
  ComplianceProfileSchema,
  computeWeightedSealScore,
  DATA_CLASSES,
  DECLARABLE_CAPABILITIES,
  DEPLOYMENT_CAPABILITIES,
  DeploymentRefSchema,
  evaluateDeployment,
  getResidencyPremium,
  rankVerdict,
  SOVEREIGNTY_OBJECTIVES,
  type ComplianceProfileInput,
  type DeploymentRefInput,
  type SealLevel,
  type SovereigntyObjectiveId,
} from "../../../app/engine/compliance/index.ts";
import { findForeignAccessLaw, FOREIGN_ACCESS_LAWS } from "../../../app/engine/compliance/access-laws.ts";
import { listControlChain } from "../../../app/engine/compliance/control.ts";
import { isInEea } from "../../../app/engine/compliance/jurisdictions.ts";
import { resolveDeployment } from "../../../app/engine/compliance/resolve.ts";
import { SAMPLE_LOCATIONS } from "./fixtures.ts";

/** Runs for the cheap properties; the evaluation-heavy ones use HEAVY_RUNS to keep the suite fast on 2 cores. */
const RUNS = 2000;
const HEAVY_RUNS = 1000;
/** Generous per-test timeout: the machine is shared, and a property's time is its runs, not a hang. */
const TIMEOUT_MS = 60_000;

type RegimeInput = NonNullable<ComplianceProfileInput["regimes"]>[number];
const ALL_REGIMES: RegimeInput[] = [
  { id: "gdpr" },
  { id: "uk-gdpr" },
  { id: "eu-ai-act", riskClass: "minimal" },
  { id: "eu-ai-act", riskClass: "limited" },
  { id: "eu-ai-act", riskClass: "high" },
  { id: "eu-ai-act", riskClass: "prohibited" },
  { id: "hipaa" },
  { id: "dora" },
  { id: "nis2" },
  { id: "fedramp", level: "low" },
  { id: "fedramp", level: "moderate" },
  { id: "fedramp", level: "high" },
  { id: "pci-dss" },
  { id: "china-pipl" },
];
const FLAGS = ["zeroDataRetention", "noTrainingOnCustomerData", "baa", "customerManagedKeys", "auditRights", "noForeignAccessLaw"] as const;
const OBJECTIVE_IDS = SOVEREIGNTY_OBJECTIVES.map((objective) => objective.id);

const levelArb = fc.constantFrom<SealLevel>(0, 1, 2, 3, 4);
const minSealArb = fc.record(
  Object.fromEntries(OBJECTIVE_IDS.map((id) => [id, levelArb])) as Record<SovereigntyObjectiveId, fc.Arbitrary<SealLevel>>,
  { requiredKeys: [] },
);

const processingArb: fc.Arbitrary<ComplianceProfileInput["processing"]> = fc.oneof(
  fc.constant({ kind: "any" as const }),
  fc.constantFrom("EU", "EEA", "US", "UK").map((region) => ({ kind: "region" as const, region })),
  fc.constantFrom(...SAMPLE_LOCATIONS).map((country) => ({ kind: "country" as const, country })),
  fc.constant({ kind: "on-premises" as const }),
  fc.constant({ kind: "air-gapped" as const }),
);

const profileArb: fc.Arbitrary<ComplianceProfileInput> = fc.record({
  data: fc.record({
    classes: fc.subarray([...DATA_CLASSES], { minLength: 1 }),
    subjectJurisdictions: fc.subarray(["EU", "US", "GB", "CN", "JP"]),
    companyJurisdiction: fc.constantFrom(...SAMPLE_LOCATIONS),
  }),
  processing: processingArb,
  regimes: fc.uniqueArray(fc.constantFrom(...ALL_REGIMES), { selector: (regime) => regime.id, maxLength: 5 }),
  requirements: fc.record({
    zeroDataRetention: fc.boolean(),
    noTrainingOnCustomerData: fc.boolean(),
    baa: fc.boolean(),
    customerManagedKeys: fc.boolean(),
    auditRights: fc.boolean(),
    noForeignAccessLaw: fc.boolean(),
    minSeal: minSealArb,
  }),
});

const justificationArb = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim().length > 0);

const deploymentArb: fc.Arbitrary<DeploymentRefInput> = fc
  .record({
    entry: fc.constantFrom(...DEPLOYMENT_CAPABILITIES),
    location: fc.constantFrom(...SAMPLE_LOCATIONS),
    operator: fc.option(
      fc.record(
        {
          name: fc.constant("Operator Ltd"),
          jurisdiction: fc.constantFrom(...SAMPLE_LOCATIONS),
          ultimateParent: fc.record({ name: fc.constant("Parent Corp"), jurisdiction: fc.constantFrom(...SAMPLE_LOCATIONS) }),
        },
        { requiredKeys: ["name", "jurisdiction"] },
      ),
      { nil: undefined },
    ),
    subProcessors: fc.option(fc.array(fc.record({ name: fc.constant("Sub Ltd"), jurisdiction: fc.constantFrom(...SAMPLE_LOCATIONS) }), { maxLength: 2 }), { nil: undefined }),
    declaredFacts: fc.uniqueArray(
      fc.record({
        capability: fc.constantFrom(...DECLARABLE_CAPABILITIES),
        value: fc.constantFrom("yes" as const, "no" as const, "on-request" as const, "not-applicable" as const),
        evidence: fc.constant("contract on file"),
      }),
      { selector: (fact) => fact.capability, maxLength: 3 },
    ),
    overrides: fc.uniqueArray(fc.record({ objective: fc.constantFrom(...OBJECTIVE_IDS), level: levelArb, justification: justificationArb }), {
      selector: (override) => override.objective,
      maxLength: 3,
    }),
  })
  .map(({ entry, location, operator, subProcessors, declaredFacts, overrides }) => ({
    catalogId: entry.id,
    ...(entry.processing.value.kind === "customer-chosen" ? { location } : {}),
    ...(entry.parent.value.kind === "declared-operator" && operator !== undefined ? { operator } : {}),
    ...(entry.subProcessors.value.kind !== "not-applicable" && subProcessors !== undefined ? { subProcessors } : {}),
    declaredFacts,
    sovereigntyOverrides: overrides,
  }));

/** One way to add a requirement to a profile; each returns the stricter profile input. */
type Tightening = (profile: ComplianceProfileInput) => ComplianceProfileInput;
const tighteningArb: fc.Arbitrary<Tightening> = fc.oneof(
  fc.constantFrom(...FLAGS).map((flag): Tightening => (profile) => ({ ...profile, requirements: { ...profile.requirements, [flag]: true } })),
  fc.constantFrom(...ALL_REGIMES).map((regime): Tightening => (profile) => {
    const regimes = profile.regimes ?? [];
    return regimes.some((existing) => existing.id === regime.id) ? profile : { ...profile, regimes: [...regimes, regime] };
  }),
  fc.tuple(fc.constantFrom(...OBJECTIVE_IDS), levelArb).map(([objective, level]): Tightening => (profile) => {
    const minSeal = { ...(profile.requirements?.minSeal ?? {}) };
    minSeal[objective] = Math.max(minSeal[objective] ?? 0, level) as SealLevel;
    return { ...profile, requirements: { ...profile.requirements, minSeal } };
  }),
  fc.constantFrom(...DATA_CLASSES).map((dataClass): Tightening => (profile) =>
    profile.data.classes.includes(dataClass) ? profile : { ...profile, data: { ...profile.data, classes: [...profile.data.classes, dataClass] } },
  ),
  processingArb.map((processing): Tightening => (profile) => (profile.processing.kind === "any" ? { ...profile, processing } : profile)),
);

describe("compliance properties", { timeout: TIMEOUT_MS }, () => {
  it("adding a requirement never makes the verdict better, and keeps every blocking requirement", () => {
    fc.assert(
      fc.property(profileArb, tighteningArb, deploymentArb, (input, tighten, refInput) => {
        const ref = DeploymentRefSchema.parse(refInput);
        const loose = evaluateDeployment(ComplianceProfileSchema.parse(input), ref);
        const strict = evaluateDeployment(ComplianceProfileSchema.parse(tighten(input)), ref);
        expect(rankVerdict(strict.verdict)).toBeGreaterThanOrEqual(rankVerdict(loose.verdict));
        const strictBlocks = new Set(strict.reasons.filter((r) => r.severity === "block").map((r) => r.requirement));
        for (const reason of loose.reasons.filter((r) => r.severity === "block")) {
          expect(strictBlocks).toContain(reason.requirement);
        }
      }),
      { numRuns: HEAVY_RUNS },
    );
  });

  it("every reason names a profile item and a dated source; the verdict follows the worst severity", () => {
    fc.assert(
      fc.property(profileArb, deploymentArb, (input, refInput) => {
        const result = evaluateDeployment(ComplianceProfileSchema.parse(input), DeploymentRefSchema.parse(refInput));
        for (const reason of result.reasons) {
          expect(reason.requirement).toMatch(/^(processing|requirements\.|regimes|data\.classes\.)/);
          expect(reason.source.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(reason.message.length).toBeGreaterThan(0);
        }
        const severities = new Set(result.reasons.map((reason) => reason.severity));
        const expected = severities.has("block") ? "blocked" : severities.has("condition") ? "compliant-with-conditions" : "compliant";
        expect(result.verdict).toBe(expected);
      }),
      { numRuns: HEAVY_RUNS },
    );
  });

  it("control: an undeclared link is never a pass, and a party under a foreign access law never leaves the requirement met", () => {
    fc.assert(
      fc.property(profileArb, deploymentArb, (input, refInput) => {
        const profile = ComplianceProfileSchema.parse({ ...input, requirements: { ...input.requirements, noForeignAccessLaw: true } });
        const ref = DeploymentRefSchema.parse(refInput);
        const deployment = resolveDeployment(ref, profile.data.companyJurisdiction);
        const chain = listControlChain(deployment);
        const exposed = chain.parties.some((party) => findForeignAccessLaw(party.company.jurisdiction, profile.data.companyJurisdiction) !== null);
        const reasons = evaluateDeployment(profile, ref).reasons.filter((reason) => reason.requirement === "requirements.noForeignAccessLaw");
        if (chain.undeclared.length > 0 || exposed) expect(reasons.length).toBeGreaterThan(0);
        if (exposed && deployment.entry.kind !== "self-hosted-owned") expect(reasons.some((reason) => reason.severity === "block")).toBe(true);
        // SEAL: a non-EU ultimate parent of an EU/EEA operator keeps SOV-1 and SOV-2 at 1 at most.
        const parent = deployment.ultimateParent.value;
        const operator = deployment.operator.value;
        if (deployment.entry.kind !== "self-hosted-owned" && parent.kind === "company" && operator.kind === "company" && !isInEea(parent.jurisdiction) && FOREIGN_ACCESS_LAWS[parent.jurisdiction] !== undefined) {
          const levels = assessSovereignty(deployment, []).objectives.map((objective) => objective.derivedLevel);
          expect(levels[0]).toBeLessThanOrEqual(1);
          expect(levels[1]).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: HEAVY_RUNS },
    );
  });

  it("same input, same output", () => {
    fc.assert(
      fc.property(profileArb, deploymentArb, (input, refInput) => {
        const profile = ComplianceProfileSchema.parse(input);
        const ref = DeploymentRefSchema.parse(refInput);
        expect(evaluateDeployment(profile, ref)).toEqual(evaluateDeployment(profile, ref));
      }),
      { numRuns: 500 },
    );
  });

  it("the weighted score equals the weights applied to the levels, exactly", () => {
    const percent: Record<SovereigntyObjectiveId, number> = { "SOV-1": 15, "SOV-2": 10, "SOV-3": 10, "SOV-4": 15, "SOV-5": 20, "SOV-6": 15, "SOV-7": 10, "SOV-8": 5 };
    fc.assert(
      fc.property(fc.tuple(...OBJECTIVE_IDS.map(() => levelArb)), (levels) => {
        const record = Object.fromEntries(OBJECTIVE_IDS.map((id, index) => [id, levels[index]])) as Record<SovereigntyObjectiveId, SealLevel>;
        // Integer arithmetic in percent points, then one exact division: independent of the Decimal sum.
        const points = OBJECTIVE_IDS.reduce((sum, id) => sum + percent[id] * record[id], 0);
        expect(computeWeightedSealScore(record).eq(new Decimal(points).div(100))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("an assessment's score is the weights applied to its levels in force, and overrides set exactly their levels", () => {
    fc.assert(
      fc.property(deploymentArb, fc.constantFrom(...SAMPLE_LOCATIONS), (refInput, company) => {
        const ref = DeploymentRefSchema.parse(refInput);
        const assessment = assessSovereignty(resolveDeployment(ref, company), ref.sovereigntyOverrides);
        const sum = assessment.objectives.reduce((total, objective) => total.plus(objective.weight.times(objective.level)), new Decimal(0));
        expect(assessment.weightedScore.eq(sum)).toBe(true);
        expect(assessment.weightedScore.gte(0) && assessment.weightedScore.lte(4)).toBe(true);
        for (const objective of assessment.objectives) {
          const override = ref.sovereigntyOverrides.find((candidate) => candidate.objective === objective.objective);
          expect(objective.level).toBe(override?.level ?? objective.derivedLevel);
          expect(objective.override?.justification).toBe(override?.justification);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("no catalogue residency premium is negative: a premium never lowers a price", () => {
    for (const entry of DEPLOYMENT_CAPABILITIES) {
      const premium = getResidencyPremium(entry);
      if (premium.kind === "known") expect(premium.fraction.gte(0)).toBe(true);
    }
  });
});
