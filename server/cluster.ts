/**
 * A process per core (docs/decisions/018-load-and-scaling-out.md): Node runs JavaScript on one thread,
 * so one process uses one core. With WEB_CONCURRENCY above 1 this process becomes node:cluster's
 * primary: it serves nothing itself, forks that many workers (each runs server/serve.ts and holds its
 * own database pool and PDF render thread), and the workers share the port (the primary accepts and
 * hands connections round-robin).
 *
 * The primary also
 * - counts log-in, sign-up and invitation posts per address for all workers (server/request-guards.ts),
 *   so the 120-a-minute gate is the server's and not each process's;
 * - passes SIGTERM/SIGINT on to every worker, which drains as a lone server would; it exits once all
 *   have exited: 0 when they all did, 1 otherwise. A worker still running DRAIN_TIMEOUT_MS + 5 s
 *   after the signal is killed;
 * - replaces a worker that dies while serving; a worker that dies before it ever listened means the
 *   server cannot start (a broken build, a bad setting): it stops the others and exits 1.
 */
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { AUTH_FORM_POST_LIMIT } from "./app.ts";
import { createAuthPostWindows, type AuthPostCounter } from "./request-guards.ts";

/**
 * WEB_CONCURRENCY: a positive integer; unset or empty, the cores this process may use
 * (os.availableParallelism) in production and 1 in development (`remix dev` reloads one server).
 */
export function getWorkerCount(value: string | undefined, mode: string): number {
  const setting = value?.trim() ?? "";
  if (setting === "") return mode === "development" ? 1 : os.availableParallelism();
  const count = Number(setting);
  if (!Number.isInteger(count) || count < 1) throw new Error(`WEB_CONCURRENCY must be a positive whole number of processes, not ${JSON.stringify(value)}`);
  return count;
}

/** Worker → primary: may `address` post once more? Primary → worker: the verdict for request `id`. */
type AuthPostQuestion = { type: "opentco:auth-post"; id: number; address: string };
type AuthPostVerdict = { type: "opentco:auth-post-verdict"; id: number; retryAfterSeconds: number | null };

function isAuthPostQuestion(message: unknown): message is AuthPostQuestion {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === "opentco:auth-post";
}

function isAuthPostVerdict(message: unknown): message is AuthPostVerdict {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === "opentco:auth-post-verdict";
}

const pendingVerdicts = new Map<number, (retryAfterSeconds: number | null) => void>();
let nextQuestionId = 1;
let listeningForVerdicts = false;

/** In a worker: asks the primary, which holds the one count of every address. */
export const countAuthPostsInPrimary: AuthPostCounter = (address) => {
  if (!listeningForVerdicts) {
    listeningForVerdicts = true;
    process.on("message", (message: unknown) => {
      if (!isAuthPostVerdict(message)) return;
      pendingVerdicts.get(message.id)?.(message.retryAfterSeconds);
      pendingVerdicts.delete(message.id);
    });
  }
  const id = nextQuestionId++;
  return new Promise((resolve, reject) => {
    pendingVerdicts.set(id, resolve);
    // A worker without its primary exits (node:cluster does that on disconnect), so this only fails while stopping.
    process.send?.({ type: "opentco:auth-post", id, address } satisfies AuthPostQuestion, undefined, {}, (error: Error | null) => {
      if (error === null) return;
      pendingVerdicts.delete(id);
      reject(error);
    });
  });
};

export interface PrimaryOptions {
  workers: number;
  port: number;
  host: string | undefined;
  drainTimeoutMs: number;
}

/** How long after the drain's own limit a worker that has not exited is killed. */
const STOP_GRACE_MS = 5_000;

export function runPrimary({ workers, port, host, drainTimeoutMs }: PrimaryOptions): void {
  const countAuthPosts = createAuthPostWindows(AUTH_FORM_POST_LIMIT);
  const alive = new Set<Worker>();
  /** Workers that listened at some point (kept after they exit: a few objects per restart). */
  const listened = new Set<Worker>();
  let announced = false;
  let stopping = false;
  let failed = false;

  const answer = (worker: Worker, message: unknown) => {
    if (!isAuthPostQuestion(message)) return;
    const retryAfterSeconds = countAuthPosts(message.address);
    // A worker that went away meanwhile needs no answer.
    if (worker.isConnected()) worker.send({ type: "opentco:auth-post-verdict", id: message.id, retryAfterSeconds } satisfies AuthPostVerdict);
  };

  const fork = () => {
    const worker = cluster.fork();
    alive.add(worker);
    worker.on("message", (message: unknown) => answer(worker, message));
    worker.once("listening", () => {
      listened.add(worker);
      if (!announced && listened.size === workers) {
        announced = true;
        console.log(`[opentco] listening on http://${host ?? "localhost"}:${port} (${workers} processes)`);
      }
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of alive) worker.process.kill(signal);
    setTimeout(() => {
      for (const worker of alive) {
        console.error(`Stopping: server process ${worker.process.pid ?? "?"} still running ${(drainTimeoutMs + STOP_GRACE_MS) / 1000} s after the signal, killed.`);
        worker.process.kill("SIGKILL");
      }
    }, drainTimeoutMs + STOP_GRACE_MS).unref();
  };

  cluster.on("exit", (worker, code, signal) => {
    alive.delete(worker);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      // One still starting has no handler yet: the signal ends it, with nothing to drain.
      const endedBeforeServing = !listened.has(worker) && (signal === "SIGTERM" || signal === "SIGINT");
      if (code !== 0 && !endedBeforeServing) failed = true;
    } else if (!listened.has(worker)) {
      console.error(`A server process exited with ${how} before it could serve: stopping.`);
      failed = true;
      stop("SIGTERM");
    } else {
      console.error(`Server process ${worker.process.pid ?? "?"} exited with ${how}: starting another.`);
      fork();
    }
    if (stopping && alive.size === 0) process.exit(failed ? 1 : 0);
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop(signal));
  for (let i = 0; i < workers; i++) fork();
}
