/**
 * What `npm start` prints (issue 12, "Start-up"): where the data lives, the demo login and the URL —
 * no Prisma notices, no server banner of its own (remix-serve's named an address that was not this
 * machine's). Runs scripts/start.ts as `npm start` does, on a database of its own, and stops it with
 * Ctrl-C (SIGINT).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIfStale } from "../../scripts/lib/app.ts";
import { withDatabaseName } from "../../scripts/lib/database.ts";
import { sleep } from "../../scripts/lib/net.ts";
import { projectRoot } from "../../scripts/lib/paths.ts";

const databaseName = `opentco_start_${randomBytes(4).toString("hex")}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  // Built beforehand, so the start below normally has nothing to build (another edit may still make it).
  await buildIfStale();
}, 240_000);

afterAll(async () => {
  const client = new pg.Client({ connectionString: withDatabaseName(process.env.DATABASE_URL ?? "", "postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseName)} WITH (FORCE)`);
  await client.end();
});

describe("npm start", () => {
  it("prints only where the data lives, the demo login and the URL, and stops cleanly on Ctrl-C", async () => {
    const port = await freePort();
    const databaseUrl = withDatabaseName(process.env.DATABASE_URL ?? "", databaseName);
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, SEED: "1", PORT: String(port) },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    for (let waited = 0; !output.includes("OpenTCO is running at"); waited += 100) {
      if (waited > 120_000 || child.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
      await sleep(100);
    }
    child.kill("SIGINT");
    const code = await exited;

    const lines = output.split("\n").filter((line) => line.trim() !== "");
    const withoutBuild = lines.filter((line) => !/^Building the app \(.+\)… done in \d+ s$/.test(line));
    expect(withoutBuild, output).toEqual([
      `Data: ${databaseUrl.replace(/\/\/([^:@]+):[^@]+@/, "//$1:***@")} (DATABASE_URL)`,
      "Demo login: demo@opentco.local / opentco-demo-2026 → /o/demo",
      `OpenTCO is running at http://localhost:${port}  (Ctrl-C stops it)`,
    ]);
    expect(output).not.toMatch(/Prisma|WARNING|remix-serve|listening on|migration/i);
    // The server drains and exits 0 on SIGINT (ADR 014); the start script passes its code on.
    expect(code).toBe(0);
  }, 180_000);
});
