/**
 * The presenter layer's input: engine results as plain data (`Serialized<…>`, every Decimal an exact
 * decimal string). This is what a saved revision stores, what crosses the Remix loader, and what the
 * browser holds after `serializeResult(computeScenario(...))`, so web, CLI and PDF read the same shape.
 */
import type { MonteCarloResult, OptionResult, ScenarioResult, Serialized, TornadoResult } from "../engine/index.ts";

export type ScenarioData = Serialized<ScenarioResult>;
export type OptionData = Serialized<OptionResult>;
export type TornadoData = Serialized<TornadoResult>;
export type MonteCarloData = Serialized<MonteCarloResult>;

/** One scenario's results: the deterministic run, plus the sensitivity runs when they were made. */
export interface ResultBundle {
  scenario: ScenarioData;
  tornado: TornadoData | null;
  monteCarlo: MonteCarloData | null;
}
