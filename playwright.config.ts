import { defineConfig } from "@playwright/test";
import { launchOptions, resolveBrowser } from "./scripts/lib/browser.ts";

// Away from `npm start`'s 3000 and from other local servers; E2E_PORT moves it.
const port = Number(process.env.E2E_PORT ?? 3170);

// CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one inside the @sparticuz/chromium
// devDependency (unpacked on first use; nothing is downloaded): scripts/lib/browser.ts, ADR 015.
// Top-level await: Playwright imports this ESM config, in its runner and in each worker.
const browser = await resolveBrowser();

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Two cores: one browser per core at most, and one in CI where the server shares them too.
  workers: process.env.CI ? 1 : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A test is a whole journey (sign up, build, save, reload, several pages): on two busy cores the
  // longest took 27–32 s, so 30 s failed them for being slow, not wrong. A stuck step still fails
  // within the 10 s each expectation waits.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // scripts/test-all.ts reads the JSON report for its counts.
  reporter: [["list"], ["json", { outputFile: ".test-output/e2e.json" }]],
  // In the JSON report too, where scripts/test-all.ts reads which browser the run used.
  metadata: { browser: browser.description },
  use: {
    // localhost, not 127.0.0.1: browsers treat it as a secure context, so Secure cookies work over http.
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    browserName: "chromium",
    launchOptions: launchOptions(browser),
  },
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    port,
    // Kept pages are checked against a fresh render whenever one is served (server/kept-pages.ts).
    env: { PORT: String(port), KEPT_PAGES: "verify" },
    // A fresh clone builds the app first.
    timeout: 180_000,
    // The run owns its server: its database is recreated and seeded for the run.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1" && !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    // The default SIGKILL would leave the embedded PostgreSQL with a stale lock. Longer than the app
    // server's drain (DRAIN_TIMEOUT_MS, 10 s) so that the database stops after the server, not under it.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
