import js from "@eslint/js";
import layering from "./eslint/layering.js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * What each folder may import (eslint/layering.js): data flows routes → models/reports → engine, never
 * back. `noServerModules`: code that may run in the browser imports no `*.server` module.
 */
export const LAYERS = {
  "app/engine": { allow: ["app/engine", "package:decimal.js", "package:zod"], noServerModules: true },
  // Pure domain vocabulary (roles) shared by the server and the browser.
  "app/domain": { allow: ["app/domain"], noServerModules: true },
  "app/scenarios": { allow: ["app/scenarios", "app/engine", "app/utils/control-characters", "package:zod"], noServerModules: true },
  "app/workers": { allow: ["app/workers", "app/catalogue", "app/engine", "package:zod"], noServerModules: true },
  // The organisation's catalogue: price-file parsing, entry rules, pickers and template filling. Pure: no I/O, no Prisma, no React.
  "app/catalogue": { allow: ["app/catalogue", "app/engine", "app/scenarios", "app/reports/sources", "app/utils/control-characters", "package:zod"], noServerModules: true },
  "app/schemas": { allow: ["app/schemas", "app/utils", "app/domain", "package:zod"], noServerModules: true },
  "app/templates": { allow: ["app/templates", "public/examples"], noServerModules: true },
  "app/hooks": { allow: ["app/hooks", "app/catalogue", "app/engine", "app/workers", "app/reports", "app/utils", "package:*"], noServerModules: true },
  "app/components": {
    allow: ["app/components", "app/engine", "app/catalogue", "app/scenarios", "app/reports", "app/hooks", "app/schemas", "app/utils", "app/domain", "package:*"],
    noServerModules: true,
  },
  "app/reports": { allow: ["app/reports", "app/engine", "app/scenarios", "app/models", "app/auth", "app/utils", "package:*", "node:*"], noServerModules: true },
  // Auth sits on top of the models: the models never import app/auth, and auth reaches the database only through them.
  "app/models": { allow: ["app/models", "app/db.server", "app/generated", "app/engine", "app/catalogue", "app/scenarios", "app/reports", "app/domain", "app/schemas", "app/utils", "package:*", "node:*"] },
  "app/auth": { allow: ["app/auth", "app/models", "app/domain", "app/schemas", "app/utils", "package:*", "node:*"] },
  "app/utils": { allow: ["app/utils", "app/auth", "package:*"] },
  // Caches sit above the models, never beside them: they read through app/models only.
  "app/cache": { allow: ["app/cache", "app/models", "package:*", "node:*"] },
  // Routes never reach the Prisma client: data goes through app/models.
  "app/routes": {
    allow: ["app/routes", "app/auth", "app/domain", "app/models", "app/cache", "app/reports", "app/schemas", "app/utils", "app/components", "app/styles", "app/engine", "app/catalogue", "app/scenarios", "app/templates", "app/hooks", "package:*"],
  },
  server: { allow: ["server", "app/auth/session-token.server", "app/domain", "app/utils/control-characters", "app/utils/database-connection.server", "app/utils/server-busy.server", "app/utils/today.server", "package:*", "node:*"] },
};

/**
 * Modules that the rest of the code may import only through their public entries (eslint/layering.js,
 * rule `surface`). The engine's tests may import its internals; so may the benches of its internals
 * (scripts/bench/), which time the model's loop against float64 arithmetic.
 */
export const SURFACES = [{ module: "app/engine", entries: ["app/engine/index"], files: ["app/**/*.{ts,tsx}", "scripts/**/*.ts", "server/**/*.ts", "prisma/**/*.ts", "e2e/**/*.ts"], ignores: ["scripts/bench/**"] }];

/** One ESLint block per folder of LAYERS, with the boundaries rule and that folder's allow-list. */
function layeringBlocks() {
  return Object.entries(LAYERS).map(([folder, { allow, noServerModules = false }]) => ({
    files: [`${folder}/**/*.{ts,tsx}`],
    plugins: { layering },
    rules: { "layering/boundaries": ["error", { layer: folder, allow, noServerModules }] },
  }));
}

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      ".cache/**",
      ".data/**",
      "app/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      ".test-output/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  ...layeringBlocks(),
  ...SURFACES.map(({ module, entries, files, ignores }) => ({
    files,
    ignores,
    plugins: { layering },
    rules: { "layering/surface": ["error", { module, entries }] },
  })),
  {
    // The engine is pure: no clock, no environment, no network, no global object to reach them through.
    files: ["app/engine/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Date", "process", "fetch", "performance", "globalThis", "window", "self", "global"],
      "no-restricted-properties": ["error", { object: "Math", property: "random", message: "Use the engine's seeded PRNG." }],
    },
  },
  {
    // The app's client sees an organisation's rows only inside a scope (ADR 019): a test that sets up or
    // inspects rows behind the app's back reads them through the owner's client, tests/factories/db.ts.
    files: ["tests/**/*.ts"],
    ignores: ["tests/integration/row-level-security.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "~/db.server.ts", importNames: ["prisma"], message: "Use tests/factories/db.ts: the app's client hides tenant rows outside a scope." }] }],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);

