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
    expect(stdout).toContain("is from 2024-05-31, 908 days before 2026-11-25; figures of its kind count as stale after 365 days. [owned-h100, rented-h100]");
  }, 60_000);

  it("labels the break-even matrix with option names and gives no rate for the catalogue's own currency", () => {
    const { status, stdout } = runTco(["public/examples/four-options-60-months.json", "--as-of", "2026-11-25", "--no-sensitivity"]);
    expect(status).toBe(0);
    expect(stdout).not.toContain("USD at 1 per USD");
    expect(stdout.split("\n")[1]).toContain("USD, the catalogue's currency");
    const start = stdout.indexOf("Break-even (row against column");
    const matrix = stdout.slice(start, stdout.indexOf("\n\n", start));
    const [, header, , firstRow] = matrix.split("\n");
    expect(header).toMatch(/Claude Opus via API\s+gpt-oss-120b hosted by Together\s+Own H100 cluster in colocation\s+Rented H100 \(Lambda on-demand\)/);
    expect(firstRow).toMatch(/^Claude Opus via API\s+-\s+never/);
    expect(matrix).not.toContain("api-frontier");
  }, 60_000);

  it("names the rate of another currency with its source", () => {
    const { status, stdout } = runTco(["public/examples/hybrid-overflow-eur.json", "--as-of", "2026-11-25", "--no-sensitivity"]);
    expect(status).toBe(0);
    expect(stdout.split("\n")[1]).toMatch(/EUR at 0\.92 per USD \(.+, 2026-11-20\)/);
  }, 60_000);

  it("with --json prints figures rounded for the currency, one month per line; --exact gives the exact strings", () => {
    const args = ["public/examples/four-options-60-months.json", "--json", "--as-of", "2026-11-25"];
    const rounded = runTco(args);
    const exact = runTco([...args, "--exact"]);
    expect(rounded.status).toBe(0);
    expect(exact.status).toBe(0);
    type Output = { figures: string; result: { options: { npv: string; totals: { cash: string }; monthly: { cash: string; utilisation: string }[] }[] }; tornado: { bars: { swing: string }[] } | null };
    const readable = JSON.parse(rounded.stdout) as Output;
    const precise = JSON.parse(exact.stdout) as Output;
    expect(readable.figures).toBe("rounded");
    expect(precise.figures).toBe("exact");
    expect(readable.result.options.length).toBe(4);
    for (const [o, option] of readable.result.options.entries()) {
      // Cents, half-even, from the exact value (ADR 006): the same figure, fewer digits.
      expect(option.totals.cash).toMatch(/^-?\d+\.\d{2}$/);
      expect(option.npv).toMatch(/^-?\d+\.\d{2}$/);
      const exactCash = precise.result.options[o]?.totals.cash ?? "";
      expect(exactCash).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Math.abs(Number(option.totals.cash) - Number(exactCash))).toBeLessThanOrEqual(0.005);
      for (const month of option.monthly) {
        expect(month.cash).toMatch(/^-?\d+\.\d{2}$/);
        expect(month.utilisation).toMatch(/^\d\.\d{4}$/);
      }
    }
    expect(readable.tornado?.bars[0]?.swing).toMatch(/^\d+\.\d{2}$/);
    expect(precise.result.options.some((option) => /\.\d{20,}$/.test(option.totals.cash))).toBe(true);
    // One line per month, not one per field; a third fewer bytes than the exact strings.
    const monthLines = rounded.stdout.split("\n").filter((line) => /^\s*\{"index":\d+,.*\}[\],]?$/.test(line));
    expect(monthLines).toHaveLength(readable.result.options.reduce((sum, option) => sum + option.monthly.length, 0));
    expect(rounded.stdout.length).toBeLessThan(exact.stdout.length * 0.75);
  }, 60_000);

  it.each([
    [["public/examples/four-options-60-months.json", "--as-of", "2026-13-45"], "tco: --as-of 2026-13-45 is not a date YYYY-MM-DD"],
    [["public/examples/four-options-60-months.json", "--as-of", "2026-02-30"], "tco: --as-of 2026-02-30 is not a date YYYY-MM-DD"],
    [["public/examples/four-options-60-months.json", "--as-of"], "tco: --as-of needs a date YYYY-MM-DD (npm run tco -- --help lists the options)"],
    [["public/examples/four-options-60-months.json", "--colour"], "tco: unknown option --colour (npm run tco -- --help lists the options)"],
    [[], "tco: no scenario file given (npm run tco -- --help lists the options)"],
    [["a.json", "b.json"], "tco: one scenario file at a time (got a.json and b.json) (npm run tco -- --help lists the options)"],
    [["public/examples/four-options-60-months.json", "--exact"], "tco: --exact applies to --json output; add --json"],
  ])("exits 2 with one clear line for bad arguments %j", (args, line) => {
    const { status, stdout, stderr } = runTco(args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${line}\n`);
  }, 60_000);

  it("prints its usage for --help and exits 0", () => {
    for (const flag of ["--help", "-h"]) {
      const { status, stdout, stderr } = runTco([flag]);
      expect(status).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toMatch(/^Usage: npm run tco -- <scenario\.json> \[options\]/);
      for (const option of ["--as-of", "--json", "--exact", "--no-sensitivity"]) expect(stdout).toContain(option);
    }
  }, 60_000);

  it("says in its own words what a field must be and which format a newer file is", () => {
    const example = JSON.parse(readFileSync(path.join(root, "public/examples/four-options-60-months.json"), "utf8")) as { options: Record<string, unknown>[] };
    const badKind = writeScenario("bad-kind.json", JSON.stringify({ ...example, options: example.options.map((option, i) => (i === 0 ? { ...option, kind: "apix" } : option)) }));
    const kind = runTco([badKind]);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain("options.0.kind: must be one of api, owned-gpu, rented-gpu, hybrid");
    const newer = runTco([writeScenario("newer.json", JSON.stringify({ ...example, schemaVersion: 2 }))]);
    expect(newer.status).toBe(2);
    expect(newer.stderr).toContain("schemaVersion: is 2, newer than this version of OpenTCO reads (1): update OpenTCO to open it");
    expect(`${kind.stderr}${newer.stderr}`).not.toMatch(/Invalid|expected/);
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
