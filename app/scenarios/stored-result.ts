import {
  computeMonteCarlo,
  computeScenario,
  computeTornado,
  serializeResult,
  type Catalogue,
  type MonteCarloResult,
  type Scenario,
  type ScenarioResult,
  type Serialized,
  type TornadoResult,
} from "~/engine/index.ts";

/**
 * The authoritative result of a revision, computed once on the server at save and stored with it
 * (gzip of its JSON, docs/decisions/007-scenario-revisions.md), so the revision shows the same
 * figures after the engine or the catalogue changes. Plain JSON: Decimals are exact strings.
 */
export interface StoredResult {
  scenario: Serialized<ScenarioResult>;
  tornado: Serialized<TornadoResult>;
  /** Only when the scenario sets sensitivity.monteCarlo (float64 sampling, seeded). */
  monteCarlo: Serialized<MonteCarloResult> | null;
}

/**
 * Computes everything a revision stores. `asOf` ("YYYY-MM-DD") is the day staleness warnings are
 * judged against. Pure and deterministic; it takes 0.2–0.6 s on the examples (ADR 007), so callers
 * run it before opening a transaction. `catalogue` is the one the scenario was validated against.
 */
export function computeStoredResult(scenario: Scenario, { asOf, catalogue }: { asOf: string; catalogue?: Catalogue }): StoredResult {
  return {
    scenario: serializeResult(computeScenario(scenario, catalogue === undefined ? { asOf } : { asOf, catalogue })),
    tornado: serializeResult(computeTornado(scenario)),
    monteCarlo: scenario.sensitivity.monteCarlo === undefined ? null : serializeResult(computeMonteCarlo(scenario)),
  };
}
