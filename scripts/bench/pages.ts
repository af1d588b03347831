/**
 * Benchmarks through the running app: the production build served against a fresh `opentco_bench`
 * database (migrated and seeded with the demo organisation), measured from outside.
 * - page-scenario-ssr: GET of a scenario's results page, server render included (HTTP round trip on
 *   loopback, logged in as the demo user). Kept pages are off (KEPT_PAGES=off, ADR 023): every GET
 *   renders, as the first view after a change does.
 * - browser-input-to-update: in the tests' Chromium (scripts/lib/browser.ts), the time from a
 *   keystroke in the workload's "requests per month" field to the new horizon total in the
 *   headline, measured inside the page (keydown timestamp → MutationObserver callback on the total).
 */
import { chromium, type Page } from "@playwright/test";
import { DEMO_LOGIN } from "../../prisma/demo-login.ts";
import { buildIfStale, migrate, seed } from "../lib/app.ts";
import { launchOptions, resolveBrowser } from "../lib/browser.ts";
import { provideDatabase, recreateDatabase, withDatabaseName } from "../lib/database.ts";
import { startBenchServer } from "./server.ts";
import { formatTimings } from "./measure.ts";

const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://localhost:${PORT}`;
/** The headline figure that every input change moves, and the input typed into. */
const TOTAL_SELECTOR = '[data-headline="cheapest"] .headline-card__value';
const VOLUME_LABEL = "Requests in month 1";

async function logIn(page: Page): Promise<void> {
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Email", { exact: true }).fill(DEMO_LOGIN.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_LOGIN.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(`${BASE}/o/${DEMO_LOGIN.orgSlug}`);
}

async function measureSsr(page: Page, url: string, warmup: number, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    const response = await page.request.get(url);
    await response.body();
    if (response.status() !== 200) throw new Error(`GET ${url} answered ${response.status()}`);
    if (i >= warmup) times.push(performance.now() - start);
  }
  return times;
}

type BenchWindow = Window & { __keyAt?: number; __updated?: Promise<number> };

async function measureInputToUpdate(page: Page, url: string, warmup: number, runs: number): Promise<number[]> {
  await page.goto(url);
  const input = page.getByLabel(VOLUME_LABEL).first();
  await input.waitFor();
  await page.evaluate(() => {
    document.addEventListener("keydown", () => ((window as BenchWindow).__keyAt = performance.now()), { capture: true });
  });
  await input.focus();
  await page.keyboard.press("End");
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    await page.evaluate((selector) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`no ${selector} on the page`);
      const before = target.textContent;
      (window as BenchWindow).__updated = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (target.textContent === before) return;
          observer.disconnect();
          resolve(performance.now() - ((window as BenchWindow).__keyAt ?? 0));
        });
        observer.observe(target, { subtree: true, childList: true, characterData: true });
      });
    }, TOTAL_SELECTOR);
    // Append a digit, then take it away: every keystroke changes the volume by a factor of ~10.
    await page.keyboard.press(i % 2 === 0 ? "5" : "Backspace");
    const elapsed = await page.evaluate(() => (window as BenchWindow).__updated as Promise<number>);
    if (i >= warmup) times.push(elapsed);
  }
  return times;
}

/** Prints the page benchmarks whose names contain `filter` (all without one). */
export async function runPageBenchmarks(filter: string | undefined): Promise<void> {
  const wanted = ["page-scenario-ssr", "browser-input-to-update"].filter((name) => filter === undefined || name.includes(filter));
  if (wanted.length === 0) return;
  await buildIfStale();
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const database = await provideDatabase({ databaseName: "opentco_bench", urlFromEnv: server && withDatabaseName(server, "opentco_bench") });
  let stopServer: (() => void) | undefined;
  const testBrowser = await resolveBrowser();
  process.stderr.write(`browser: ${testBrowser.description}\n`);
  const browser = await chromium.launch(launchOptions(testBrowser));
  try {
    await recreateDatabase(database.url);
    await migrate(database.url);
    await seed(database.url);
    stopServer = (await startBenchServer(PORT, database.url, { KEPT_PAGES: "off" })).stop;
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page);
    await page.goto(`${BASE}/o/${DEMO_LOGIN.orgSlug}/scenarios`);
    const href = await page.getByRole("link", { name: /Support assistant/ }).first().getAttribute("href");
    if (!href) throw new Error("the demo organisation has no 'Support assistant' scenario");
    const url = `${BASE}${href}`;
    if (wanted.includes("page-scenario-ssr")) process.stdout.write(`${formatTimings("page-scenario-ssr", await measureSsr(page, url, 5, 30))}\n`);
    if (wanted.includes("browser-input-to-update")) process.stdout.write(`${formatTimings("browser-input-to-update", await measureInputToUpdate(page, url, 6, 40))}\n`);
  } finally {
    await browser.close();
    stopServer?.();
    await database.stop();
  }
}
