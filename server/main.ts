/**
 * The production server (docs/decisions/014-app-server.md, 018-load-and-scaling-out.md):
 * `node build/server.js [build/index.js]`, bundled from this file by scripts/build-server.ts; `npm run
 * dev` runs it through tsx. Listens on PORT (default 3000), HOST if set, with WEB_CONCURRENCY
 * processes (server/cluster.ts; one in development); SIGTERM or SIGINT drain them (server/drain.ts)
 * and exit 0.
 */
import cluster from "node:cluster";
import path from "node:path";
import { countAuthPostsInPrimary, getWorkerCount, runPrimary } from "./cluster.ts";
import { DEFAULT_DRAIN_TIMEOUT_MS } from "./drain.ts";
import { serve } from "./serve.ts";

const mode = process.env.NODE_ENV ?? "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined;
const drainTimeoutMs = Number(process.env.DRAIN_TIMEOUT_MS ?? DEFAULT_DRAIN_TIMEOUT_MS);
const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
const workers = getWorkerCount(process.env.WEB_CONCURRENCY, mode);

if (cluster.isPrimary && workers > 1) {
  runPrimary({ workers, port, host, drainTimeoutMs });
} else {
  await serve({ mode, port, host, drainTimeoutMs, buildPath, announce: cluster.isPrimary, ...(cluster.isWorker ? { countAuthPosts: countAuthPostsInPrimary } : {}) });
}
