/**
 * The compliance matrix: option × requirement → verdict with its reasons and dated sources, and the
 * SEAL levels per sovereignty objective (EU Cloud Sovereignty Framework) of every deployment.
 */
import {
  CAPABILITY_REQUIREMENTS,
  Decimal,
  SEAL_LEVEL_NAMES,
  SOVEREIGNTY_OBJECTIVES,
  type ComplianceProfile,
  type OptionCompliance,
  type ReasonSeverity,
  type SealLevel,
  type Serialized,
  type Verdict,
} from "../engine/index.ts";
import { VERDICT_LABELS } from "./labels.ts";
import { renderReason, renderReasoning } from "./messages.ts";
import type { ResultBundle } from "./types.ts";

/** What the matrix needs of an option: its identity and the engine's compliance result. */
export interface OptionComplianceInput {
  id: string;
  name: string;
  compliance: Serialized<OptionCompliance> | null;
}

export interface SourceView {
  /** Null for results stored before sources named their publisher. */
  publisher: string | null;
  title: string;
  /** Public pages, the primary one first; empty for your own declarations and for "not recorded". */
  urls: string[];
  /** "YYYY-MM-DD" */
  asOf: string;
  confidence: "high" | "medium" | "low";
  /** A third party's page rather than the provider's, regulator's or court's own. */
  thirdParty: boolean;
  note: string | null;
}

/**
 * The name of the weighted SEAL score wherever it is shown (web, CLI, PDF): the framework rates each
 * objective; the weighted total is OpenTCO's aggregation, not a figure the framework defines.
 */
export const WEIGHTED_SEAL_SCORE_LABEL = "OpenTCO weighted SEAL score";
export const WEIGHTED_SEAL_SCORE_NOTE =
  "OpenTCO's aggregation of the SEAL levels with the framework's objective weights, on the 0–4 scale: not a rating the EU Cloud Sovereignty Framework defines";

/** A source in one line for text output: "Publisher: Title (third party), 2026-12-01, low confidence, <url>". */
export function describeSource(source: SourceView): string {
  const name = source.publisher === null ? source.title : `${source.publisher}: ${source.title}`;
  const url = source.urls[0];
  return `${name}${source.thirdParty ? " (third party)" : ""}, ${source.asOf}, ${source.confidence} confidence${url === undefined ? "" : `, ${url}`}`;
}

export interface ReasonView {
  severity: ReasonSeverity;
  message: string;
  source: SourceView;
  /** The rule's own source, when it differs from the fact's. */
  ruleSource: SourceView | null;
}

/** How one option fares on one requirement: the worst severity of its reasons, or "met" without any. */
export type CellStatus = "met" | "info" | "condition" | "block";

export interface MatrixCell {
  status: CellStatus;
  label: string;
  reasons: ReasonView[];
}

export interface RequirementRow {
  /** The profile path the engine reports, e.g. "requirements.zeroDataRetention", "regimes.gdpr". */
  requirement: string;
  label: string;
  /** One cell per option, in option order. */
  cells: MatrixCell[];
}

export interface SealCell {
  level: SealLevel;
  levelName: string;
  derivedLevel: SealLevel;
  /** The user's override with its written justification, or null. */
  override: { justification: string } | null;
  reasoning: string[];
  sources: SourceView[];
  /** The profile's minimum for the objective, or null; `belowMinimum` when the level misses it. */
  minimum: SealLevel | null;
  belowMinimum: boolean;
}

export interface DeploymentView {
  /** "option" for a single deployment, else "primary" / "secondary" of a hybrid. */
  part: string;
  catalogId: string;
  label: string;
  /** OpenTCO's weighted SEAL score (WEIGHTED_SEAL_SCORE_NOTE): Σ weight × level on the 0–4 scale, exact decimal string. */
  weightedScore: string;
  meetsMinimum: boolean;
  /** One per objective, in SOVEREIGNTY_OBJECTIVES order. */
  seal: SealCell[];
  /** The catalogue's price premium for residency: "+10 % (note)", "unknown (note)", or null when none applies. */
  residencyPremium: string | null;
  /** Yearly costs the profile calls for, which the user must estimate (OpenTCO ships no amounts). */
  overheadsToPrice: { label: string; requirement: string }[];
}

