/**
 * Backup and restore (issue 13, "Scaling out"; docs/operations.md): a database with the demo
 * organisation's scenarios, dumped with pg_dump while a production server serves it and restored with
 * pg_restore into a new database, is served by a second production server exactly as the first
 * serves the original: the same revisions, the same page data, the same PDF bytes (ADR 012: a PDF's
 * bytes follow from the revision alone). pg_dump and pg_restore must match the server's version
 * (tests/factories/pg-tools.ts). Without them the test fails on CI and says what to install; on a
 * developer's machine (the embedded PostgreSQL of npm test ships no pg_dump) it is reported as
 * skipped, with that same message printed, rather than counted as passed.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_LOGIN } from "../../prisma/demo-login.ts";
import { migrate, seed } from "../../scripts/lib/app.ts";
import { ensureDatabase, withDatabaseName } from "../../scripts/lib/database.ts";
import { findPgTools } from "../factories/pg-tools.ts";
import { startProductionServer, type ProductionServer } from "../factories/production-server.ts";

const testDatabaseUrl = process.env.DATABASE_URL ?? "";
const suffix = randomBytes(4).toString("hex");
const testDatabaseName = decodeURIComponent(new URL(testDatabaseUrl).pathname.slice(1));
const sourceUrl = withDatabaseName(testDatabaseUrl, `${testDatabaseName}_backup_${suffix}`);
const restoredUrl = withDatabaseName(testDatabaseUrl, `${testDatabaseName}_restored_${suffix}`);
const dumpDirectory = mkdtempSync(path.join(os.tmpdir(), "opentco-backup-"));
const tools = await findPgTools(testDatabaseUrl).catch((error: unknown) => {
  if (process.env.CI) throw error;
  console.warn(`backup-restore skipped: ${error instanceof Error ? error.message : String(error)}`);
  return null;
});

let source: ProductionServer;
let restored: ProductionServer;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function logIn(server: ProductionServer): Promise<string> {
  const answer = await fetch(`${server.baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.baseUrl },
    body: new URLSearchParams({ email: DEMO_LOGIN.email, password: DEMO_LOGIN.password, redirectTo: "/" }).toString(),
    redirect: "manual",
  });
  if (answer.status !== 302) throw new Error(`demo log-in on port ${server.port} answered ${answer.status}`);
  return answer.headers.getSetCookie()[0]?.split(";")[0] ?? "";
}

async function fetchBytes(server: ProductionServer, cookie: string, pathname: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  const answer = await fetch(`${server.baseUrl}${pathname}`, { headers: { Cookie: cookie } });
  return { status: answer.status, type: answer.headers.get("Content-Type") ?? "", bytes: Buffer.from(await answer.arrayBuffer()) };
}

beforeAll(async () => {
  if (tools === null) return;
  await ensureDatabase(sourceUrl);
  await migrate(sourceUrl);
  await seed(sourceUrl);
  source = await startProductionServer({ DATABASE_URL: sourceUrl, WEB_CONCURRENCY: "1" });

  // The backup is taken while the source serves, as a nightly dump would be.
  const dump = path.join(dumpDirectory, "opentco.dump");
  execFileSync(tools.pgDump, ["--format=custom", `--file=${dump}`, sourceUrl]);
  await ensureDatabase(restoredUrl);
  execFileSync(tools.pgRestore, ["--exit-on-error", `--dbname=${restoredUrl}`, dump]);
  restored = await startProductionServer({ DATABASE_URL: restoredUrl, WEB_CONCURRENCY: "1" });
}, 300_000);

afterAll(async () => {
  await Promise.all([source?.stop(), restored?.stop()]);
  rmSync(dumpDirectory, { recursive: true, force: true });
  const name = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: withDatabaseName(testDatabaseUrl, "postgres") });
  await client.connect();
  for (const url of [sourceUrl, restoredUrl]) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name(url))} WITH (FORCE)`);
  await client.end();
});

describe.skipIf(tools === null)("a pg_dump restored into a new database", () => {
  it("holds the same scenarios and revisions, byte for byte", async () => {
    const sql = `SELECT s.id, s.name, s."latestRevisionNumber", r.number, r.fingerprint, r."createdAt", md5(r.result) AS result
                 FROM "Scenario" s JOIN "ScenarioRevision" r ON r."scenarioId" = s.id ORDER BY s.id, r.number`;
    const before = await query(sourceUrl, sql);
    expect(before.length).toBeGreaterThanOrEqual(6);
    expect(await query(restoredUrl, sql)).toEqual(before);
  });

  it("is served like the original: the same page data and the same PDF bytes for every scenario", async () => {
    const [sourceCookie, restoredCookie] = await Promise.all([logIn(source), logIn(restored)]);
    const scenarios = await query<{ id: string; latestRevisionNumber: number }>(sourceUrl, `SELECT id, "latestRevisionNumber" FROM "Scenario" ORDER BY id`);
    expect(scenarios).toHaveLength(3);
    for (const { id, latestRevisionNumber } of scenarios) {
      const page = `/o/${DEMO_LOGIN.orgSlug}/scenarios/${id}`;
      for (const pathname of [`${page}.data`, `${page}.data?revision=1`]) {
        const [original, copy] = await Promise.all([fetchBytes(source, sourceCookie, pathname), fetchBytes(restored, restoredCookie, pathname)]);
        expect(original.status, pathname).toBe(200);
        expect(copy.status, pathname).toBe(200);
        expect(copy.bytes.toString(), pathname).toBe(original.bytes.toString());
      }
      const pdf = `${page}/pdf?revision=${latestRevisionNumber}`;
      const [original, copy] = await Promise.all([fetchBytes(source, sourceCookie, pdf), fetchBytes(restored, restoredCookie, pdf)]);
      expect(original.type).toBe("application/pdf");
      expect(original.bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect(copy.bytes.equals(original.bytes), `${pdf}: ${copy.bytes.length} bytes against ${original.bytes.length}`).toBe(true);
    }
  }, 300_000);
});
