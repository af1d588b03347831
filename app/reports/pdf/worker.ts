/**
 * The PDF worker thread: receives a report view-model, answers its PDF bytes. Rendering is CPU-bound
 * (layout, font subsetting, compression), so it runs here and never on the thread serving requests
 * (queue.server.ts). Built for production as build/pdf-worker.js (scripts/build-pdf-worker.ts).
 */
import { parentPort } from "node:worker_threads";
import type { Report } from "./model.ts";
import { renderReport } from "./render.tsx";

export type WorkerRequest = { id: number; report: Report };
export type WorkerResponse = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

if (!parentPort) throw new Error("worker.ts runs as a worker thread only");
const port = parentPort;

port.on("message", async ({ id, report }: WorkerRequest) => {
  try {
    // A copy with its own buffer, so the transfer moves exactly these bytes to the main thread.
    const bytes = new Uint8Array(await renderReport(report));
    port.postMessage({ id, ok: true, bytes } satisfies WorkerResponse, [bytes.buffer]);
  } catch (error) {
    port.postMessage({ id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerResponse);
  }
});
