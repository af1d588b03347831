import { useEffect, useMemo, useRef, useState } from "react";
import {
  BUILT_IN_CATALOGUE,
  computeScenario,
  computeTornado,
  createCatalogue,
  parseScenario,
  type Catalogue,
  type OrganisationLayer,
  serializeResult,
  type MonteCarloResult,
  type ScenarioResult,
  type Serialized,
  type TornadoResult,
} from "~/engine/index.ts";
import type { WorkerRequest, WorkerResponse } from "~/workers/protocol.ts";

/** The results the page shows: the deterministic run, and the sensitivity runs once they arrive. */
export interface LiveBundle {
  scenario: Serialized<ScenarioResult>;
  tornado: Serialized<TornadoResult> | null;
  monteCarlo: Serialized<MonteCarloResult> | null;
}

export interface LiveResult {
  /** The issues of the current input (empty when it is valid), as `parseScenario` words them. */
  issues: { path: string; message: string }[];
  /** The latest valid input's results, or null before the first valid input. */
  bundle: LiveBundle | null;
  /** True while the input is invalid and `bundle` belongs to an earlier, valid input. */
  stale: boolean;
  /** Milliseconds for parse + compute + serialise of the current input. */
  computeMs: number;
  monteCarlo: { status: "idle" | "running" | "done" | "error"; progress: number };
}

export interface LiveResultOptions {
  /** Today, YYYY-MM-DD: the reference date of staleness warnings (passed in, the engine has no clock). */
  asOf: string;
  /** Where the sensitivity worker is served; see `getWorkerUrl`. */
  workerUrl?: string;
  /** Idle time before the tornado and Monte Carlo rerun, in ms. */
  debounceMs?: number;
  /**
   * False while the input is the saved revision's, whose results the page already has: nothing is
   * computed, on the server's render or in the browser (default true).
   */
  enabled?: boolean;
  /** The organisation's catalogue layer (ADR 021); the built-in catalogue alone when absent. */
  layer?: OrganisationLayer;
}

/** The URL the build writes the worker to (scripts/build-worker.ts). */
export const WORKER_PATH = "/build/workers/monte-carlo.js";

/**
 * The worker's URL with the Remix build's version as a query: /build/ is served with a one-year
 * immutable cache, and the worker's file name carries no hash, so each deploy needs a new URL.
 */
export function getWorkerUrl(): string {
  const version = (globalThis as { __remixManifest?: { version?: string } }).__remixManifest?.version;
  return version ? `${WORKER_PATH}?v=${encodeURIComponent(version)}` : WORKER_PATH;
}

type Deterministic = { issues: LiveResult["issues"]; input: unknown; result: Serialized<ScenarioResult> | null; computeMs: number };

const NOTHING_COMPUTED: Deterministic = { issues: [], input: undefined, result: null, computeMs: 0 };

const EMPTY_LAYER: OrganisationLayer = { number: 0, entries: [] };

/** parseScenario → computeScenario → serializeResult, timed: the synchronous path behind every keystroke. */
export function computeLiveResult(input: unknown, asOf: string, catalogue: Catalogue = BUILT_IN_CATALOGUE): Deterministic {
  const started = performance.now();
  const parsed = parseScenario(input, catalogue);
  const result = parsed.ok ? serializeResult(computeScenario(parsed.scenario, { asOf, catalogue })) : null;
  return { issues: parsed.ok ? [] : parsed.issues, input, result, computeMs: performance.now() - started };
}

type Sensitivity = {
  /** The input these results belong to. */
  input: unknown;
  tornado: Serialized<TornadoResult> | null;
  monteCarlo: MonteCarloResult | null;
  status: LiveResult["monteCarlo"]["status"];
  progress: number;
};

/**
 * Live results for the scenario editor. The deterministic result is computed synchronously during
 * render on every change (so the numbers in the DOM update with the keystroke). After `debounceMs` of
 * idle time, a Web Worker computes the tornado and then Monte Carlo in chunks, posting progress; newer
 * input cancels the running job. While the input is invalid, the last valid results stay, marked stale.
 * Without a worker (it failed to load), the tornado runs on the main thread and Monte Carlo reports
 * "error".
 */
