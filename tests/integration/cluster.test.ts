/**
 * The production server as a process per core (server/cluster.ts, ADR 018), with WEB_CONCURRENCY=2:
 * the log-in flood gate counts one address across both processes, a process that dies is replaced,
 * and SIGTERM to the primary alone (what a container runtime sends) drains both and exits 0.
 */
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { AUTH_FORM_POST_LIMIT } from "../../server/app.ts";
import { sleep } from "../../scripts/lib/net.ts";
import { startProductionServer, type ProductionServer } from "../factories/production-server.ts";

const FLOODER = "127.0.0.31";
const SLOW_CLIENT = "127.0.0.32";

let server: ProductionServer;

/** Server processes the primary has forked now (Linux /proc). */
function workerPids(): number[] {
  const file = `/proc/${server.process.pid}/task/${server.process.pid}/children`;
  return existsSync(file) ? readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

/**
 * A log-in post from `from` on a connection of its own (no keep-alive), so that successive posts land on
 * the workers in turn. `body` is sent in `pieces` over `durationMs`.
 */
function postLogin(from: string, { body = "", durationMs = 0, pieces = 1 } = {}): Promise<{ status: number; type: string; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: server.port,
        localAddress: from,
        agent: false,
        path: "/login.data",
        method: "POST",
        headers: { Host: `localhost:${server.port}`, Origin: server.baseUrl, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.once("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), retryAfter: res.headers["retry-after"] }));
      },
    );
    req.once("error", reject);
    const size = Math.ceil(body.length / pieces);
    let sent = 0;
    const next = () => {
      if (sent === pieces) return void req.end();
      req.write(body.slice(sent * size, (sent + 1) * size));
      sent++;
      setTimeout(next, durationMs / pieces);
    };
    next();
  });
}

beforeAll(async () => {
  server = await startProductionServer({ WEB_CONCURRENCY: "2" });
  for (let waited = 0; !server.output().includes("(2 processes)"); waited += 100) {
    if (waited > 60_000) throw new Error(`the second process did not start:\n${server.output()}`);
    await sleep(100);
  }
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await prisma.loginAttempt.deleteMany({ where: { ip: SLOW_CLIENT } });
});

describe("a server of two processes", () => {
  it("announces both and runs them as children of one primary", () => {
    expect(server.output()).toContain(`listening on http://localhost:${server.port} (2 processes)`);
    expect(workerPids()).toHaveLength(2);
  });

  it("refuses an address's log-in flood once over the limit across both processes, not per process", async () => {
    const { limit } = AUTH_FORM_POST_LIMIT;
    // Each post is a new connection: the primary hands them to the two workers in turn, so with a
    // count per process neither would have reached the limit here.
    for (let i = 0; i < limit; i++) {
      const answer = await postLogin(FLOODER);
      expect(answer.type, `post ${i + 1}`).not.toMatch(/text\/plain/);
    }
    const refused = await Promise.all([postLogin(FLOODER), postLogin(FLOODER)]);
    for (const answer of refused) {
      expect(answer.status).toBe(429);
      expect(answer.type).toMatch(/text\/plain/);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
  }, 120_000);

  it("replaces a process that dies while serving", async () => {
    const [victim, survivor] = workerPids();
    process.kill(victim ?? 0, "SIGKILL");
    for (let waited = 0; !server.output().includes("exited with signal SIGKILL: starting another"); waited += 100) {
      if (waited > 10_000) throw new Error(`no replacement announced:\n${server.output()}`);
      await sleep(100);
    }
    for (let waited = 0; workerPids().length < 2; waited += 100) {
      if (waited > 30_000) throw new Error(`no second process after the kill:\n${server.output()}`);
      await sleep(100);
    }
    expect(workerPids()).toContain(survivor);
    expect(workerPids()).not.toContain(victim);
    // Both serve: a handful of fresh connections all answer.
    const statuses = await Promise.all(Array.from({ length: 6 }, () => fetch(`${server.baseUrl}/healthz`, { headers: { Connection: "close" } }).then((answer) => answer.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
  }, 60_000);

  it("drains both processes on SIGTERM to the primary alone and exits 0", async () => {
    const exited = new Promise<number | null>((resolve) => server.process.once("exit", (code) => resolve(code)));
    const inFlight = postLogin(SLOW_CLIENT, { body: `email=slow%40example.test&password=x&padding=${"x".repeat(200)}`, durationMs: 2000, pieces: 10 });
    await sleep(400);
    server.process.kill("SIGTERM");
    // The log-in reads its whole body, checks it and answers (a wrong password: 400), not a cut connection.
    expect((await inFlight).status).toBe(400);
    expect(await exited, server.output()).toBe(0);
    expect(server.output()).toContain("Stopping: finishing 1 request in flight");
  }, 60_000);
});
