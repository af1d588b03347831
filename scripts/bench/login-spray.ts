/**
 * bench login-spray-impact (issue 10, item 7): how much a log-in spray slows a signed-in user. The
 * production build serves the demo organisation; a signed-in client fetches its overview page as fast
 * as it can, first alone, then while another client (another loopback address) sprays log-ins with
 * made-up emails at SPRAY_PER_SECOND — the rate the outside probe reached (1,359 in 15 s). Each
 * unthrottled attempt costs an argon2id hash; the per-address ceiling refuses the spray after 50.
 * Prints the page's requests/s during the spray as a ratio of its requests/s without it (goal ≥ 0.8):
 * `ratio_first` over the spray's first MEASURE_MS (its first 50 attempts are hashed, then it is
 * refused), `ratio` after SPRAY_WARMUP_MS more: the steady state of a spray that goes on.
 */
import http from "node:http";
import { DEMO_LOGIN } from "../../prisma/demo-login.ts";
import { buildIfStale, migrate, seed } from "../lib/app.ts";
import { provideDatabase, recreateDatabase, withDatabaseName } from "../lib/database.ts";
import { startBenchServer } from "./server.ts";
import { sleep } from "../lib/net.ts";

const PORT = Number(process.env.BENCH_SPRAY_PORT ?? 3192);
/** Log-in attempts per second: the probe's ~90/s, rounded up. */
const SPRAY_PER_SECOND = 100;
/** Parallel page requests of the signed-in client. */
const PAGE_CONCURRENCY = 2;
const MEASURE_MS = 6000;
const SPRAY_WARMUP_MS = 2000;
const PAGE_CLIENT = "127.0.0.1";
const SPRAYER = "127.0.0.2";

type Answer = { status: number; setCookie: string[] };

/** One request from loopback address `from`; the body is read to its end. */
function request(from: string, path: string, { method = "GET", cookie, form }: { method?: string; cookie?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const headers: Record<string, string> = { Host: `localhost:${PORT}`, ...(cookie ? { Cookie: cookie } : {}) };
  if (body !== undefined) Object.assign(headers, { "Content-Type": "application/x-www-form-urlencoded", Origin: `http://localhost:${PORT}` });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, localAddress: from, path, method, headers, agent: false }, (res) => {
      res.resume();
      res.once("end", () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers["set-cookie"] ?? [] }));
    });
    req.once("error", reject);
    req.end(body);
  });
}

/** Requests/s of the signed-in page over MEASURE_MS, PAGE_CONCURRENCY at a time. */
async function measurePageRate(cookie: string, path: string): Promise<number> {
  const until = performance.now() + MEASURE_MS;
  let served = 0;
  const loop = async () => {
    while (performance.now() < until) {
      const { status } = await request(PAGE_CLIENT, path, { cookie });
      if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
      served++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: PAGE_CONCURRENCY }, loop));
  return served / ((performance.now() - started) / 1000);
}

/** Log-ins with made-up emails at SPRAY_PER_SECOND until stopped; counts the answers by status into `statuses`. */
function startSpray(statuses: Map<number, number>): { stop: () => Promise<void> } {
  const pending = new Set<Promise<void>>();
  let sent = 0;
  const timer = setInterval(() => {
    const attempt = request(SPRAYER, "/login", { method: "POST", form: { email: `spray-${sent++}@example.test`, password: "a guessed password", redirectTo: "/" } }).then(
      ({ status }) => void statuses.set(status, (statuses.get(status) ?? 0) + 1),
      () => void statuses.set(0, (statuses.get(0) ?? 0) + 1),
    );
    pending.add(attempt);
    void attempt.finally(() => pending.delete(attempt));
  }, 1000 / SPRAY_PER_SECOND);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
    },
  };
}

/** Prints `bench login-spray-impact …` when the filter matches (or there is none). */
export async function runLoginSprayBenchmark(filter: string | undefined): Promise<void> {
  if (filter !== undefined && !"login-spray-impact".includes(filter)) return;
  await buildIfStale();
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const database = await provideDatabase({ databaseName: "opentco_bench_spray", urlFromEnv: server && withDatabaseName(server, "opentco_bench_spray") });
  let stopServer: (() => void) | undefined;
  try {
    await recreateDatabase(database.url);
    await migrate(database.url);
    await seed(database.url);
    stopServer = (await startBenchServer(PORT, database.url, { TRUST_PROXY: "" })).stop;
    const login = await request(PAGE_CLIENT, "/login", { method: "POST", form: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password, redirectTo: "/" } });
    const cookie = login.setCookie[0]?.split(";")[0];
    if (login.status !== 302 || !cookie) throw new Error(`demo log-in answered ${login.status}`);
    const page = `/o/${DEMO_LOGIN.orgSlug}`;
    for (let i = 0; i < 20; i++) await request(PAGE_CLIENT, page, { cookie });

    const idle = await measurePageRate(cookie, page);
    const statuses = new Map<number, number>();
    const spray = startSpray(statuses);
    const firstSeconds = await measurePageRate(cookie, page);
    await sleep(SPRAY_WARMUP_MS);
    const underSpray = await measurePageRate(cookie, page);
    await spray.stop();
    const count = (status: number) => statuses.get(status) ?? 0;
    const attempts = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    process.stdout.write(
      `bench login-spray-impact ratio=${(underSpray / idle).toFixed(2)} ratio_first=${(firstSeconds / idle).toFixed(2)} page_rps_idle=${idle.toFixed(1)} page_rps_spray=${underSpray.toFixed(1)} ` +
        `spray_per_s=${SPRAY_PER_SECOND} spray_attempts=${attempts} spray_checked=${count(400)} spray_refused=${count(429)}\n`,
    );
  } finally {
    stopServer?.();
    await database.stop();
  }
}
