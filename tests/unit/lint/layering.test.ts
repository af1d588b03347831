/**
 * The layering lint holds (issue 10, "guard rails"): the project's own ESLint configuration is fed one
 * forbidden import per folder rule — in the spellings that used to slip through — and each must fail,
 * while the imports each folder is allowed pass.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { LAYERS } from "../../../eslint.config.js";

const root = path.resolve(import.meta.dirname, "../../..");
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

/** One import each folder may not make, with the file it is written in. */
const FORBIDDEN: Record<keyof typeof LAYERS, { file: string; code: string }[]> = {
  "app/engine": [
    { file: "app/engine/x.ts", code: 'import { prisma } from "~/db.server.ts";' },
    { file: "app/engine/x.ts", code: 'import { prisma } from "~/db.server";' },
    { file: "app/engine/x.ts", code: 'import { listMembers } from "../models/membership.server.ts";' },
    { file: "app/engine/x.ts", code: 'import { readFileSync } from "fs";' },
    { file: "app/engine/x.ts", code: 'import { readFileSync } from "node:fs";' },
    { file: "app/engine/x.ts", code: 'import { useState } from "react";' },
    { file: "app/engine/x.ts", code: 'export { formatMoney } from "~/reports/format.ts";' },
    { file: "app/engine/x.ts", code: 'const fs = await import("node:fs");' },
  ],
  "app/domain": [{ file: "app/domain/x.ts", code: 'import { z } from "zod";' }],
  "app/scenarios": [{ file: "app/scenarios/x.ts", code: 'import { prisma } from "~/db.server.ts";' }],
  "app/workers": [{ file: "app/workers/x.ts", code: 'import { getSession } from "~/auth/session.server.ts";' }],
  "app/catalogue": [
    { file: "app/catalogue/x.ts", code: 'import { prisma } from "~/db.server.ts";' },
    { file: "app/catalogue/x.ts", code: 'import { readFileSync } from "node:fs";' },
    { file: "app/catalogue/x.ts", code: 'import { useState } from "react";' },
  ],
  "app/schemas": [{ file: "app/schemas/x.ts", code: 'import { prisma } from "../db.server.ts";' }],
  "app/templates": [{ file: "app/templates/x.ts", code: 'import { listMembers } from "~/models/membership.server.ts";' }],
  "app/hooks": [{ file: "app/hooks/x.ts", code: 'import { listMembers } from "~/models/membership.server.ts";' }],
  "app/components": [
    { file: "app/components/x.tsx", code: 'import { listMembers } from "~/models/membership.server.ts";' },
    { file: "app/components/x.tsx", code: 'import { buildCataloguePage } from "~/reports/catalogue-page.server.ts";' },
  ],
  "app/reports": [{ file: "app/reports/x.ts", code: 'import { prisma } from "~/db.server.ts";' }],
  "app/models": [
    { file: "app/models/x.server.ts", code: 'import { loader } from "~/routes/login.tsx";' },
    { file: "app/models/x.server.ts", code: 'import { requireMembership } from "~/auth/membership.server.ts";' },
    { file: "app/models/x.server.ts", code: 'import { getSession } from "../auth/session.server";' },
  ],
  "app/auth": [
    { file: "app/auth/x.server.ts", code: 'import { loader } from "../routes/login.tsx";' },
    { file: "app/auth/x.server.ts", code: 'import { prisma } from "~/db.server.ts";' },
  ],
  "app/utils": [{ file: "app/utils/x.ts", code: 'import { prisma } from "~/db.server.ts";' }],
  "app/cache": [{ file: "app/cache/x.server.ts", code: 'import { prisma } from "~/db.server.ts";' }],
  "app/routes": [
    { file: "app/routes/x.tsx", code: 'import { prisma } from "~/db.server.ts";' },
    { file: "app/routes/x.tsx", code: 'import { prisma } from "~/db.server";' },
    { file: "app/routes/x.tsx", code: 'import { prisma } from "../db.server.ts";' },
    { file: "app/routes/x.tsx", code: 'import { PrismaClient } from "~/generated/prisma/client.ts";' },
    { file: "app/routes/x.tsx", code: 'import { readFileSync } from "node:fs";' },
  ],
  server: [{ file: "server/x.ts", code: 'import { prisma } from "../app/db.server.ts";' }],
};

