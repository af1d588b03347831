/**
 * The render queue with stand-in workers (eval'd scripts that answer like the real one): one report
 * at a time, a bounded wait, a timeout that replaces a stuck worker, and a crash that fails only the
 * report it was rendering.
 */
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import type { Report } from "~/reports/pdf/model.ts";
import { PdfQueueFullError, PdfRenderError, PdfRenderQueue } from "~/reports/pdf/queue.server.ts";

/** Answers each request after `delayMs` with the bytes [id]; a report titled "crash" exits, "hang" never answers. */
function createStandInWorker(delayMs: number): Worker {
  const code = `
    const { parentPort } = require("node:worker_threads");
    parentPort.on("message", ({ id, report }) => {
      if (report.info.title === "crash") process.exit(3);
      if (report.info.title === "hang") return;
      setTimeout(() => parentPort.postMessage({ id, ok: report.info.title !== "fail", bytes: new Uint8Array([id]), message: "layout failed" }), ${delayMs});
    });`;
  return new Worker(code, { eval: true });
}

const report = (title: string) => ({ info: { title } }) as unknown as Report;
let queue: PdfRenderQueue;

afterEach(async () => {
  await queue.close();
});

describe("PdfRenderQueue", () => {
  it("renders reports one after another and refuses more than maxWaiting behind the running one", async () => {
    queue = new PdfRenderQueue({ maxWaiting: 2, timeoutMs: 5_000, createWorker: () => createStandInWorker(30) });
    const accepted = [1, 2, 3].map((n) => queue.render(report(`r${n}`)));
    expect(queue.pending).toBe(3);
    await expect(queue.render(report("r4"))).rejects.toBeInstanceOf(PdfQueueFullError);
    const results = await Promise.all(accepted);
    expect(results.map((bytes) => bytes[0])).toEqual([1, 2, 3]);
    expect(queue.pending).toBe(0);
  });

  it("fails a report the worker cannot render, and goes on with the next", async () => {
    queue = new PdfRenderQueue({ maxWaiting: 4, timeoutMs: 5_000, createWorker: () => createStandInWorker(5) });
    const failing = queue.render(report("fail"));
    const next = queue.render(report("ok"));
    await expect(failing).rejects.toThrow("layout failed");
    expect((await next).length).toBe(1);
  });

  it("abandons a render that takes too long, replaces the worker, and serves the next report", async () => {
    let workers = 0;
    // The limit also covers the replacement worker's start and its 5 ms render: generous, so that a
    // loaded machine does not time the second report out too. Only "hang" can never finish.
    queue = new PdfRenderQueue({ maxWaiting: 4, timeoutMs: 2_000, createWorker: () => (workers++, createStandInWorker(5)) });
    const stuck = queue.render(report("hang"));
    const next = queue.render(report("ok"));
    await expect(stuck).rejects.toBeInstanceOf(PdfRenderError);
    expect((await next).length).toBe(1);
    expect(workers).toBe(2);
  });

  it("survives a crashed worker: only the report being rendered fails", async () => {
    queue = new PdfRenderQueue({ maxWaiting: 4, timeoutMs: 5_000, createWorker: () => createStandInWorker(5) });
    const crashing = queue.render(report("crash"));
    const next = queue.render(report("ok"));
    await expect(crashing).rejects.toThrow("The PDF worker stopped");
    expect((await next).length).toBe(1);
  });
});
