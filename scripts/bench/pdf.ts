/**
 * PDF benchmarks (issue 8).
 * - pdf-10-pages: a 10-page scenario report (the four-options example, its two API options), view-model
 *   in → bytes out through the render queue's worker thread, as a request gets it minus HTTP.
 * - pdf-under-load: the production build serving the demo scenario's page while 5 PDFs of it are
 *   requested at once; the page's latency then against its latency with no PDF running. The worker
 *   thread keeps the renders off the request thread, so pages keep answering.
 */
import { readFileSync } from "node:fs";
import { request } from "@playwright/test";
import { computeMonteCarlo, computeScenario, computeTornado, parseScenario, serializeResult } from "../../app/engine/index.ts";
import { buildScenarioReport, type ScenarioReport } from "../../app/reports/pdf/model.ts";
import { createPdfWorker, PdfRenderQueue } from "../../app/reports/pdf/queue.server.ts";
import { DEMO_LOGIN } from "../../prisma/demo-login.ts";
import { buildIfStale, migrate, seed } from "../lib/app.ts";
import { provideDatabase, recreateDatabase, withDatabaseName } from "../lib/database.ts";
import { startBenchServer } from "./server.ts";
import { projectRoot } from "../lib/paths.ts";

const PORT = Number(process.env.BENCH_PDF_PORT ?? 3191);
const BASE = `http://localhost:${PORT}`;
const CONCURRENT_RENDERS = 5;

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const ms = (value: number) => value.toFixed(1);

/** The 10-page report: the four-options example with only its two API options, stored-result style. */
function buildTenPageReport(): ScenarioReport {
  const example = JSON.parse(readFileSync(`${projectRoot}public/examples/four-options-60-months.json`, "utf8")) as { name: string; options: unknown[] };
  const inputs = { ...example, options: example.options.slice(0, 2) };
  const parsed = parseScenario(inputs);
  if (!parsed.ok) throw new Error(`bench scenario invalid: ${parsed.issues.map((issue) => issue.path).join(", ")}`);
  const scenario = parsed.scenario;
  const result = {
    scenario: serializeResult(computeScenario(scenario, { asOf: "2026-11-25" })),
    tornado: serializeResult(computeTornado(scenario)),
    monteCarlo: scenario.sensitivity.monteCarlo ? serializeResult(computeMonteCarlo(scenario)) : null,
  };
  return buildScenarioReport({
    orgName: "Bench Corp",
    locale: "en-US",
    pageSize: "A4",
    scenarioName: example.name,
    revision: { id: "bench-revision", number: 1, fingerprint: "0".repeat(64), createdAt: "2026-12-01T00:00:00.000Z", createdByEmail: "bench@example.test", engineVersion: "bench", catalogueVersion: "bench", asOf: "2026-11-25", note: null, inputs, result },
  });
}

function countPages(bytes: Uint8Array): number {
  return Buffer.from(bytes).toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
}

async function benchTenPages(): Promise<void> {
  const report = buildTenPageReport();
  const queue = new PdfRenderQueue({ maxWaiting: 1, timeoutMs: 120_000, createWorker: createPdfWorker });
  try {
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i < 3 + 20; i++) {
      const start = performance.now();
      const bytes = await queue.render(report);
      if (i >= 3) times.push(performance.now() - start);
      pages = countPages(bytes);
    }
    process.stdout.write(`bench pdf-10-pages p50_ms=${ms(percentile(times, 0.5))} p95_ms=${ms(percentile(times, 0.95))} pages=${pages} runs=${times.length}\n`);
  } finally {
    await queue.close();
  }
}

async function benchUnderLoad(): Promise<void> {
  await buildIfStale();
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const database = await provideDatabase({ databaseName: "opentco_bench_pdf", urlFromEnv: server && withDatabaseName(server, "opentco_bench_pdf") });
  let stopServer: (() => void) | undefined;
  const http = await request.newContext({ baseURL: BASE });
  try {
    await recreateDatabase(database.url);
    await migrate(database.url);
    await seed(database.url);
    stopServer = (await startBenchServer(PORT, database.url)).stop;
    const login = await http.post("/login", { form: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password, redirectTo: "/" }, maxRedirects: 0 });
    if (login.status() !== 302) throw new Error(`log-in answered ${login.status()}`);
    const list = await (await http.get(`/o/${DEMO_LOGIN.orgSlug}/scenarios`)).text();
    const id = new RegExp(`href="/o/${DEMO_LOGIN.orgSlug}/scenarios/(\\w+)"[^>]*>[^<]*Support assistant`).exec(list)?.[1];
    if (!id) throw new Error("the demo organisation has no 'Support assistant' scenario");
    const pageUrl = `/o/${DEMO_LOGIN.orgSlug}/scenarios/${id}`;
    const timeGet = async (url: string) => {
      const start = performance.now();
      const response = await http.get(url);
      await response.body();
      if (response.status() !== 200) throw new Error(`GET ${url} answered ${response.status()}`);
      return performance.now() - start;
    };

    // Warm the server and the PDF worker, then the page's latency with nothing else running.
    for (let i = 0; i < 5; i++) await timeGet(pageUrl);
    await timeGet(`${pageUrl}/pdf`);
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push(await timeGet(pageUrl));

    let rendering = true;
    const renders = Promise.all(Array.from({ length: CONCURRENT_RENDERS }, () => timeGet(`${pageUrl}/pdf`))).finally(() => (rendering = false));
    const loaded: number[] = [];
    while (rendering) loaded.push(await timeGet(pageUrl));
    const pdfTimes = await renders;
    process.stdout.write(
      `bench pdf-under-load renders=${CONCURRENT_RENDERS} pdf_p50_ms=${ms(percentile(pdfTimes, 0.5))} pdf_max_ms=${ms(Math.max(...pdfTimes))} ` +
        `page_idle_p50_ms=${ms(percentile(idle, 0.5))} page_p50_ms=${ms(percentile(loaded, 0.5))} page_p95_ms=${ms(percentile(loaded, 0.95))} page_max_ms=${ms(Math.max(...loaded))} pages_served=${loaded.length}\n`,
    );
  } finally {
    await http.dispose();
    stopServer?.();
    await database.stop();
  }
}

/** Prints the PDF benchmarks whose names contain `filter` (all without one). */
export async function runPdfBenchmarks(filter: string | undefined): Promise<void> {
  if (filter === undefined || "pdf-10-pages".includes(filter)) await benchTenPages();
  if (filter === undefined || "pdf-under-load".includes(filter)) await benchUnderLoad();
}
