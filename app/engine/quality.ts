/**
 * The quality table of a result: each option's benchmark score (a hybrid is as good as its weaker
 * model) and its gap to the best score on the same benchmark and version.
 */
import { decimalArithmetic } from "./arithmetic.ts";
import type { Decimal } from "./decimal.ts";
import type { QualityRow } from "./results.ts";
import { listLeafComponents, type HybridComponent, type Scenario } from "./scenario.ts";

/** The rows scored on one benchmark and version (`key`), with the best score and the weakest row. */
export interface QualityGroup {
  key: string;
  best: Decimal;
  worst: QualityRow;
}

export function buildQualityRows(scenario: Scenario): { rows: QualityRow[]; groups: QualityGroup[] } {
  const rows: QualityRow[] = scenario.options.map((option) => {
    const components = listLeafComponents(option);
    const rated = components.filter((component) => component.model.quality !== undefined);
    const names = components.map((component) => component.model.name).join(" + ");
    // A hybrid is as good as its weaker model (conservative).
    const weakest = rated.reduce<HybridComponent | null>((worst, component) => {
      if (worst === null) return component;
      return (component.model.quality?.score ?? decimalArithmetic.zero).lt(worst.model.quality?.score ?? decimalArithmetic.zero) ? component : worst;
    }, null);
    const quality = rated.length === components.length ? weakest?.model.quality : undefined;
    return {
      optionId: option.id,
      modelName: names,
      benchmark: quality?.benchmark ?? null,
      version: quality?.version ?? null,
      score: quality?.score ?? null,
      source: quality?.source ?? null,
      asOf: quality?.asOf ?? null,
      gapToBest: null,
    };
  });
  const byKey = new Map<string, QualityRow[]>();
  for (const row of rows) {
    if (row.score === null) continue;
    const key = `${row.benchmark} ${row.version}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const groups = [...byKey].map(([key, group]): QualityGroup => {
    const best = group.reduce((top, row) => ((row.score as Decimal).gt(top) ? (row.score as Decimal) : top), group[0]?.score as Decimal);
    for (const row of group) row.gapToBest = (row.score as Decimal).minus(best);
    const worst = group.reduce((low, row) => ((row.score as Decimal).lt(low.score as Decimal) ? row : low));
    return { key, best, worst };
  });
  return { rows, groups };
}
