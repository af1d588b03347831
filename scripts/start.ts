/**
 * `npm start`: build if needed, provide PostgreSQL (DATABASE_URL, else an embedded server under
 * .data/), migrate, seed the demo organisation (embedded, or with --seed / SEED=1), serve on PORT.
 * Ctrl-C stops the server, then the embedded database; the server's exit code is ours.
 */
import { buildIfStale, migrate, portFromEnv, seed, serve } from "./lib/app.ts";
import { provideDatabase, redact, type ProvidedDatabase } from "./lib/database.ts";
import { exitCodeOf, forwardSignalsToChildren, signalReceived } from "./lib/process.ts";

async function main(): Promise<number> {
  forwardSignalsToChildren();
  const port = portFromEnv("PORT", 3000);
  const seedRequested = process.argv.includes("--seed") || process.env.SEED === "1";
  await buildIfStale();

  const urlFromEnv = process.env.DATABASE_URL || undefined;
  const database: ProvidedDatabase = await provideDatabase({ databaseName: "opentco", urlFromEnv });
  try {
    // Where the data lives, the demo login (printed by the seed), the URL: all a user needs to read.
    console.log(database.embedded ? `Data: embedded PostgreSQL in .data/postgres (delete it to start over)` : `Data: ${redact(database.url)} (DATABASE_URL)`);
    await migrate(database.url);
    if (database.embedded || seedRequested) await seed(database.url);
    const interrupted = signalReceived();
    if (interrupted) return exitCodeOf(null, interrupted);
    return await serve({ port, databaseUrl: database.url });
  } finally {
    if (database.embedded) console.log("Stopping embedded PostgreSQL…");
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
