/**
 * A graceful stop (issue 10, item 8): `npm start` in a process group of its own, signalled as Ctrl-C
 * signals a terminal's group, while a request is in flight. The request still gets its answer (and
 * the database its writes); new connections are refused; past DRAIN_TIMEOUT_MS a request is cut off
 * and the process exits anyway.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { buildIfStale } from "../../scripts/lib/app.ts";
import { withDatabaseName } from "../../scripts/lib/database.ts";
import { portAnswers, sleep } from "../../scripts/lib/net.ts";
import { projectRoot } from "../../scripts/lib/paths.ts";
import { createUniqueEmail } from "../factories/index.ts";
import { freePort } from "../factories/production-server.ts";

const databaseName = `opentco_drain_${randomBytes(4).toString("hex")}`;
const databaseUrl = () => withDatabaseName(process.env.DATABASE_URL ?? "", databaseName);
// A loopback address of its own: its one failed log-in per test throttles nobody else.
const CLIENT = "127.0.0.21";

type Started = { child: ChildProcess; port: number; output: () => string; exited: Promise<{ code: number | null; at: number }> };

/** `npm start` (scripts/start.ts) as the leader of a new process group, on the test's own database. */
async function startApp(env: Record<string, string> = {}): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: projectRoot,
    detached: true,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl(), PORT: String(port), ...env },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once("exit", (code) => resolve({ code, at: Date.now() })));
  for (let waited = 0; !output.includes("OpenTCO is running at"); waited += 100) {
    if (waited > 120_000 || child.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
    await sleep(100);
  }
  return { child, port, output: () => output, exited };
}

/**
 * A log-in POST whose body arrives over `durationMs`: in flight all that time. Resolves with the status,
 * or "cut off" when the server closes the connection first.
 */
function slowLogin(port: number, durationMs: number): Promise<number | "cut off"> {
  const body = new URLSearchParams({ email: createUniqueEmail("drain"), password: "not the password", redirectTo: "/", padding: "x".repeat(400) }).toString();
  return new Promise((resolve) => {
    const req = http.request(
      { host: "127.0.0.1", port, localAddress: CLIENT, path: "/login", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: `http://localhost:${port}`, Host: `localhost:${port}` } },
      (res) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.once("error", () => resolve("cut off"));
    const pieces = 20;
    const size = Math.ceil(body.length / pieces);
    let sent = 0;
    const timer = setInterval(() => {
      req.write(body.slice(sent * size, (sent + 1) * size));
      if (++sent === pieces) {
        clearInterval(timer);
        req.end();
      }
    }, durationMs / pieces);
    req.once("close", () => clearInterval(timer));
  });
}

beforeAll(async () => {
  await buildIfStale();
}, 240_000);

afterAll(async () => {
  await prisma.loginAttempt.deleteMany({ where: { ip: CLIENT } });
  const client = new pg.Client({ connectionString: withDatabaseName(process.env.DATABASE_URL ?? "", "postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseName)} WITH (FORCE)`);
  await client.end();
});

describe("stopping npm start with a request in flight", () => {
  it("lets a 3-second request finish after SIGTERM to the process group, refuses new connections, then exits 0", async () => {
    const app = await startApp();
    const inFlight = slowLogin(app.port, 3000);
    await sleep(500);
    const signalledAt = Date.now();
    process.kill(-(app.child.pid ?? 0), "SIGTERM");
    await sleep(300);
    expect(await portAnswers(app.port)).toBe(false);
    // The log-in ran to its end, database included: a wrong password is a 400, not a dropped connection.
    expect(await inFlight, app.output()).toBe(400);
    const { code, at } = await app.exited;
    expect(code, app.output()).toBe(0);
    expect(at - signalledAt).toBeGreaterThan(2000);
    expect(app.output()).toContain("Stopping: finishing 1 request in flight (at most 10 s)");
  }, 180_000);

  it("cuts off a request still running at DRAIN_TIMEOUT_MS and exits anyway", async () => {
    const app = await startApp({ DRAIN_TIMEOUT_MS: "1000" });
    const inFlight = slowLogin(app.port, 6000);
    await sleep(500);
    const signalledAt = Date.now();
    process.kill(-(app.child.pid ?? 0), "SIGINT");
    expect(await inFlight).toBe("cut off");
    const { code, at } = await app.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(4000);
    expect(app.output()).toContain("1 request still running after 1 s cut off");
  }, 180_000);
});
