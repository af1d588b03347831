/**
 * No two modules import each other, directly or around a longer circle (issue 14: compliance's
 * profile.ts and regimes.ts did). Type-only imports count: a circle of types still ties two modules
 * together. Imports are read by TypeScript's own pre-processor, so every form (`import`, `export … from`,
 * `import type`, `import()`) is seen.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

function listSourceFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : listSourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The project file an import names (`~/` is app/), or null for a package or a Node built-in. */
function resolveImport(specifier: string, from: string, projectRoot: string, files: Set<string>): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(projectRoot, "app", specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => files.has(candidate)) ?? null;
}

/** Every circle of imports among the files under `folders`, each as paths from `projectRoot` (Tarjan's strongly connected components). */
function listImportCycles(projectRoot: string, folders: string[]): string[][] {
  const files = folders.flatMap((folder) => listSourceFiles(path.join(projectRoot, folder)));
  const known = new Set(files);
  const edges = new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
      const targets = importedFiles.map(({ fileName }) => resolveImport(fileName, file, projectRoot, known)).filter((target) => target !== null);
      return [file, [...new Set(targets)]];
    }),
  );
  const order = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  function visit(file: string) {
    order.set(file, order.size);
    lowest.set(file, order.get(file)!);
    stack.push(file);
    for (const target of edges.get(file) ?? []) {
      if (!order.has(target)) {
        visit(target);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(target)!));
      } else if (stack.includes(target)) {
        lowest.set(file, Math.min(lowest.get(file)!, order.get(target)!));
      }
    }
    if (lowest.get(file) !== order.get(file)) return;
    const component = stack.splice(stack.indexOf(file));
    if (component.length > 1 || (edges.get(file) ?? []).includes(file)) {
      cycles.push(component.map((member) => path.relative(projectRoot, member).split(path.sep).join("/")).sort());
    }
  }
  for (const file of files) if (!order.has(file)) visit(file);
  return cycles;
}

describe("import cycles", () => {
  it("app/, scripts/ and server/ import in one direction: no module reaches itself", () => {
    expect(listImportCycles(root, ["app", "scripts", "server"])).toEqual([]);
  });

  it("finds a circle made of a type import and a relative import, and one through the ~ alias", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "opentco-cycles-"));
    try {
      fs.mkdirSync(path.join(project, "app", "x"), { recursive: true });
      fs.writeFileSync(path.join(project, "app", "x", "profile.ts"), 'import { RegimeSchema } from "./regimes.ts";\nexport const a = RegimeSchema;\n');
      fs.writeFileSync(path.join(project, "app", "x", "regimes.ts"), 'import type { Profile } from "./profile";\nexport const RegimeSchema = 1;\n');
      fs.writeFileSync(path.join(project, "app", "one.ts"), 'export { b } from "~/two.ts";\n');
      fs.writeFileSync(path.join(project, "app", "two.ts"), 'export const b = () => import("./one.ts");\n');
      fs.writeFileSync(path.join(project, "app", "leaf.ts"), 'import { z } from "zod";\nimport fs from "node:fs";\nexport const c = [z, fs];\n');
      expect(listImportCycles(project, ["app"]).sort()).toEqual([
        ["app/one.ts", "app/two.ts"],
        ["app/x/profile.ts", "app/x/regimes.ts"],
      ]);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
