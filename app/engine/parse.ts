import type { z } from "zod";
import { BUILT_IN_CATALOGUE, RETIRED_CATALOGUE_IDS, type Catalogue } from "./catalogue/organisation.ts";
import { Decimal } from "./decimal.ts";
import { ScenarioSchema, type HybridComponent, type Option, type Scenario } from "./scenario.ts";
import { DEFAULT_TORNADO_HIGH } from "./sensitivity.ts";

/** One broken rule: `path` is the dotted field path ("options.2.gpu.unitPrice"), `message` the rule. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Keys that could reach an object prototype if a consumer ever merged input into an object. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function joinPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

function collectForbiddenKeys(value: unknown, path: PropertyKey[], issues: ScenarioIssue[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectForbiddenKeys(item, [...path, index], issues));
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: joinPath([...path, key]), message: `key "${key}" is not allowed` });
      } else {
        collectForbiddenKeys((value as Record<string, unknown>)[key], [...path, key], issues);
      }
    }
  }
}

/** Every catalogue id a leaf option names, by its field path inside the option. */
function listCatalogueIds(option: HybridComponent): [field: string, id: string | undefined][] {
  const common: [string, string | undefined][] = [["model.catalogId", option.model.catalogId]];
  if (option.kind === "api") return [...common, ["catalogId", option.catalogId]];
  const hosted: [string, string | undefined][] = [
    ...common,
    ["throughput.catalogId", option.throughput.catalogId],
    ["staffing.catalogId", option.staffing.catalogId],
    ["licenceCatalogId", option.licenceCatalogId],
  ];
  if (option.kind === "rented-gpu") return [...hosted, ["catalogId", option.catalogId]];
  return [
    ...hosted,
    ["gpu.catalogId", option.gpu.catalogId],
    ["server.catalogId", option.server.catalogId],
    ["energyCatalogId", option.energyCatalogId],
    ["facility.catalogId", option.facility.kind === "colocation" ? option.facility.catalogId : undefined],
    ["trendsCatalogId", option.trendsCatalogId],
  ];
}

function checkOption(option: Option, path: string, issues: ScenarioIssue[], catalogue: Catalogue | null): void {
  if (option.kind !== "hybrid" && catalogue !== null) {
    for (const [field, id] of listCatalogueIds(option)) {
      if (id !== undefined && catalogue.get(id) === null && !RETIRED_CATALOGUE_IDS.has(id)) issues.push({ path: `${path}.${field}`, message: `names "${id}", which is not an entry of the catalogue` });
    }
  }
  if ((option.kind === "owned-gpu" || option.kind === "rented-gpu") && option.maxNodes?.lte(option.redundancyNodes)) {
    // The k spares are never counted as usable: a cap at or below k would serve nothing while paying for every node.
    const spares = option.redundancyNodes.toFixed();
    const cap = option.maxNodes.toFixed();
    issues.push({
      path: `${path}.maxNodes`,
      message: `must be above redundancyNodes (${spares}): with ${spares} spare ${spares === "1" ? "node" : "nodes"} held back, a cap of ${cap} ${cap === "1" ? "node" : "nodes"} leaves none to serve demand`,
    });
  }
  if (option.kind === "owned-gpu") {
    const { depreciation } = option;
    if (depreciation.method === "declining-balance" && depreciation.decliningRatePerYear === undefined) {
      issues.push({ path: `${path}.depreciation.decliningRatePerYear`, message: "is required for declining-balance depreciation" });
    }
    if (depreciation.method === "straight-line" && depreciation.decliningRatePerYear !== undefined) {
      issues.push({ path: `${path}.depreciation.decliningRatePerYear`, message: "applies only to declining-balance depreciation" });
    }
  }
  if (option.kind === "api" && option.cachedInputPricePerMillion.gt(option.inputPricePerMillion)) {
    issues.push({ path: `${path}.cachedInputPricePerMillion`, message: "must not exceed inputPricePerMillion" });
  }
  if (option.kind === "hybrid") {
    if (option.mode === "share" && option.primaryShare === undefined) {
      issues.push({ path: `${path}.primaryShare`, message: "is required when mode is share" });
    }
    if (option.mode === "overflow" && option.primaryShare !== undefined) {
      issues.push({ path: `${path}.primaryShare`, message: "applies only when mode is share" });
    }
    if (option.mode === "overflow" && (option.primary.kind === "api" || option.primary.maxNodes === undefined)) {
      issues.push({ path: `${path}.primary.maxNodes`, message: "is required: overflow needs a self-hosted primary capped by maxNodes" });
    }
    checkOption(option.primary, `${path}.primary`, issues, catalogue);
    checkOption(option.secondary, `${path}.secondary`, issues, catalogue);
  }
}