export interface OptionComplianceView {
  optionId: string;
  name: string;
  verdict: Verdict;
  verdictLabel: string;
  /** Deployments assessed; empty when the option has none (it is then blocked). */
  deployments: DeploymentView[];
}

export interface ComplianceMatrix {
  profileSummary: string;
  options: OptionComplianceView[];
  requirements: RequirementRow[];
  objectives: { id: string; name: string; weight: string }[];
  cheapest: { optionId: string; name: string } | null;
  costBasis: string;
}

const SEVERITY_RANK: Record<CellStatus, number> = { met: 0, info: 1, condition: 2, block: 3 };
const STATUS_LABELS: Record<CellStatus, string> = { met: "Met", info: "Note", condition: "Condition", block: "Blocks" };

function describeProcessing(profile: ComplianceProfile): string {
  const processing = profile.processing;
  if (processing.kind === "region") return `within ${processing.region}`;
  if (processing.kind === "country") return `within ${processing.country}`;
  return processing.kind;
}

function describeProfile(profile: ComplianceProfile): string {
  const required: string[] = CAPABILITY_REQUIREMENTS.filter(({ key }) => profile.requirements[key]).map(({ key }) => key);
  if (profile.requirements.noForeignAccessLaw) required.push("noForeignAccessLaw");
  const minSeal = Object.entries(profile.requirements.minSeal).map(([objective, level]) => `${objective}≥${level}`);
  return [
    `data ${profile.data.classes.join(", ")} (subjects ${profile.data.subjectJurisdictions.join(", ") || "none stated"}; company ${profile.data.companyJurisdiction})`,
    `processing ${describeProcessing(profile)}`,
    `regimes ${profile.regimes.map((regime) => regime.id).join(", ") || "none"}`,
    `requirements ${[...required, ...minSeal].join(", ") || "none"}`,
  ].join("; ");
}

/** The profile's requirement paths, in the order the engine checks them. */
function listProfileRequirements(profile: ComplianceProfile): string[] {
  return [
    ...(profile.processing.kind === "any" ? [] : ["processing"]),
    ...CAPABILITY_REQUIREMENTS.filter(({ key }) => profile.requirements[key]).map(({ key }) => `requirements.${key}`),
    ...(profile.requirements.noForeignAccessLaw ? ["requirements.noForeignAccessLaw"] : []),
    ...(profile.data.classes.includes("export-controlled") ? ["data.classes.export-controlled"] : []),
    ...profile.regimes.map((regime) => `regimes.${regime.id}`),
    ...Object.keys(profile.requirements.minSeal).map((objective) => `requirements.minSeal.${objective}`),
  ];
}

function labelRequirement(requirement: string, profile: ComplianceProfile): string {
  if (requirement === "processing") return `Processing ${describeProcessing(profile)}`;
  if (requirement === "deployment") return "Deployment chosen";
  const capability = CAPABILITY_REQUIREMENTS.find(({ key }) => requirement === `requirements.${key}`);
  if (capability) return `Requires ${capability.capability}`;
  if (requirement === "requirements.noForeignAccessLaw") return "No foreign access law";
  if (requirement.startsWith("requirements.minSeal.")) {
    const objective = requirement.slice("requirements.minSeal.".length);
    const name = SOVEREIGNTY_OBJECTIVES.find((item) => item.id === objective)?.name ?? objective;
    return `${objective} ${name} at SEAL ≥ ${profile.requirements.minSeal[objective as keyof typeof profile.requirements.minSeal] ?? "?"}`;
  }
  if (requirement.startsWith("regimes.")) return `Regime: ${requirement.slice("regimes.".length).toUpperCase()}`;
  if (requirement === "data.classes.export-controlled") return "Export-controlled data";
  return requirement;
}

/** Publisher, URLs and the third-party mark are absent from results stored before they were recorded. */
function toSource(source: {
  publisher?: string;
  title: string;
  urls?: readonly string[];
  asOf: string;
  confidence: "high" | "medium" | "low";
  thirdParty?: boolean;
  note?: string;
}): SourceView {
  return {
    publisher: source.publisher ?? null,
    title: source.title,
    urls: [...(source.urls ?? [])],
    asOf: source.asOf,
    confidence: source.confidence,
    thirdParty: source.thirdParty ?? false,
    note: source.note ?? null,
  };
}

