/**
 * The server Playwright starts (playwright.config.ts → webServer): a fresh `opentco_e2e`
 * database on TEST_DATABASE_URL's server (else DATABASE_URL's, else the embedded one), migrated
 * and seeded, and the production build served on PORT. Playwright stops it with SIGTERM; the
 * server goes first, then the embedded database.
 */
import { buildIfStale, migrate, portFromEnv, seed, serve } from "./lib/app.ts";
import { provideDatabase, recreateDatabase, redact, withDatabaseName } from "./lib/database.ts";
import { exitCodeOf, forwardSignalsToChildren, signalReceived } from "./lib/process.ts";

async function main(): Promise<number> {
  forwardSignalsToChildren();
  const port = portFromEnv("PORT", 3170);
  await buildIfStale();
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  // E2E_DATABASE lets two runs on one machine (two checkouts, two ports) keep apart.
  const databaseName = process.env.E2E_DATABASE || "opentco_e2e";
  const database = await provideDatabase({
    databaseName,
    urlFromEnv: server && withDatabaseName(server, databaseName),
  });
  try {
    console.log(`e2e database: ${redact(database.url)} (recreated empty)`);
    // Each run starts from the same state: the migrations and the demo seed, nothing else.
    await recreateDatabase(database.url);
    await migrate(database.url);
    await seed(database.url);
    const interrupted = signalReceived();
    if (interrupted) return exitCodeOf(null, interrupted);
    return await serve({ port, databaseUrl: database.url });
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`e2e server failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
