/**
 * The steps shared by `npm start` and the e2e server: build when the sources changed, migrate,
 * seed, serve the production build.
 */
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { isPortFree, portAnswers, sleep } from "./net.ts";
import { projectRoot } from "./paths.ts";
import { run, runCapturedOrThrow, runOrThrow } from "./process.ts";

// Everything the server and client bundles are compiled from.
const buildInputs = ["app", "server", "remix.config.js", "tsconfig.json", "package.json"];

/** Runs `npm run build` when there is no build or a build input is newer than it. */
export async function buildIfStale(): Promise<void> {
  const serverBuild = path.join(projectRoot, "build", "index.js");
  const clientBuild = path.join(projectRoot, "public", "build");
  const builtAt = existsSync(serverBuild) && existsSync(clientBuild) ? (await fs.stat(serverBuild)).mtimeMs : 0;
  const changed = builtAt === 0 ? "no build yet" : await newerThan(buildInputs, builtAt);
  if (!changed) return;
  process.stdout.write(`Building the app (${changed})… `);
  const startedAt = Date.now();
  // Always a production build, also when the caller runs under another NODE_ENV (Vitest sets "test",
  // and remix build would then emit development JSX that the production server cannot run).
  // Its output (npm, Prisma generate, Remix, the workers) is shown only when it fails.
  await runCapturedOrThrow("npm", ["run", "build"], { env: { ...process.env, NODE_ENV: "production" } });
  console.log(`done in ${Math.round((Date.now() - startedAt) / 1000)} s`);
}

/** The first input path modified after `timeMs`, or undefined. */
async function newerThan(inputs: string[], timeMs: number): Promise<string | undefined> {
  for (const input of inputs) {
    const full = path.join(projectRoot, input);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) continue;
    if (stat.mtimeMs > timeMs) return `${input} changed`;
    if (stat.isDirectory()) {
      const entries = await fs.readdir(full, { recursive: true, withFileTypes: true });
      for (const entry of entries) {
        const file = path.join(entry.parentPath, entry.name);
        if ((await fs.stat(file)).mtimeMs > timeMs) return `${path.relative(projectRoot, file)} changed`;
      }
    }
  }
  return undefined;
}

/**
 * Applies pending migrations. Prisma's CLI narrates every run and, with this project's config, always
 * adds two notices (the config file's "skipping environment variable loading", and the schema's
 * datasource `url` that ADR 002 keeps on purpose): its output is shown only when it fails.
 */
export async function migrate(databaseUrl: string): Promise<void> {
  await runCapturedOrThrow("npm", ["run", "--silent", "db:migrate"], { env: { ...process.env, DATABASE_URL: databaseUrl } });
}

/** Idempotent: creates the demo organisation and user when missing and prints the login. */
export async function seed(databaseUrl: string): Promise<void> {
  await runOrThrow("npm", ["run", "--silent", "db:seed"], { env: { ...process.env, DATABASE_URL: databaseUrl } });
}

/**
 * The production server: the app's own server bundled by `npm run build` (docs/decisions/014-app-server.md),
 * serving the Remix build with security headers and a request log that keeps share-link and
 * invitation tokens out (011). Arguments to `node`, from the project root.
 */
export const SERVER_NODE_ARGS = ["./build/server.js", "./build/index.js"];

/** The server's start-up line, "[opentco] listening on http://localhost:3000": `npm start` says it its own way. */
export const SERVER_BANNER = /^\[opentco\] listening on /;

/** How long the server may take to drain on a signal (server/drain.ts) before it is killed. */
const STOP_DEADLINE_MS = 15_000;

/**
 * Serves the production build until the server exits; resolves with its exit code. A signal makes it
 * drain (finish requests in flight for up to 10 s, then close the database pool) and exit 0; it is
 * killed if it has not exited STOP_DEADLINE_MS after the signal.
 */
export async function serve({ port, databaseUrl }: { port: number; databaseUrl: string }): Promise<number> {
  // Otherwise the readiness probe below would greet whatever already listens there.
  if (!(await isPortFree(port))) throw new Error(`Port ${port} is already in use; set PORT to another one.`);
  const exited = run("node", SERVER_NODE_ARGS, {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: databaseUrl },
    killAfterMs: STOP_DEADLINE_MS,
    dropLines: SERVER_BANNER,
  });
  const listening = waitForPort(port, exited);
  if (await listening) console.log(`\nOpenTCO is running at http://localhost:${port}  (Ctrl-C stops it)\n`);
  return exited;
}

/** Resolves true once something accepts connections on the port, false if `gaveUp` settles first. */
async function waitForPort(port: number, gaveUp: Promise<unknown>): Promise<boolean> {
  let stopped = false;
  void gaveUp.then(() => {
    stopped = true;
  });
  while (!stopped) {
    if (await portAnswers(port)) return true;
    await sleep(100);
  }
  return false;
}

/** PORT, or the default; a value that is not a port is an error rather than a surprise. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${name} is not a port: ${raw}`);
  return port;
}
