/**
 * Graceful stop (issue 10, item 8): on SIGTERM or SIGINT the server stops accepting connections,
 * lets the requests in flight finish for up to DRAIN_TIMEOUT_MS (default 10 s), cuts off whatever is
 * still running then, and only afterwards closes the app's resources (the database pool, the PDF
 * worker), so no request loses its database halfway.
 */
import type { Server } from "node:http";
import type { RequestHandler } from "express";

export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

export interface Drain {
  /** Counts requests in flight; once stopping, asks every client to close its connection after its answer. */
  track: RequestHandler;
  /** Stops `server` as described above; resolves once it is closed and `closeResources` has run. */
  stop(server: Server): Promise<void>;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function createDrain({ timeoutMs, closeResources }: { timeoutMs: number; closeResources: () => Promise<void> }): Drain {
  let inFlight = 0;
  let stopping: Promise<void> | undefined;
  const track: RequestHandler = (_req, res, next) => {
    inFlight++;
    res.once("close", () => inFlight--);
    if (stopping) res.setHeader("Connection", "close");
    next();
  };

  async function drain(server: Server): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections with no request on them would hold close() open until they time out.
    server.closeIdleConnections();
    if (inFlight > 0) console.log(`Stopping: finishing ${plural(inFlight, "request")} in flight (at most ${timeoutMs / 1000} s)…`);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    if ((await Promise.race([closed, timedOut])) === "timeout") {
      console.log(`Stopping: ${plural(inFlight, "request")} still running after ${timeoutMs / 1000} s cut off.`);
      server.closeAllConnections();
      await closed;
    }
    clearTimeout(timer);
    await closeResources();
  }

  return {
    track,
    stop(server) {
      stopping ??= drain(server);
      return stopping;
    },
  };
}
