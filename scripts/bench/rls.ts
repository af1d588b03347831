/**
 * bench rls-overhead (issue 13, ADR 019): what row-level security costs a scenario read and a save.
 * The app's own model functions run against a bench database, in alternating phases with the tenant
 * tables' row-level security enabled and disabled (ALTER TABLE … DISABLE ROW LEVEL SECURITY): the same
 * code, the same connections, the same transactions; only the policies differ.
 * - rls-overhead-read: getRevision of a 60-month scenario (the scenario page's read, result decoded).
 * - rls-overhead-save: saveRevision of changed inputs (computed, then committed).
 * - rls-overhead-scope: what the scope itself costs, policies or not: an empty withScope transaction
 *   (BEGIN, the set_config statement, COMMIT) against one plain `SELECT 1`, in wall time and in this
 *   process's CPU time (mean per call; less disturbed by other work on the machine).
 * `median_ms`/`p95_ms` are with row-level security, `no_rls_*` without.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { migrate } from "../lib/app.ts";
import { provideDatabase, recreateDatabase, withDatabaseName } from "../lib/database.ts";
import { projectRoot } from "../lib/paths.ts";

const DATABASE_NAME = "opentco_bench_rls";
const PHASES = 4;
const READS_PER_PHASE = 150;
const SAVES_PER_PHASE = 15;
const SCOPES_PER_PHASE = 300;
const AS_OF = "2026-12-01";
const BENCH_NAMES = ["rls-overhead-read", "rls-overhead-save", "rls-overhead-scope"];

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const ms = (value: number) => value.toFixed(3);

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The tables whose row-level security the migration enabled. */
async function listSecuredTables(owner: pg.Client): Promise<string[]> {
  const { rows } = await owner.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public' WHERE c.relrowsecurity ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

async function setRowLevelSecurity(owner: pg.Client, tables: string[], enabled: boolean): Promise<void> {
  for (const table of tables) await owner.query(`ALTER TABLE ${owner.escapeIdentifier(table)} ${enabled ? "ENABLE" : "DISABLE"} ROW LEVEL SECURITY`);
}

function line(name: string, withRls: number[], withoutRls: number[]): string {
  return `bench ${name} median_ms=${ms(percentile(withRls, 0.5))} p95_ms=${ms(percentile(withRls, 0.95))} no_rls_median_ms=${ms(percentile(withoutRls, 0.5))} no_rls_p95_ms=${ms(percentile(withoutRls, 0.95))} runs=${withRls.length}`;
}

export async function runRlsBenchmarks(filter: string | undefined): Promise<void> {
  if (filter !== undefined && !BENCH_NAMES.some((name) => name.includes(filter))) return;
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const database = await provideDatabase({ databaseName: DATABASE_NAME, urlFromEnv: server && withDatabaseName(server, DATABASE_NAME) });
  const owner = new pg.Client({ connectionString: database.url });
  try {
    await recreateDatabase(database.url);
    await migrate(database.url);
    // The data layer reads DATABASE_URL when it is first imported: nothing in this process has done so yet.
    process.env.DATABASE_URL = database.url;
    const { prisma, withScope } = await import("../../app/db.server.ts");
    const { createScenario, getRevision, saveRevision } = await import("../../app/models/scenario.server.ts");
    const { createUserWithOrganization } = await import("../../app/models/user.server.ts");
    await owner.connect();
    const tables = await listSecuredTables(owner);

    const example = JSON.parse(readFileSync(`${projectRoot}public/examples/hybrid-overflow-eur.json`, "utf8")) as { sensitivity: Record<string, unknown>; workload: { volume: Record<string, unknown> } };
    const { monteCarlo: _monteCarlo, ...sensitivity } = example.sensitivity;
    const inputs = (tokensPerMonth: number) => ({ ...example, sensitivity, workload: { ...example.workload, volume: { ...example.workload.volume, tokensPerMonth: String(tokensPerMonth) } } });
    // Nobody logs in as this user: no password hash is worth computing.
    const { orgId, userId } = await createUserWithOrganization({ email: "bench@example.test", password: "unused password", orgName: "Bench", slug: "bench" }, { passwordHash: "unused" });
    const created = await createScenario({ orgId, userId, inputs: inputs(1_000_000_000), asOf: AS_OF });
    if (!created.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(created.issues)}`);
    const scenarioId = created.scenarioId;
    let latest = 1;

    const timings = { read: { on: [] as number[], off: [] as number[] }, save: { on: [] as number[], off: [] as number[] } };
    const scopeTimes: number[] = [];
    const selectTimes: number[] = [];
    let scopeCpuMs = 0;
    let selectCpuMs = 0;
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    for (let phase = 0; phase < PHASES; phase++) {
      const enabled = phase % 2 === 0;
      const key = enabled ? "on" : "off";
      await setRowLevelSecurity(owner, tables, enabled);
      // Warm-up of the phase: plans and connections.
      for (let i = 0; i < 10; i++) await getRevision({ orgId, scenarioId, number: 1 });
      for (let i = 0; i < READS_PER_PHASE; i++) {
        timings.read[key].push(
          await time(async () => {
            if (!(await getRevision({ orgId, scenarioId, number: 1 }))) throw new Error("bench revision not found");
          }),
        );
      }
      for (let i = 0; i < SAVES_PER_PHASE; i++) {
        timings.save[key].push(
          await time(async () => {
            const saved = await saveRevision({ orgId, userId, scenarioId, baseRevisionNumber: latest, inputs: inputs(1_000_000_000 + latest), asOf: AS_OF });
            if (!saved?.ok || !saved.created) throw new Error(`bench save failed: ${JSON.stringify(saved)}`);
            latest = saved.revisionNumber;
          }),
        );
      }
      // The scope's own transaction against a plain statement, alternately.
      for (let i = 0; i < SCOPES_PER_PHASE; i++) {
        let since = process.cpuUsage();
        scopeTimes.push(await time(() => withScope({ orgId }, async () => undefined)));
        scopeCpuMs += cpuMs(since);
        since = process.cpuUsage();
        selectTimes.push(await time(() => prisma.$queryRaw`SELECT 1`));
        selectCpuMs += cpuMs(since);
      }
    }
    await setRowLevelSecurity(owner, tables, true);
    process.stdout.write(`${line("rls-overhead-read", timings.read.on, timings.read.off)}\n`);
    process.stdout.write(`${line("rls-overhead-save", timings.save.on, timings.save.off)}\n`);
    process.stdout.write(
      `bench rls-overhead-scope scope_median_ms=${ms(percentile(scopeTimes, 0.5))} scope_p95_ms=${ms(percentile(scopeTimes, 0.95))} scope_cpu_ms=${ms(scopeCpuMs / scopeTimes.length)} ` +
        `select_median_ms=${ms(percentile(selectTimes, 0.5))} select_p95_ms=${ms(percentile(selectTimes, 0.95))} select_cpu_ms=${ms(selectCpuMs / selectTimes.length)} runs=${scopeTimes.length}\n`,
    );
    await prisma.$disconnect();
  } finally {
    await owner.end().catch(() => undefined);
    await database.stop();
  }
}
