/**
 * Text lines for the compliance part of `npm run tco`, from the presenter's compliance matrix: the
 * profile, per option its verdict, every reason with the requirement and its dated sources, the SEAL
 * levels (overrides marked, with their justification), then the cheapest compliant option.
 */
import { serializeResult, type ComplianceProfile, type ScenarioCompliance } from "../../app/engine/index.ts";
import { buildComplianceMatrixFrom, describeSource, WEIGHTED_SEAL_SCORE_LABEL, WEIGHTED_SEAL_SCORE_NOTE, type ComplianceMatrix } from "../../app/reports/index.ts";

/** The whole compliance section. */
export function formatComplianceMatrix(matrix: ComplianceMatrix): string[] {
  const lines = [`Compliance profile: ${matrix.profileSummary}`];
  matrix.options.forEach((option, o) => {
    lines.push(`${option.name} [${option.optionId}]: ${option.verdictLabel.toUpperCase()}`);
    for (const row of matrix.requirements) {
      for (const reason of row.cells[o]?.reasons ?? []) {
        const rule = reason.ruleSource === null ? "" : `; rule: ${describeSource(reason.ruleSource)}`;
        lines.push(`    ${reason.severity.padEnd(9)} ${row.requirement}: ${reason.message} (source: ${describeSource(reason.source)}${rule})`);
      }
    }
    for (const deployment of option.deployments) {
      const prefix = deployment.part === "option" ? "" : `${deployment.part} `;
      const levels = deployment.seal.map((cell, i) => `${matrix.objectives[i]?.id} ${cell.level}${cell.override === null ? "" : "*"}`);
      const meets = deployment.meetsMinimum ? "meets the minimums" : "below a minimum";
      lines.push(`    ${prefix}deployment ${deployment.catalogId}; SEAL ${levels.join(" · ")}; ${WEIGHTED_SEAL_SCORE_LABEL} ${Number(deployment.weightedScore).toFixed(2)} of 4 (${meets})`);
      deployment.seal.forEach((cell, i) => {
        if (cell.override !== null) lines.push(`      * ${matrix.objectives[i]?.id} overridden ${cell.derivedLevel} → ${cell.level}: "${cell.override.justification}"`);
      });
      if (deployment.residencyPremium !== null) lines.push(`      residency premium: ${deployment.residencyPremium}`);
      for (const overhead of deployment.overheadsToPrice) lines.push(`      overhead to price: ${overhead.label} (${overhead.requirement}): enter your estimate`);
    }
  });
  lines.push(
    `${WEIGHTED_SEAL_SCORE_LABEL}: ${WEIGHTED_SEAL_SCORE_NOTE}.`,
    matrix.cheapest === null
      ? "Cheapest compliant option: none — every option is blocked"
      : `Cheapest compliant option (${matrix.costBasis}): ${matrix.cheapest.name} [${matrix.cheapest.optionId}], ${matrix.options.find((option) => option.optionId === matrix.cheapest?.optionId)?.verdictLabel.toLowerCase()}`,
  );
  return lines;
}

/** The compliance section of an assessment made without a scenario result (profile and options only). */
export function formatScenarioCompliance(profile: ComplianceProfile, compliance: ScenarioCompliance): string[] {
  const options = serializeResult(compliance.options).map((option) => ({ id: option.optionId, name: option.optionName, compliance: option }));
  return formatComplianceMatrix(buildComplianceMatrixFrom(profile, options, compliance));
}
