import { defineConfig } from "@playwright/test";

// Away from `npm start`'s 3000 and from other local servers; E2E_PORT moves it.
const port = Number(process.env.E2E_PORT ?? 3170);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Two cores: one browser per core at most, and one in CI where the server shares them too.
  workers: process.env.CI ? 1 : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // scripts/test-all.ts reads the JSON report for its counts.
  reporter: [["list"], ["json", { outputFile: ".test-output/e2e.json" }]],
  use: {
    // localhost, not 127.0.0.1: browsers treat it as a secure context, so Secure cookies work over http.
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    browserName: "chromium",
    launchOptions: {
      // Debian's Chromium, not a downloaded one: nothing is fetched at install or test time.
      executablePath: "/usr/bin/chromium",
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    port,
    env: { PORT: String(port) },
    // A fresh clone builds the app first.
    timeout: 180_000,
    // The run owns its server: its database is recreated and seeded for the run.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1" && !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    // The default SIGKILL would leave the embedded PostgreSQL with a stale lock.
    gracefulShutdown: { signal: "SIGTERM", timeout: 5000 },
  },
});
