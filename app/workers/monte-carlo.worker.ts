/// <reference lib="webworker" />
import { config } from "zod";
import { computeTornado, createCatalogue, iterateMonteCarlo, parseScenario, serializeResult, type OrganisationLayer } from "~/engine/index.ts";
import type { WorkerRequest, WorkerResponse } from "./protocol.ts";

// The worker runs under a Content-Security-Policy too: no eval probe (see app/utils/zod-browser.ts).
config({ jitless: true });

/**
 * The sensitivity worker: for each job, the tornado (Decimal, ~50–130 ms) and then the Monte Carlo
 * draws in chunks, posting progress after each chunk. Between chunks it yields to the message queue,
 * so a newer job or a cancel stops the current one within one chunk. Built by scripts/build-worker.ts
 * into public/build/workers/monte-carlo.js.
 */
declare const self: DedicatedWorkerGlobalScope;

let currentJob = -1;

const post = (message: WorkerResponse) => self.postMessage(message);
/** Lets queued messages (a newer job, a cancel) run before the next chunk. */
const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(jobId: number, input: unknown, layer: OrganisationLayer): Promise<void> {
  const parsed = parseScenario(input, createCatalogue(layer));
  if (!parsed.ok) {
    post({ type: "error", jobId, message: `invalid scenario: ${parsed.issues.length} issue(s)` });
    return;
  }
  post({ type: "tornado", jobId, tornado: serializeResult(computeTornado(parsed.scenario)) });
  if (parsed.scenario.sensitivity.monteCarlo === undefined) {
    post({ type: "monte-carlo", jobId, monteCarlo: null });
    return;
  }
  const chunks = iterateMonteCarlo(parsed.scenario);
  for (;;) {
    await yieldToMessages();
    if (currentJob !== jobId) return;
    const step = chunks.next();
    if (step.done) {
      post({ type: "monte-carlo", jobId, monteCarlo: step.value });
      return;
    }
    post({ type: "progress", jobId, done: step.value.done, total: step.value.total });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === "cancel") {
    if (currentJob === request.jobId) currentJob = -1;
    return;
  }
  currentJob = request.jobId;
  run(request.jobId, request.input, request.layer).catch((error: unknown) => {
    post({ type: "error", jobId: request.jobId, message: error instanceof Error ? error.message : String(error) });
  });
};
