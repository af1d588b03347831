/**
 * `npm test`: typecheck, lint, unit, integration (real PostgreSQL), fuzz (malformed requests through
 * the production build, real PostgreSQL) and e2e (Playwright in the Chromium that
 * scripts/lib/browser.ts finds), in that order, each streamed to the terminal. Counts
 * come from the suites' JSON reports, and so does the e2e browser, named in one line before the
 * summary; the last line is exactly `N passed, N failed`; the exit code is 1 on any failure,
 * crash, missing config or suite that ran no tests. `npm test -- <suite>…` runs only those suites.
 *
 * Database: TEST_DATABASE_URL as given; else DATABASE_URL's server with an `opentco_test`
 * database (never the development data); else the embedded server, started once here and
 * handed to integration, fuzz and e2e as TEST_DATABASE_URL.
 *
 * Evidence: integration and fuzz run the tier OPENTCO_EVIDENCE names, said in one line before them
 * (tests/evidence.ts, docs/decisions/022-evidence-tiers.md).
 */
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { EVIDENCE, EVIDENCE_TIER } from "../tests/evidence.ts";
import { provideDatabase, redact, withDatabaseName, type ProvidedDatabase } from "./lib/database.ts";
import { projectRoot } from "./lib/paths.ts";
import { forwardSignalsToChildren, run, signalReceived } from "./lib/process.ts";

const reportDir = path.join(projectRoot, ".test-output");

interface Counts {
  passed: number;
  failed: number;
  /** Why the suite counts as failed beyond its failing tests (crash, no tests, missing config). */
  problem?: string;
  /** One line printed before the summary (e2e: the browser it ran in). */
  note?: string;
}

interface Suite {
  name: string;
  /** A config file the suite cannot run without; its absence is a failure, not a skip. */
  requires?: string;
  needsDatabase?: boolean;
  command: string[];
  /** Reads the suite's counts after it exited with `exitCode`. */
  count(exitCode: number): Counts;
}

const suites: Suite[] = [
  {
    name: "typecheck",
    command: ["node", "node_modules/typescript/bin/tsc", "-p", "tsconfig.json"],
    count: singleCheck,
  },
  {
    name: "lint",
    command: ["node", "node_modules/eslint/bin/eslint.js", "."],
    count: singleCheck,
  },
  vitestSuite("unit", "vitest.config.ts"),
  { ...vitestSuite("integration", "vitest.integration.config.ts"), needsDatabase: true },
  // fast-check drives malformed requests through the production build (docs/decisions/020-request-fuzzing.md).
  { ...vitestSuite("fuzz", "vitest.fuzz.config.ts"), needsDatabase: true },
  {
    name: "e2e",
    requires: "playwright.config.ts",
    needsDatabase: true,
    command: ["node", "node_modules/@playwright/test/cli.js", "test"],
    count: (exitCode) => countPlaywright(path.join(reportDir, "e2e.json"), exitCode),
  },
];