/** Rules that span fields; kept out of the zod objects so other modules can still `.extend()` them. */
function checkCrossFieldRules(scenario: Scenario, catalogue: Catalogue | null): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (scenario.currency.code === "USD" && !scenario.currency.perUsd.eq(1)) {
    issues.push({ path: "currency.perUsd", message: "must be 1 when the currency is USD" });
  }
  const seen = new Set<string>();
  scenario.options.forEach((option, index) => {
    if (seen.has(option.id)) issues.push({ path: `options.${index}.id`, message: `must be unique; "${option.id}" is used twice` });
    seen.add(option.id);
    checkOption(option, `options.${index}`, issues, catalogue);
  });
  const workload = scenario.workload;
  if (workload.inputTokensPerRequest.plus(workload.outputTokensPerRequest).isZero()) {
    issues.push({ path: "workload.outputTokensPerRequest", message: "input plus output tokens per request must be greater than 0" });
  }
  checkGrowthBound(scenario, issues);
  const tornadoDrivers = new Set<string>();
  scenario.sensitivity.tornado.forEach((range, index) => {
    if (range.low.gt(range.high)) issues.push({ path: `sensitivity.tornado.${index}.low`, message: "must not exceed high" });
    if (tornadoDrivers.has(range.driver)) issues.push({ path: `sensitivity.tornado.${index}.driver`, message: "must be listed once" });
    tornadoDrivers.add(range.driver);
  });
  const monteCarloDrivers = new Set<string>();
  scenario.sensitivity.monteCarlo?.ranges.forEach((range, index) => {
    if (range.min.gt(range.mode) || range.mode.gt(range.max)) {
      issues.push({ path: `sensitivity.monteCarlo.ranges.${index}.mode`, message: "must satisfy min ≤ mode ≤ max" });
    }
    if (monteCarloDrivers.has(range.driver)) issues.push({ path: `sensitivity.monteCarlo.ranges.${index}.driver`, message: "must be listed once" });
    monteCarloDrivers.add(range.driver);
  });
  return issues;
}

/** Demand may grow at most this much over the horizon, at the largest growth multiplier in use. */
export const MAX_HORIZON_GROWTH = new Decimal("1000000");
const LOG_MAX_HORIZON_GROWTH = Math.log(1_000_000);

function checkGrowthBound(scenario: Scenario, issues: ScenarioIssue[]): void {
  const growth = scenario.workload.growth;
  const factor = growth.rate.plus(1);
  if (factor.lte(1)) return;
  const multipliers = [
    new Decimal(DEFAULT_TORNADO_HIGH),
    ...scenario.sensitivity.tornado.filter((range) => range.driver === "growth").map((range) => range.high),
    ...(scenario.sensitivity.monteCarlo?.ranges ?? []).filter((range) => range.driver === "growth").map((range) => range.max),
  ];
  const largest = Decimal.max(...multipliers);
  const periods = scenario.horizonMonths.div(growth.per === "month" ? 1 : 12);
  // A float64 estimate settles all but the borderline cases; Decimal's ln is costly.
  const estimate = Math.log(factor.toNumber()) * periods.toNumber() * largest.toNumber();
  if (estimate < LOG_MAX_HORIZON_GROWTH * 0.99) return;
  if (factor.ln().times(periods).times(largest).gt(MAX_HORIZON_GROWTH.ln())) {
    issues.push({
      path: "workload.growth.rate",
      message: `must not grow demand more than ${MAX_HORIZON_GROWTH.toFixed()}× over the horizon (at growth multiplier ${largest.toFixed()})`,
    });
  }
}

function toIssues(error: z.ZodError): ScenarioIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      // One line per unknown field, so each is listed with its own path; forbidden keys are listed already.
      return issue.keys
        .filter((key) => !FORBIDDEN_KEYS.has(key))
        .map((key) => ({ path: joinPath([...issue.path, key]), message: "is not a known field" }));
    }
    if (issue.code === "invalid_type") {
      // zod's default ("Invalid input: expected string, received undefined") names no rule a person acts on.
      const message = issue.input === undefined ? "is required" : `must be ${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
      return [{ path: joinPath(issue.path), message }];
    }
    if (issue.code === "invalid_value") {
      // zod's default reads "Invalid input: expected 1" / "Invalid option: expected one of …".
      const allowed = issue.values.map(String);
      const message = allowed.length === 1 ? `must be ${allowed[0]}` : `must be one of ${allowed.join(", ")}`;
      return [{ path: joinPath(issue.path), message }];
    }
    if (issue.code === "invalid_union" && "options" in issue && issue.discriminator !== undefined && issue.options !== undefined) {
      // An unknown discriminator ("kind"): zod's default is "Invalid discriminator value. Expected 'api' | …".
      return [{ path: joinPath(issue.path), message: `must be one of ${issue.options.map(String).join(", ")}` }];
    }
    return [{ path: joinPath(issue.path), message: issue.message }];
  });
}

/**
 * Validates raw input (parsed JSON or a form's object) and converts it to a Scenario with Decimal
 * values. Never throws: every broken rule comes back with its path. Catalogue ids must name entries
 * of `catalogue` (an organisation's, or the built-in one); null leaves them unjudged, for a document
 * whose stored figures are kept as they are (a renamed or copied revision).
 */
export function parseScenario(raw: unknown, catalogue: Catalogue | null = BUILT_IN_CATALOGUE): ParseResult {
  const forbidden: ScenarioIssue[] = [];
  collectForbiddenKeys(raw, [], forbidden);
  // reportInput lets toIssues tell a missing field from a wrong type.
  const parsed = ScenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success || forbidden.length > 0) {
    return { ok: false, issues: [...forbidden, ...(parsed.success ? [] : toIssues(parsed.error))] };
  }
  const crossField = checkCrossFieldRules(parsed.data, catalogue);
  if (crossField.length > 0) return { ok: false, issues: crossField };
  return { ok: true, scenario: parsed.data };
}
