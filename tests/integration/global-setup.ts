/**
 * Picks the integration database once per run and migrates it:
 * TEST_DATABASE_URL as given; else DATABASE_URL's server with the database renamed to opentco_test
 * (tests never write into the development database); else the embedded PostgreSQL of
 * scripts/lib/database.ts. Tests read the URL through `inject("databaseUrl")` (setup-env.ts).
 */
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { provideDatabase, withDatabaseName } from "../../scripts/lib/database.ts";

const TEST_DATABASE_NAME = "opentco_test";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = process.env.TEST_DATABASE_URL ?? (process.env.DATABASE_URL ? withDatabaseName(process.env.DATABASE_URL, TEST_DATABASE_NAME) : undefined);
  const database = await provideDatabase({ databaseName: TEST_DATABASE_NAME, urlFromEnv: fromEnv });
  execFileSync("npm", ["run", "--silent", "db:migrate"], { env: { ...process.env, DATABASE_URL: database.url }, stdio: ["ignore", "ignore", "inherit"] });
  project.provide("databaseUrl", database.url);
  return () => database.stop();
}