describe("the layering lint", () => {
  it("has a case for every folder it guards", () => {
    expect(Object.keys(FORBIDDEN).sort()).toEqual(Object.keys(LAYERS).sort());
  });

  const cases = Object.entries(FORBIDDEN).flatMap(([folder, imports]) => imports.map(({ file, code }) => [folder, file, code] as const));
  it.each(cases)("%s refuses %s: %s", async (_folder, file, code) => {
    expect(await lint(file, code)).toContain("layering/boundaries");
  });

  it.each([
    ["app/engine/x.ts", "const now = globalThis.Date.now();", "no-restricted-globals"],
    ["app/engine/x.ts", "const now = Date.now();", "no-restricted-globals"],
    ["app/engine/x.ts", "const home = process.env.HOME;", "no-restricted-globals"],
    ["app/engine/x.ts", "const draw = Math.random();", "no-restricted-properties"],
  ])("the engine refuses the clock, the environment and randomness: %s %s", async (file, code, rule) => {
    expect(await lint(file, `export const value = (() => { ${code} return 1; })();`)).toContain(rule);
  });

  // The engine's surface (ADR 017): outside app/engine, only app/engine/index.ts, type-only imports included.
  it.each([
    ["app/routes/x.tsx", 'import { runModel } from "~/engine/model.ts";'],
    ["app/components/x.tsx", 'import type { CashSummary } from "~/engine/cash.ts";'],
    ["app/reports/x.ts", 'import { REGION_CODES } from "../engine/compliance/jurisdictions.ts";'],
    ["app/reports/x.ts", 'import { DEPLOYMENT_CAPABILITIES } from "~/engine/compliance";'],
    ["app/models/x.server.ts", 'import type { Verdict } from "~/engine/compliance/index.ts";'],
    ["app/scenarios/x.ts", 'export { decimalArithmetic } from "~/engine/arithmetic";'],
    ["app/hooks/x.ts", 'const params = await import("~/engine/params.ts");'],
    ["app/workers/x.ts", 'import { daysBetween } from "../engine/calendar";'],
    ["scripts/x.ts", 'import { createScenarioParams } from "../app/engine/params.ts";'],
    ["scripts/lib/x.ts", 'import { summariseCash } from "../../app/engine/cash.ts";'],
    ["prisma/x.ts", 'import { Decimal } from "../app/engine/decimal.ts";'],
  ])("%s may not reach inside the engine: %s", async (file, code) => {
    expect(await lint(file, code)).toContain("layering/surface");
  });

  it.each([
    ["app/routes/x.tsx", 'import { parseScenario } from "~/engine/index.ts";\nexport const value = parseScenario;'],
    ["app/routes/x.tsx", 'import { Decimal } from "~/engine";\nexport const value = Decimal;'],
    ["app/reports/x.ts", 'import type { Verdict } from "../engine/index";\nexport type Value = Verdict;'],
    ["scripts/x.ts", 'import { computeScenario } from "../app/engine/index.ts";\nexport const value = computeScenario;'],
    ["app/engine/x.ts", 'import { runModel } from "./model.ts";\nimport { REGION_CODES } from "./compliance/jurisdictions.ts";\nexport const value = [runModel, REGION_CODES];'],
    ["scripts/bench/x.ts", 'import { runModel } from "../../app/engine/model.ts";\nexport const value = runModel;'],
    ["tests/unit/engine/x.test.ts", 'import { runModel } from "~/engine/model";\nexport const value = runModel;'],
  ])("lets %s import the engine's index, and the engine, its benches and its tests its internals", async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });

  it.each([
    ["app/engine/x.ts", 'import { Decimal } from "./decimal.ts";\nimport { z } from "zod";\nexport const value = [Decimal, z];'],
    ["app/routes/x.tsx", 'import { listMembers } from "~/models/membership.server.ts";\nexport const value = listMembers;'],
    ["app/models/x.server.ts", 'import { prisma } from "~/db.server.ts";\nexport const value = prisma;'],
    ["app/components/x.tsx", 'import type { Viewer } from "~/auth/viewer.server.ts";\nexport type Value = Viewer;'],
    ["server/x.ts", 'import { findControlCharacter } from "../app/utils/control-characters.ts";\nexport const value = findControlCharacter;'],
  ])("lets %s make the imports its folder allows", async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
