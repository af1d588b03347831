/**
 * Hostile scenario files (issue 10, item 10): a document nested thousands of levels deep is refused
 * with exit 2 before anything recurses into it, and text from the file reaches the terminal with its
 * control characters escaped, so an option name cannot clear the screen or rewrite earlier lines.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findControlCharacter } from "~/utils/control-characters.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const workDir = mkdtempSync(path.join(tmpdir(), "opentco-cli-hostile-"));
const example = JSON.parse(readFileSync(path.join(root, "public/examples/four-options-60-months.json"), "utf8")) as { name: string; options: { name: string }[] };

function runTco(file: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/tco.ts", file, "--as-of", "2026-11-25", "--no-sensitivity", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, text: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, text);
  return file;
}

// ESC [2J ESC [H clears the screen; CSI (U+009B) does the same on terminals that read C1 controls.
const CLEAR_SCREEN = "\u001b[2J\u001b[H";
const C1_CSI = "\u009b2J";

describe("npm run tco with a hostile file", () => {
  it("refuses a document nested 2,500 levels deep with exit 2 and one line, not a stack overflow", () => {
    const deep = `{"name":"deep","x":${"[".repeat(2500)}${"]".repeat(2500)}}`;
    const { status, stderr } = runTco(write("deep.json", deep));
    expect(status).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/nested more than \d+ levels deep/);
    expect(stderr).not.toMatch(/RangeError|Maximum call stack/);
  }, 60_000);

  it("prints option and scenario names with their control characters escaped", () => {
    const hostile = { ...example, name: `Plan${C1_CSI}`, options: example.options.map((option, i) => (i === 0 ? { ...option, name: `Opus${CLEAR_SCREEN}owned` } : option)) };
    const file = write("escapes.json", JSON.stringify(hostile));
    const readable = runTco(file);
    expect(readable.status).toBe(0);
    expect(findControlCharacter(readable.stdout, { allowLineBreaks: true })).toBeNull();
    expect(readable.stdout).toContain("Opus\\u001b[2J\\u001b[Howned");
    expect(readable.stdout).toContain("Plan\\u009b2J");

    const json = runTco(file, "--json");
    expect(json.status).toBe(0);
    expect(findControlCharacter(json.stdout, { allowLineBreaks: true })).toBeNull();
    // Still JSON, and it still says what the file said.
    expect((JSON.parse(json.stdout) as { result: { name: string } }).result.name).toBe(`Plan${C1_CSI}`);
  }, 60_000);

  it("escapes control characters in validation messages too", () => {
    const invalid = { ...example, options: [{ ...example.options[0], name: `x${CLEAR_SCREEN}`, kind: `bad${CLEAR_SCREEN}` }] };
    const { status, stderr } = runTco(write("invalid.json", JSON.stringify(invalid)));
    expect(status).toBe(2);
    expect(findControlCharacter(stderr, { allowLineBreaks: true })).toBeNull();
  }, 60_000);
});
