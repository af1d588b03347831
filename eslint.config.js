import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

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
  {
    // Routes stay thin: data access goes through app/models, never the Prisma client directly.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/db.server", "~/generated/*", "**/generated/prisma/*"], message: "Routes use app/models/*.server.ts, never the Prisma client." },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure: decimal.js, zod and its own files only.
    files: ["app/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/*", "node:*", "react", "react-dom", "@remix-run/*", "@prisma/*", "pg"], message: "app/engine is pure: no I/O, no React, no Prisma, no app imports." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Date", "process", "fetch", "performance"],
      "no-restricted-properties": ["error", { object: "Math", property: "random", message: "Use the engine's seeded PRNG." }],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
