/**
 * Renders PDFs on a worker thread, one at a time, with a bounded queue: rendering never blocks the
 * thread that serves requests, and a burst of downloads waits in line (or is refused with "busy")
 * instead of starving the app. One worker because the machine has two cores: one renders, one serves.
 */
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Report } from "./model.ts";
import type { WorkerRequest, WorkerResponse } from "./worker.ts";

/** The queue is full: the caller should answer 503 with Retry-After. */
export class PdfQueueFullError extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} PDF reports are already waiting to be rendered`);
    this.name = "PdfQueueFullError";
  }
}

/** The worker failed, crashed or ran out of time on this report. */
export class PdfRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfRenderError";
  }
}

export interface PdfQueueOptions {
  /** Reports that may wait behind the one being rendered; one more is refused. */
  maxWaiting: number;
  /** A render taking longer is abandoned: the worker is stopped and replaced. */
  timeoutMs: number;
  createWorker: () => Worker;
}

interface Job {
  id: number;
  report: Report;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

export class PdfRenderQueue {
  private worker: Worker | null = null;
  private running: Job | null = null;
  private readonly waiting: Job[] = [];
  private nextId = 1;

  constructor(private readonly options: PdfQueueOptions) {}

  /** Reports rendering or waiting. */
  get pending(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** The PDF bytes of `report`; rejects with PdfQueueFullError or PdfRenderError. */
  render(report: Report): Promise<Uint8Array> {
    if (this.running !== null && this.waiting.length >= this.options.maxWaiting) return Promise.reject(new PdfQueueFullError(this.waiting.length));
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, report, resolve, reject });
      this.startNext();
    });
  }

  /** Stops the worker; waiting and running reports are rejected. */
  async close(): Promise<void> {
    const error = new PdfRenderError("The PDF renderer was stopped");
    for (const job of this.waiting.splice(0)) job.reject(error);
    this.finish(this.running, error);
    await this.stopWorker();
  }

  private startNext(): void {
    if (this.running !== null) return;
    const job = this.waiting.shift();
    if (job === undefined) return;
    this.running = job;
    const worker = this.getWorker();
    // Keep the process alive while a render runs; an idle worker must not.
    worker.ref();
    job.timer = setTimeout(() => {
      this.finish(job, new PdfRenderError(`Rendering took longer than ${this.options.timeoutMs} ms`));
      void this.stopWorker();
      this.startNext();
    }, this.options.timeoutMs);
    worker.postMessage({ id: job.id, report: job.report } satisfies WorkerRequest);
  }

  private getWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = this.options.createWorker();
    worker.on("message", (message: WorkerResponse) => {
      const job = this.running;
      if (job === null || job.id !== message.id) return;
      if (message.ok) {
        clearTimeout(job.timer);
        this.running = null;
        job.resolve(message.bytes);
      } else {
        this.finish(job, new PdfRenderError(message.message));
      }
      worker.unref();
      this.startNext();
    });
    const crashed = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.finish(this.running, new PdfRenderError(`The PDF worker stopped: ${error.message}`));
      this.startNext();
    };
    worker.on("error", crashed);
    worker.on("exit", (code) => crashed(new Error(`exit code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private finish(job: Job | null, error: Error): void {
    if (job === null) return;
    clearTimeout(job.timer);
    if (this.running === job) this.running = null;
    job.reject(error);
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) {
      worker.removeAllListeners();
      await worker.terminate();
    }
  }
}

/**
 * The worker for this build: next to the server bundle in production (build/pdf-worker.js, from
 * scripts/build-pdf-worker.ts), else the TypeScript source run through tsx (tests, bench, dev
 * without a worker build).
 */
export function createPdfWorker(): Worker {
  const built = new URL("./pdf-worker.js", import.meta.url);
  if (!import.meta.url.endsWith(".ts") && existsSync(built)) return new Worker(built, { execArgv: [] });
  const source = import.meta.url.endsWith(".ts") ? new URL("./worker.ts", import.meta.url) : new URL("../app/reports/pdf/worker.ts", import.meta.url);
  // `--import tsx` does not reach a worker's entry module on Node 20: register tsx's loader first.
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}

let queue: PdfRenderQueue | null = null;

/** The process's one queue: PDF_QUEUE_MAX_WAITING (default 8) and PDF_RENDER_TIMEOUT_MS (default 60000). */
export function getPdfQueue(): PdfRenderQueue {
  queue ??= new PdfRenderQueue({
    maxWaiting: Number(process.env.PDF_QUEUE_MAX_WAITING ?? 8),
    timeoutMs: Number(process.env.PDF_RENDER_TIMEOUT_MS ?? 60_000),
    createWorker: createPdfWorker,
  });
  return queue;
}

/** Stops the process's queue and its worker, if it was ever started (a graceful stop of the server). */
export async function closePdfQueue(): Promise<void> {
  await queue?.close();
  queue = null;
}