function singleCheck(exitCode: number): Counts {
  return exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

function vitestSuite(name: string, config: string): Suite {
  const report = path.join(reportDir, `${name}.json`);
  return {
    name,
    requires: config,
    command: [
      "node",
      "node_modules/vitest/vitest.mjs",
      "run",
      "--config",
      config,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    count: (exitCode) => countVitest(name, report, exitCode),
  };
}

interface VitestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

function countVitest(name: string, report: string, exitCode: number): Counts {
  const json = readReport<VitestReport>(report);
  if (!json) return { passed: 0, failed: 1, problem: `crashed (exit ${exitCode}, no report)` };
  // A file that fails to load fails no test, but it is a failure all the same.
  const brokenFiles = json.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  ).length;
  const counts = settle({ passed: json.numPassedTests, failed: json.numFailedTests + brokenFiles }, json.numTotalTests, exitCode);
  // A test that skips itself (a tool this machine lacks) is neither passed nor failed: it is said.
  return json.numPendingTests > 0 ? { ...counts, note: `${name}: ${json.numPendingTests} skipped (the suite's output says why)` } : counts;
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: { message?: string }[];
  /** playwright.config.ts puts the browser's description here. */
  config?: { metadata?: { browser?: string } };
}

function countPlaywright(report: string, exitCode: number): Counts {
  const json = readReport<PlaywrightReport>(report);
  if (!json) return { passed: 0, failed: 1, problem: `crashed (exit ${exitCode}, no report)` };
  const { expected, unexpected, flaky, skipped } = json.stats;
  const note = `e2e browser: ${json.config?.metadata?.browser ?? "not named in the report"}`;
  // A flaky test passed on retry; it is reported as passed and named in Playwright's own output.
  const counts = settle({ passed: expected + flaky, failed: unexpected }, expected + unexpected + flaky + skipped, exitCode);
  if (json.errors.length && !counts.problem) {
    return { passed: counts.passed, failed: counts.failed + 1, problem: `global error: ${json.errors[0]?.message ?? ""}`, note };
  }
  return { ...counts, note };
}

/** No tests, or a non-zero exit without a failing test, is a failure of its own. */
function settle(counts: Counts, total: number, exitCode: number): Counts {
  if (total === 0) return { passed: counts.passed, failed: counts.failed + 1, problem: "ran no tests" };
  if (exitCode !== 0 && counts.failed === 0) {
    return { passed: counts.passed, failed: 1, problem: `exit ${exitCode} without a failing test (crash or unhandled error)` };
  }
  return counts;
}

function readReport<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** The database integration and e2e run against (e2e uses another database on the same server). */
async function provideTestDatabase(): Promise<ProvidedDatabase> {
  const { TEST_DATABASE_URL, DATABASE_URL } = process.env;
  if (TEST_DATABASE_URL) return provideDatabase({ databaseName: "opentco_test", urlFromEnv: TEST_DATABASE_URL });
  if (DATABASE_URL) {
    return provideDatabase({ databaseName: "opentco_test", urlFromEnv: withDatabaseName(DATABASE_URL, "opentco_test") });
  }
  console.log("No TEST_DATABASE_URL or DATABASE_URL: starting the embedded PostgreSQL for the test run…");
  return provideDatabase({ databaseName: "opentco_test" });
}

interface Outcome extends Counts {
  name: string;
  seconds: number;
}

async function runSuite(suite: Suite, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const started = Date.now();
  const finish = (counts: Counts): Outcome => ({ name: suite.name, seconds: (Date.now() - started) / 1000, ...counts });
  console.log(`\n━━━ ${suite.name}: ${suite.command.slice(1).join(" ")}\n`);
  if (suite.requires && !existsSync(path.join(projectRoot, suite.requires))) {
    console.error(`✗ ${suite.name}: ${suite.requires} does not exist, so this suite cannot run.`);
    return finish({ passed: 0, failed: 1, problem: `${suite.requires} missing` });
  }
  const [command, ...args] = suite.command;
  if (!command) throw new Error(`Suite ${suite.name} has no command.`);
  const exitCode = await run(command, args, { env });
  return finish(suite.count(exitCode));
}

function printSummary(outcomes: Outcome[]): { passed: number; failed: number } {
  const rows = outcomes.map((o) => [
    o.name,
    String(o.passed),
    String(o.failed),
    `${o.seconds.toFixed(1)}s`,
    o.problem ?? (o.failed ? "FAILED" : "ok"),
  ]);
  const header = ["suite", "passed", "failed", "time", "status"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  const notes = outcomes.flatMap((o) => (o.note ? [o.note] : []));
  if (notes.length) console.log(`\n${notes.join("\n")}`);
  console.log(`\n${line(header)}\n${line(widths.map((w) => "─".repeat(w)))}`);
  for (const row of rows) console.log(line(row));
  const total = {
    passed: outcomes.reduce((sum, o) => sum + o.passed, 0),
    failed: outcomes.reduce((sum, o) => sum + o.failed, 0),
  };
  const seconds = outcomes.reduce((sum, o) => sum + o.seconds, 0);
  console.log(line(["total", String(total.passed), String(total.failed), `${seconds.toFixed(1)}s`, ""]));
  return total;
}

/**
 * The PDF tests read PDFs back with poppler-utils, the one system package the tests need (the
 * browser comes from npm when the machine has none, ADR 015): without it, say so before they fail.
 */
function warnWithoutPoppler(): void {
  const onPath = (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, "pdftotext")));
  if (!onPath) {
    console.warn("⚠ pdftotext is not on PATH, so the PDF tests will fail: install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils).");
  }
}

/** `npm test -- unit e2e` runs only the named suites (in the usual order); no names, all of them. */
function selectSuites(names: string[]): Suite[] {
  const unknown = names.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length) throw new Error(`Unknown suite ${unknown.join(", ")}; the suites are ${suites.map((s) => s.name).join(", ")}.`);
  return names.length ? suites.filter((suite) => names.includes(suite.name)) : suites;
}

async function main(): Promise<number> {
  const selected = selectSuites(process.argv.slice(2));
  if (selected.some((suite) => ["unit", "integration", "e2e"].includes(suite.name))) warnWithoutPoppler();
  if (selected.some((suite) => ["integration", "fuzz"].includes(suite.name))) {
    const { fuzzRunsPerTarget, concurrentSaveRounds, crashCycles } = EVIDENCE;
    const other = EVIDENCE_TIER === "full" ? "" : "; OPENTCO_EVIDENCE=full (npm run test:evidence) runs issue 13's counts";
    const count = (value: number) => value.toLocaleString("en-US");
    console.log(`Evidence tier ${EVIDENCE_TIER}: ${count(fuzzRunsPerTarget)} fuzz requests per target, ${count(concurrentSaveRounds)} rounds of concurrent saves, ${count(crashCycles)} kill -9s${other}.`);
  }
  forwardSignalsToChildren();
  await fs.rm(reportDir, { recursive: true, force: true });
  await fs.mkdir(reportDir, { recursive: true });
  const outcomes: Outcome[] = [];
  let database: ProvidedDatabase | undefined;
  try {
    for (const suite of selected) {
      if (signalReceived()) break;
      let env: NodeJS.ProcessEnv = process.env;
      if (suite.needsDatabase) {
        if (!database) {
          database = await provideTestDatabase();
          console.log(`Test database: ${redact(database.url)}`);
        }
        env = { ...process.env, TEST_DATABASE_URL: database.url };
      }
      outcomes.push(await runSuite(suite, env));
    }
  } finally {
    await database?.stop();
  }
  const interrupted = signalReceived();
  if (interrupted) outcomes.push({ name: `(stopped by ${interrupted})`, passed: 0, failed: 1, seconds: 0 });
  const total = printSummary(outcomes);
  // CI reads this line; it must stay the last one and keep this exact shape.
  console.log(`\n${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nnpm test could not run: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    console.log("\n0 passed, 1 failed");
    process.exit(1);
  },
);
