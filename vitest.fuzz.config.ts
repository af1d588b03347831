import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The fuzz suite (issue 13): fast-check drives malformed requests through the production build's
 * request handler against a real PostgreSQL (tests/fuzz/global-setup.ts builds when stale, then picks
 * and migrates the database as the integration suite does).
 */
export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  esbuild: { jsx: "automatic" },
  test: {
    include: ["tests/fuzz/**/*.test.ts"],
    globalSetup: ["tests/fuzz/global-setup.ts"],
    setupFiles: ["tests/integration/setup-env.ts"],
    // The build runs as `npm start` runs it: React's production bundles, production cookies.
    env: { NODE_ENV: "production" },
    // A file per worker, one per core; inside a file two targets run at a time, so one's database
    // round trip overlaps the other's work. Four at a time saturated the event loop on a busy 2-core
    // machine: a request waited over 10 s for a pooled connection and answered 500 (Prisma's "Unable
    // to start a transaction in the given time").
    maxWorkers: 2,
    maxConcurrency: 2,
    testTimeout: 900_000,
    hookTimeout: 120_000,
  },
});
