/**
 * Text lines for the compliance part of `npm run tco`: per option its verdict, every reason with
 * the requirement and the source behind it, and the SEAL levels (overrides marked, with their
 * justification), then the cheapest compliant option.
 */
import type { ComplianceProfile, OptionCompliance, ScenarioCompliance } from "../../app/engine/compliance/index.ts";

const VERDICT_LABELS: Record<OptionCompliance["verdict"], string> = {
  compliant: "COMPLIANT",
  "compliant-with-conditions": "COMPLIANT WITH CONDITIONS",
  blocked: "BLOCKED",
};

/** One line describing the profile the verdicts were judged against. */
export function formatProfileSummary(profile: ComplianceProfile): string {
  const processing =
    profile.processing.kind === "region"
      ? `within ${profile.processing.region}`
      : profile.processing.kind === "country"
        ? `within ${profile.processing.country}`
        : profile.processing.kind;
  const required = Object.entries(profile.requirements)
    .filter(([key, value]) => key !== "minSeal" && value === true)
    .map(([key]) => key);
  const minSeal = Object.entries(profile.requirements.minSeal).map(([objective, level]) => `${objective}≥${level}`);
  return [
    `data ${profile.data.classes.join(", ")} (subjects ${profile.data.subjectJurisdictions.join(", ") || "none stated"}; company ${profile.data.companyJurisdiction})`,
    `processing ${processing}`,
    `regimes ${profile.regimes.map((regime) => regime.id).join(", ") || "none"}`,
    `requirements ${[...required, ...minSeal].join(", ") || "none"}`,
  ].join("; ");
}

/** The lines of one option: verdict, reasons with sources, and per-part SEAL levels. */
export function formatOptionCompliance(option: OptionCompliance): string[] {
  const lines = [`${option.optionName} [${option.optionId}]: ${VERDICT_LABELS[option.verdict]}`];
  for (const reason of option.reasons) {
    const rule = reason.ruleSource === undefined ? "" : `; rule: ${reason.ruleSource.title}, ${reason.ruleSource.asOf}`;
    lines.push(`    ${reason.severity.padEnd(9)} ${reason.requirement}: ${reason.message} (source: ${reason.source.title}, ${reason.source.asOf}${rule})`);
  }
  for (const { part, deployment } of option.parts) {
    if (deployment === null) continue;
    const prefix = part === "option" ? "" : `${part} `;
    const levels = deployment.sovereignty.objectives.map((objective) => `${objective.objective} ${objective.level}${objective.override === null ? "" : "*"}`);
    const meets = deployment.sovereignty.meetsMinimum ? "meets the minimums" : "below a minimum";
    lines.push(`    ${prefix}deployment ${deployment.catalogId}; SEAL ${levels.join(" · ")}; weighted ${deployment.sovereignty.weightedScore.toFixed(2)} of 4 (${meets})`);
    for (const objective of deployment.sovereignty.objectives) {
      if (objective.override !== null) {
        lines.push(`      * ${objective.objective} overridden ${objective.derivedLevel} → ${objective.level}: "${objective.override.justification}"`);
      }
    }
    if (deployment.residencyPremium.kind !== "not-applicable") {
      const premium = deployment.residencyPremium;
      lines.push(`      residency premium: ${premium.kind === "known" ? `+${premium.fraction.times(100).toString()} %` : "unknown"} (${premium.note})`);
    }
    for (const overhead of deployment.suggestedOverheads) {
      lines.push(`      overhead to price: ${overhead.label} (${overhead.requirement}): ${overhead.prompt}`);
    }
  }
  return lines;
}

/** The verdict for the comparison table's compliance column ("" without a profile). */
export function formatVerdictCell(compliance: OptionCompliance | null): string {
  return compliance === null ? "" : VERDICT_LABELS[compliance.verdict].toLowerCase();
}

/** The compliance section of a computed scenario: its profile summary plus each option's compliance. */
export function formatComplianceSection(
  summary: { profile: ComplianceProfile; cheapestCompliantOptionId: string | null; costBasis: string },
  options: readonly { compliance: OptionCompliance | null }[],
): string[] {
  const assessed = options.flatMap((option) => (option.compliance === null ? [] : [option.compliance]));
  return formatScenarioCompliance(summary.profile, { options: assessed, cheapestCompliantOptionId: summary.cheapestCompliantOptionId, costBasis: summary.costBasis });
}

/** The whole compliance section, ending with the cheapest compliant option (or that none is). */
export function formatScenarioCompliance(profile: ComplianceProfile, compliance: ScenarioCompliance): string[] {
  const cheapest = compliance.options.find((option) => option.optionId === compliance.cheapestCompliantOptionId);
  return [
    `Compliance profile: ${formatProfileSummary(profile)}`,
    ...compliance.options.flatMap(formatOptionCompliance),
    cheapest === undefined
      ? "Cheapest compliant option: none — every option is blocked"
      : `Cheapest compliant option (${compliance.costBasis}): ${cheapest.optionName} [${cheapest.optionId}], ${VERDICT_LABELS[cheapest.verdict].toLowerCase()}`,
  ];
}
