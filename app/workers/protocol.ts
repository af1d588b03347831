import type { MonteCarloResult, OrganisationLayer, Serialized, TornadoResult } from "~/engine/index.ts";

/**
 * Messages between the page and the sensitivity worker (app/workers/monte-carlo.worker.ts). Every job
 * carries an id; the page ignores answers to jobs it has replaced, and the worker drops a job as soon
 * as a newer one arrives (between chunks of draws).
 */
export type WorkerRequest =
  /** `layer`: the organisation's catalogue layer the input's ids are validated against (ADR 021). */
  | { type: "run"; jobId: number; input: unknown; layer: OrganisationLayer }
  | { type: "cancel"; jobId: number };

export type WorkerResponse =
  | { type: "tornado"; jobId: number; tornado: Serialized<TornadoResult> }
  | { type: "progress"; jobId: number; done: number; total: number }
  | { type: "monte-carlo"; jobId: number; monteCarlo: MonteCarloResult | null }
  | { type: "error"; jobId: number; message: string };
