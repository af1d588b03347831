import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// No vite config exists in a classic Remix app; this one only serves Vitest.
export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  esbuild: { jsx: "automatic" },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/scenarios/**/*.test.ts"],
  },
});
