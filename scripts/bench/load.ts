/**
 * Load benchmarks (issue 13, "Load"): the production build as `npm start` serves it, on a fresh
 * database with the demo organisation, driven closed-loop by LOAD_CONNECTIONS keep-alive connections
 * (scripts/bench/closed-loop.ts) for MEASURE_MS after WARMUP_MS. Goal for the two pages: p95 ≤ 150 ms
 * at ≥ 300 requests/s.
 * - page-scenario: the results page of the demo's "Support assistant" scenario, signed in.
 * - page-catalog: the public /catalog, signed out.
 * - action-save: each connection saves its own copy of that scenario again and again (with a note, so
 *   every save writes a revision), as the editor's Save button posts it (single fetch, `.data`).
 * - healthz: `/healthz`, one `SELECT 1` through the whole stack (Express, Remix, Prisma). No page that
 *   reads the database can do better on this machine: the floor the two pages' goal is measured against.
 * Each line also says how many server processes served (`processes`), the answer's size as sent
 * (`kb`, compressed as for a browser), the server's CPU time per answer (`cpu_ms`, all its processes;
 * Linux only) and the machine's 1-minute load average when the run ended (`load_avg`): other work on
 * the two cores moves the latencies, hardly the CPU time.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import { DEMO_LOGIN } from "../../prisma/demo-login.ts";
import { buildIfStale, migrate, seed } from "../lib/app.ts";
import { provideDatabase, recreateDatabase, withDatabaseName } from "../lib/database.ts";
import { projectRoot } from "../lib/paths.ts";
import { formatLoadRun, runClosedLoop, type LoadRequest, type LoadRun } from "./closed-loop.ts";
import { startBenchServer, type BenchServer } from "./server.ts";

const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3193);
const DATABASE = process.env.BENCH_LOAD_DATABASE ?? "opentco_bench_load";
const LOAD_CONNECTIONS = 50;
const WARMUP_MS = 3_000;
const MEASURE_MS = 10_000;
const NAMES = ["page-scenario", "page-catalog", "action-save", "healthz"] as const;

type Answer = { status: number; headers: Headers; text: string };

async function call(path: string, init: { method?: string; cookie?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.form) Object.assign(headers, { "Content-Type": "application/x-www-form-urlencoded", Origin: `http://localhost:${PORT}` });
  const response = await fetch(`http://localhost:${PORT}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    redirect: "manual",
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function logIn(): Promise<string> {
  const login = await call("/login", { method: "POST", form: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password, redirectTo: "/" } });
  const cookie = login.headers.getSetCookie()[0]?.split(";")[0];
  if (login.status !== 302 || !cookie) throw new Error(`demo log-in answered ${login.status}`);
  return cookie;
}

async function findDemoScenario(cookie: string): Promise<string> {
  const list = await call(`/o/${DEMO_LOGIN.orgSlug}/scenarios`, { cookie });
  const id = new RegExp(`href="/o/${DEMO_LOGIN.orgSlug}/scenarios/(\\w+)"[^>]*>[^<]*Support assistant`).exec(list.text)?.[1];
  if (!id) throw new Error("the demo organisation has no 'Support assistant' scenario");
  return id;
}

/** `count` copies of the scenario (revision 1 each), made through the page's Duplicate button. */
async function duplicate(cookie: string, scenarioId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await call(`/o/${DEMO_LOGIN.orgSlug}/scenarios/${scenarioId}?index`, { method: "POST", cookie, form: { intent: "duplicate" } });
    const id = /\/scenarios\/(\w+)$/.exec(answer.headers.get("Location") ?? "")?.[1];
    if (answer.status !== 302 || !id) throw new Error(`duplicate answered ${answer.status}`);
    ids.push(id);
  }
  return ids;
}

type Measured = { run: LoadRun; cpuMsPerAnswer: number | null };

/**
 * Warms the server up with the same requests, then measures; prints the line. Every answer must have
 * the `expected` status; `onAnswer` sees those.
 */
async function load(server: BenchServer, name: string, next: (connection: number) => LoadRequest, expected: number, onAnswer?: (connection: number) => void): Promise<void> {
  const options = { port: PORT, connections: LOAD_CONNECTIONS, next, onAnswer: onAnswer && ((connection: number, answer: { status: number }) => answer.status === expected && onAnswer(connection)) };
  await runClosedLoop({ ...options, durationMs: WARMUP_MS });
  const cpuBefore = server.cpuSeconds();
  const run = await runClosedLoop({ ...options, durationMs: MEASURE_MS });
  const cpuAfter = server.cpuSeconds();
  const unexpected = [...run.statuses].filter(([status]) => status !== expected);
  if (unexpected.length > 0) throw new Error(`${name}: answers other than ${expected}: ${unexpected.map(([status, count]) => `${count}× ${status}`).join(", ")}`);
  const measured: Measured = { run, cpuMsPerAnswer: cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / run.latenciesMs.length };
  process.stdout.write(`${formatLoadRun(name, run, describe(measured))}\n`);
}

function describe({ run, cpuMsPerAnswer }: Measured): Record<string, string | number> {
  return {
    connections: LOAD_CONNECTIONS,
    processes: Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()),
    kb: (run.bytes / run.latenciesMs.length / 1024).toFixed(1),
    ...(cpuMsPerAnswer === null ? {} : { cpu_ms: cpuMsPerAnswer.toFixed(1) }),
    load_avg: os.loadavg()[0]?.toFixed(1) ?? "?",
  };
}

/** Prints the load benchmarks whose names contain `filter` (all without one). */
export async function runLoadBenchmarks(filter: string | undefined): Promise<void> {
  const wanted = NAMES.filter((name) => filter === undefined || name.includes(filter));
  if (wanted.length === 0) return;
  await buildIfStale();
  const postgres = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const database = await provideDatabase({ databaseName: DATABASE, urlFromEnv: postgres && withDatabaseName(postgres, DATABASE) });
  let server: BenchServer | undefined;
  try {
    await recreateDatabase(database.url);
    await migrate(database.url);
    await seed(database.url);
    server = await startBenchServer(PORT, database.url);
    const cookie = await logIn();
    const scenarioId = await findDemoScenario(cookie);

    if (wanted.includes("page-scenario")) {
      const path = `/o/${DEMO_LOGIN.orgSlug}/scenarios/${scenarioId}`;
      await load(server, "page-scenario", () => ({ path, headers: { Cookie: cookie } }), 200);
    }
    if (wanted.includes("page-catalog")) await load(server, "page-catalog", () => ({ path: "/catalog" }), 200);
    if (wanted.includes("healthz")) await load(server, "healthz", () => ({ path: "/healthz" }), 200);
    if (wanted.includes("action-save")) {
      const inputs = readFileSync(`${projectRoot}public/examples/four-options-60-months.json`, "utf8");
      const copies = await duplicate(cookie, scenarioId, LOAD_CONNECTIONS);
      const base = copies.map(() => 1);
      let round = 0;
      const next = (connection: number): LoadRequest => ({
        method: "POST",
        path: `/o/${DEMO_LOGIN.orgSlug}/scenarios/${copies[connection]}.data?index`,
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: `http://localhost:${PORT}` },
        body: new URLSearchParams({ intent: "save", baseRevision: String(base[connection]), inputs, note: `bench save ${++round}` }).toString(),
      });
      await load(server, "action-save", next, 200, (connection) => void (base[connection] = (base[connection] ?? 1) + 1));
    }
  } finally {
    server?.stop();
    await database.stop();
  }
}
