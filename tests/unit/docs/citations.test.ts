/**
 * Docs cite only files of this repository or public URLs (issue 14): a path that names a
 * workstation's directory (a home directory, this workplace's shared folders) or a repository path
 * that does not exist fails, in the Markdown documents and in the comments of the code, which are
 * docs too. Markdown links to files resolve from the document that holds them. Build output (the
 * folders .gitignore names from the root) may be cited, and so may the few paths below that name
 * a file on purpose that is not there.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((file) => /\.(md|ts|tsx|js|mjs|cjs|css)$/.test(file) && !file.startsWith("app/generated/") && fs.existsSync(path.join(root, file)));

/** Paths cited on purpose although no such file exists, and why. */
const NOT_FILES: Record<string, string> = {
  "app/routes.ts": "ADR 001: the file a move to React Router 7 adds",
  "tests/fixtures/scenarios/v2.json": "ADR 007 and app/scenarios/migrate.ts: where the first format-2 fixture goes",
  "scripts/redact-request-log.js": "ADR 014: the preload the app server replaced",
};

/** Build output and generated code: the folders .gitignore names from the root. */
const GENERATED = fs
  .readFileSync(path.join(root, ".gitignore"), "utf8")
  .split("\n")
  .filter((line) => line.startsWith("/"))
  .map((line) => line.slice(1).replace(/\/$/, ""));

/** A directory of somebody's machine, never of a reader's: home directories and this workplace's shared folders. */
const WORKSTATION_PATH = /(?<![\w.$~-])(?:\/(?:work|home|Users|root|srv|mnt)\/[^\s`'")\]]+|~\/[^\s`'")\]]+\.md\b|[A-Z]:\\[^\s`'")\]]+)/g;
/** A path into the repository's own folders, as prose cites it. */
const REPOSITORY_PATH = /(?<![\w.$~/@-])(?:docs|app|scripts|tests|e2e|server|prisma|public|eslint)\/[\w.$[\]/-]*[\w\]]/g;
const MARKDOWN_LINK = /\]\(([^)\s#]+)(?:#[^)]*)?\)/g;

/** The parts of a file that are prose: all of a Markdown file, the comments of code. */
function readProse(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  if (file.endsWith(".md")) return text.split("\n");
  return text.split("\n").map((line) => {
    const comment = line.match(/^\s*(?:\/\/|\/\*+|\*)(.*)$/) ?? line.match(/\s\/\/\s(.*)$/);
    return comment?.[1] ?? "";
  });
}

/** Whether `cited` names a file or folder of the repository (a module may be cited without its extension). */
function exists(cited: string): boolean {
  // "s.$token.pdf.ts[x]" cites the .ts or the .tsx file.
  const target = path.join(root, cited.replace(/[.]$/, "").replace(/\.ts\[x\]$/, ".ts"));
  return ["", ".ts", ".tsx", ".js", ".md", ".json"].some((extension) => fs.existsSync(target + extension));
}

function listBadCitations(): string[] {
  const bad: string[] = [];
  for (const file of files) {
    readProse(file).forEach((line, index) => {
      const where = `${file}:${index + 1}`;
      for (const [cited] of line.matchAll(WORKSTATION_PATH)) bad.push(`${where}: ${cited} is outside the repository`);
      for (const match of line.matchAll(REPOSITORY_PATH)) {
        const cited = match[0];
        // A glob or a placeholder names no one file; "prisma/prisma#27403" is a GitHub issue.
        if (/[*<{]/.test(cited) || line[match.index + cited.length] === "#") continue;
        if (cited in NOT_FILES || GENERATED.some((folder) => cited === folder || cited.startsWith(`${folder}/`))) continue;
        if (!exists(cited)) bad.push(`${where}: ${cited} does not exist`);
      }
      if (!file.endsWith(".md")) return;
      for (const [, target] of line.matchAll(MARKDOWN_LINK)) {
        if (target === undefined || /^[a-z]+:/.test(target)) continue;
        if (!fs.existsSync(path.resolve(path.dirname(path.join(root, file)), target))) bad.push(`${where}: the link ${target} leads nowhere`);
      }
    });
  }
  return bad;
}

describe("what the docs cite", () => {
  it("is a file of this repository or a public URL, in every document and code comment", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(listBadCitations()).toEqual([]);
  });

  it("docs/architecture.md links every decision record", () => {
    const architecture = fs.readFileSync(path.join(root, "docs/architecture.md"), "utf8");
    const records = fs.readdirSync(path.join(root, "docs/decisions")).filter((file) => file.endsWith(".md"));
    expect(records.length).toBeGreaterThan(15);
    expect(records.filter((file) => !architecture.includes(`(decisions/${file})`))).toEqual([]);
  });

  it("catches a workstation's directory, a missing repository path and a dead link", () => {
    expect("see `/work/shared/docs/stack-notes.md` and /home/me/notes".match(WORKSTATION_PATH)).toEqual(["/work/shared/docs/stack-notes.md", "/home/me/notes"]);
    expect("(see docs/model-notes): a month has 730 hours".match(REPOSITORY_PATH)).toEqual(["docs/model-notes"]);
    expect(exists("docs/model-notes")).toBe(false);
    expect(exists("app/engine/index")).toBe(true);
    expect(exists("docs/decisions/")).toBe(true);
    expect(exists("app/routes/s.$token.pdf.ts[x]")).toBe(true);
    expect(GENERATED).toContain("public/build");
    expect([..."[ADR 005](decisions/005-testing-strategy.md#x) [web](https://example.com)".matchAll(MARKDOWN_LINK)].map((match) => match[1])).toEqual(["decisions/005-testing-strategy.md", "https://example.com"]);
    expect("Debian's `/usr/bin/chromium` and `~/engine/index.ts`".match(WORKSTATION_PATH)).toBeNull();
  });
});