function buildCell(option: OptionComplianceInput, requirement: string): MatrixCell {
  const reasons = (option.compliance?.reasons ?? []).filter((reason) => reason.requirement === requirement);
  const status = reasons.reduce<CellStatus>((worst, reason) => (SEVERITY_RANK[reason.severity] > SEVERITY_RANK[worst] ? reason.severity : worst), "met");
  return {
    status,
    label: STATUS_LABELS[status],
    reasons: reasons.map((reason) => ({
      severity: reason.severity,
      message: renderReason(reason),
      source: toSource(reason.source),
      ruleSource: reason.ruleSource === undefined ? null : toSource(reason.ruleSource),
    })),
  };
}

function describePremium(premium: NonNullable<Serialized<OptionCompliance>["parts"][number]["deployment"]>["residencyPremium"]): string | null {
  if (premium.kind === "not-applicable") return null;
  // The fraction is exact (e.g. "0.1"), so the percentage is too.
  return premium.kind === "known" ? `+${new Decimal(premium.fraction).times(100).toFixed()} % (${premium.note})` : `unknown (${premium.note})`;
}

function buildDeployments(option: OptionComplianceInput, profile: ComplianceProfile): DeploymentView[] {
  return (option.compliance?.parts ?? []).flatMap(({ part, deployment }) => {
    if (deployment === null) return [];
    return [
      {
        part,
        catalogId: deployment.catalogId,
        label: deployment.label,
        weightedScore: deployment.sovereignty.weightedScore,
        meetsMinimum: deployment.sovereignty.meetsMinimum,
        seal: deployment.sovereignty.objectives.map((objective) => {
          const minimum = profile.requirements.minSeal[objective.objective] ?? null;
          return {
            level: objective.level,
            levelName: SEAL_LEVEL_NAMES[objective.level],
            derivedLevel: objective.derivedLevel,
            override: objective.override === null ? null : { justification: objective.override.justification },
            reasoning: renderReasoning(objective),
            sources: objective.sources.map(toSource),
            minimum,
            belowMinimum: minimum !== null && objective.level < minimum,
          };
        }),
        residencyPremium: describePremium(deployment.residencyPremium),
        overheadsToPrice: deployment.suggestedOverheads.map((overhead) => ({ label: overhead.label, requirement: overhead.requirement })),
      },
    ];
  });
}

/** The matrix, or null when the scenario has no compliance profile. */
export function buildComplianceMatrix(bundle: ResultBundle): ComplianceMatrix | null {
  const { scenario } = bundle;
  if (scenario.compliance === null) return null;
  return buildComplianceMatrixFrom(scenario.compliance.profile, scenario.options, scenario.compliance);
}

/**
 * The matrix from a profile and options' compliance results, for callers that assess compliance
 * without a full scenario result (the CLI's compliance text).
 */
export function buildComplianceMatrixFrom(
  profile: ComplianceProfile,
  options: readonly OptionComplianceInput[],
  summary: { cheapestCompliantOptionId: string | null; costBasis: string },
): ComplianceMatrix {
  const requirements = listProfileRequirements(profile);
  // Reasons on paths the profile does not name (e.g. a missing deployment) get their own rows.
  for (const option of options) {
    for (const reason of option.compliance?.reasons ?? []) if (!requirements.includes(reason.requirement)) requirements.push(reason.requirement);
  }
  const cheapest = options.find((option) => option.id === summary.cheapestCompliantOptionId);
  return {
    profileSummary: describeProfile(profile),
    options: options.map((option) => {
      const verdict = option.compliance?.verdict ?? "blocked";
      return { optionId: option.id, name: option.name, verdict, verdictLabel: VERDICT_LABELS[verdict], deployments: buildDeployments(option, profile) };
    }),
    requirements: requirements.map((requirement) => ({
      requirement,
      label: labelRequirement(requirement, profile),
      cells: options.map((option) => buildCell(option, requirement)),
    })),
    objectives: SOVEREIGNTY_OBJECTIVES.map((objective) => ({ id: objective.id, name: objective.name, weight: objective.weight.toFixed() })),
    cheapest: cheapest === undefined ? null : { optionId: cheapest.id, name: cheapest.name },
    costBasis: summary.costBasis,
  };
}
