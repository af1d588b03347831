import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Integration tests: real route loaders/actions and models against a real PostgreSQL
 * (tests/integration/global-setup.ts picks the database and migrates it once per run).
 */
export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  esbuild: { jsx: "automatic" },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/integration/setup-env.ts"],
    // One database, one Prisma pool per worker: files run one after another to keep the 2-core box calm.
    fileParallelism: false,
    // argon2id at OWASP cost (~50–100 ms a hash) plus real round-trips.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
