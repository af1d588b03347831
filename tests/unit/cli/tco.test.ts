import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The CLI as a user runs it: a real process through tsx, real files, real exit codes.
const root = path.resolve(import.meta.dirname, "../../..");
const workDir = mkdtempSync(path.join(tmpdir(), "opentco-cli-"));

function runTco(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/tco.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeScenario(name: string, text: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, text);
  return file;
}

describe("npm run tco", () => {
  it("prints the comparison, compliance verdicts and the cheapest compliant option for a valid example", () => {
    const { status, stdout } = runTco(["public/examples/eu-personal-data-compliance.json", "--as-of", "2026-11-25", "--no-sensitivity"]);
    expect(status).toBe(0);
    expect(stdout).toContain("TCO (cash)");
    expect(stdout).toMatch(/blocked/);
    expect(stdout).toMatch(/cheapest compliant/i);
  }, 60_000);

  it("prints through the presenter: headline first, a stale catalogue entry once for all its options", () => {
    const { status, stdout } = runTco(["public/examples/four-options-60-months.json", "--as-of", "2026-11-25", "--no-sensitivity"]);
    expect(status).toBe(0);
    expect(stdout.split("\n")[3]).toBe("Cheapest option: $584,603.26 (gpt-oss-120b hosted by Together · cash TCO over 60 months)");
    expect(stdout.match(/salary\.us-software-developer/g)).toHaveLength(1);
    expect(stdout).toContain("is from 2024-05-31, 908 days before 2026-11-25. [owned-h100, rented-h100]");
  }, 60_000);

  it("with --json prints results whose money is exact decimal strings", () => {
    const { status, stdout } = runTco(["public/examples/four-options-60-months.json", "--json", "--as-of", "2026-11-25", "--no-sensitivity"]);
    expect(status).toBe(0);
    const { result, tornado } = JSON.parse(stdout) as { result: { options: { totals: { cash: unknown } }[] }; tornado: unknown };
    const options = result.options;
    expect(tornado).toBeNull();
    expect(options.length).toBe(4);
    for (const option of options) expect(option.totals.cash).toMatch(/^-?\d+(\.\d+)?$/);
  }, 60_000);

  it("exits 2 and lists every bad field with its path and rule", () => {
    const example = JSON.parse(readFileSync(path.join(root, "public/examples/four-options-60-months.json"), "utf8")) as Record<string, unknown>;
    const { workload: _dropped, ...withoutWorkload } = example;
    const broken = { ...withoutWorkload, horizonMonths: 1e308, discountRatePerYear: "NaN", surprise: true };
    const file = writeScenario("broken.json", JSON.stringify(broken).replace("{", '{"__proto__":{"polluted":true},'));
    const { status, stderr } = runTco([file]);
    expect(status).toBe(2);
    expect(stderr).toContain("__proto__: key \"__proto__\" is not allowed");
    expect(stderr).toContain("horizonMonths: must be at least 12 and at most 120");
    expect(stderr).toMatch(/discountRatePerYear: must be/);
    expect(stderr).toContain("surprise: is not a known field");
    expect(stderr).toContain("workload: is required");
  }, 60_000);

  it("exits 2 with a clear message for a missing file or invalid JSON", () => {
    const missing = runTco([path.join(workDir, "nope.json")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json/);
    const invalid = runTco([writeScenario("invalid.json", "{ not json")]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/is not valid JSON/);
  }, 60_000);
});