export function useLiveResult(input: unknown, options: LiveResultOptions): LiveResult {
  const { asOf, workerUrl, debounceMs = 300, enabled = true, layer = EMPTY_LAYER } = options;
  const catalogue = useMemo(() => createCatalogue(layer), [layer]);
  const current = useMemo(() => (enabled ? computeLiveResult(input, asOf, catalogue) : NOTHING_COMPUTED), [input, asOf, enabled, catalogue]);
  // The last valid result survives invalid input; assigning it during render is idempotent.
  const lastValid = useRef<Deterministic | null>(null);
  if (current.result !== null) lastValid.current = current;
  const valid = lastValid.current;

  const [sensitivity, setSensitivity] = useState<Sensitivity>({ input: undefined, tornado: null, monteCarlo: null, status: "idle", progress: 0 });
  const worker = useRef<{ instance: Worker | null; failed: boolean; jobId: number }>({ instance: null, failed: false, jobId: 0 });

  const validInput = valid?.input;
  useEffect(() => {
    if (validInput === undefined) return;
    const state = worker.current;
    const jobId = ++state.jobId;
    const timer = setTimeout(() => {
      if (!state.failed && state.instance === null) state.instance = startWorker(workerUrl ?? getWorkerUrl(), state, setSensitivity);
      if (state.instance === null) {
        setSensitivity({ input: validInput, tornado: computeTornadoOnMainThread(validInput, catalogue), monteCarlo: null, status: "error", progress: 0 });
        return;
      }
      setSensitivity((previous) => ({ ...previous, input: validInput, status: "running", progress: 0 }));
      state.instance.postMessage({ type: "run", jobId, input: validInput, layer } satisfies WorkerRequest);
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      state.instance?.postMessage({ type: "cancel", jobId } satisfies WorkerRequest);
    };
  }, [validInput, workerUrl, debounceMs, catalogue, layer]);

  useEffect(() => {
    const state = worker.current;
    return () => {
      state.instance?.terminate();
      state.instance = null;
    };
  }, []);

  const scenario = valid?.result ?? null;
  const { tornado, monteCarlo: monteCarloResult } = sensitivity;
  const bundle = useMemo<LiveBundle | null>(() => (scenario === null ? null : { scenario, tornado, monteCarlo: monteCarloResult }), [scenario, tornado, monteCarloResult]);
  const hasMonteCarlo = hasMonteCarloSettings(validInput);
  return {
    issues: current.issues,
    bundle,
    stale: current.result === null && bundle !== null,
    computeMs: current.computeMs,
    monteCarlo: hasMonteCarlo ? { status: sensitivity.status, progress: sensitivity.progress } : { status: "idle", progress: 0 },
  };
}

function hasMonteCarloSettings(input: unknown): boolean {
  const sensitivity = (input as { sensitivity?: { monteCarlo?: unknown } } | undefined)?.sensitivity;
  return sensitivity?.monteCarlo !== undefined;
}

function computeTornadoOnMainThread(input: unknown, catalogue: Catalogue): Serialized<TornadoResult> | null {
  const parsed = parseScenario(input, catalogue);
  return parsed.ok ? serializeResult(computeTornado(parsed.scenario)) : null;
}

/** Starts the module worker and routes its answers for the current job into state; null when workers are unavailable. */
function startWorker(url: string, state: { failed: boolean; jobId: number; instance: Worker | null }, setSensitivity: (update: (previous: Sensitivity) => Sensitivity) => void): Worker | null {
  if (typeof Worker === "undefined") {
    state.failed = true;
    return null;
  }
  const instance = new Worker(url, { type: "module" });
  instance.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    if (message.jobId !== state.jobId) return;
    setSensitivity((previous) => {
      switch (message.type) {
        case "tornado":
          return { ...previous, tornado: message.tornado };
        case "progress":
          return { ...previous, status: "running", progress: message.done / message.total };
        case "monte-carlo":
          return { ...previous, monteCarlo: message.monteCarlo, status: message.monteCarlo === null ? "idle" : "done", progress: 1 };
        case "error":
          return { ...previous, status: "error" };
      }
    });
  };
  instance.onerror = (event) => {
    // The script failed to load or threw: stop using it; the next input falls back to the main thread.
    event.preventDefault();
    state.failed = true;
    state.instance = null;
    instance.terminate();
    setSensitivity((previous) => ({ ...previous, status: "error" }));
  };
  return instance;
}
