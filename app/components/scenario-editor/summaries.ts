import { fractionToPercent } from "~/scenarios/percent.ts";
import { getAtPath, isJsonObject } from "~/scenarios/paths.ts";

/**
 * One-line summaries of collapsed sections ("20 M requests/month, +40 %/yr, 1,500 in / 400 out
 * tokens"). They read raw input, so half-typed values show as typed rather than failing.
 */

const SCALES: readonly [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "k"],
];

/** A count in a compact, readable form: "20 M", "1,500", "12 B". Display only (float is fine here). */
export function formatCompactCount(value: unknown): string {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) return typeof value === "string" && value !== "" ? value : "?";
  // Below 10,000 the full figure reads best ("1,500 in"); above, the largest fitting scale ("3 M").
  const scale = Math.abs(number) >= 10_000 ? SCALES.find(([size]) => Math.abs(number) >= size) : undefined;
  if (scale !== undefined) return `${trimNumber(number / scale[0])} ${scale[1]}`;
  return number.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

const trimNumber = (number: number) => number.toLocaleString("en-US", { maximumFractionDigits: 1 });

/** A stored fraction as a signed percent: "0.4" → "+40 %". */
export function formatSignedPercent(fraction: unknown): string {
  const percent = fractionToPercent(fraction);
  if (percent === "") return "?";
  return `${percent.startsWith("-") ? "−" + percent.slice(1) : `+${percent}`} %`;
}

const text = (value: unknown, fallback = "?") => (typeof value === "string" && value.trim() !== "" ? value : typeof value === "number" ? String(value) : fallback);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function summarizeGeneral(scenario: unknown): string {
  const currency = text(getAtPath(scenario, ["currency", "code"]));
  return [
    `from ${text(getAtPath(scenario, ["startMonth"]))}`,
    `${text(getAtPath(scenario, ["horizonMonths"]))} months`,
    currency,
    `discount ${fractionToPercent(getAtPath(scenario, ["discountRatePerYear"])) || "?"} %/yr`,
    `inflation ${formatSignedPercent(getAtPath(scenario, ["opexInflationPerYear"]))}/yr`,
  ].join(", ");
}

export function summarizeWorkload(scenario: unknown): string {
  const volume = getAtPath(scenario, ["workload", "volume"]);
  const growth = getAtPath(scenario, ["workload", "growth"]);
  const amount =
    getAtPath(volume, ["kind"]) === "tokens"
      ? `${formatCompactCount(getAtPath(volume, ["tokensPerMonth"]))} tokens/month`
      : `${formatCompactCount(getAtPath(volume, ["requestsPerMonth"]))} requests/month`;
  const per = getAtPath(growth, ["per"]) === "month" ? "mo" : "yr";
  const input = formatCompactCount(getAtPath(scenario, ["workload", "inputTokensPerRequest"]));
  const output = formatCompactCount(getAtPath(scenario, ["workload", "outputTokensPerRequest"]));
  return `${amount}, ${formatSignedPercent(getAtPath(growth, ["rate"]))}/${per}, ${input} in / ${output} out tokens`;
}

const KIND_LABELS: Record<string, string> = { api: "API", "owned-gpu": "owned GPUs", "rented-gpu": "rented GPUs", hybrid: "hybrid" };

export function summarizeOptions(scenario: unknown): string {
  const options = getAtPath(scenario, ["options"]);
  if (!Array.isArray(options) || options.length === 0) return "no options yet";
  const counts = new Map<string, number>();
  for (const option of options) {
    const label = KIND_LABELS[String(getAtPath(option, ["kind"]))] ?? "unknown kind";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return `${plural(options.length, "option")}: ${[...counts].map(([label, count]) => `${count} ${label}`).join(", ")}`;
}

export function summarizeCompliance(scenario: unknown): string {
  const profile = getAtPath(scenario, ["compliance"]);
  if (!isJsonObject(profile)) return "no compliance profile";
  const classes = getAtPath(profile, ["data", "classes"]);
  const processing = getAtPath(profile, ["processing"]);
  const kind = text(getAtPath(processing, ["kind"]));
  const where = kind === "region" ? `in ${text(getAtPath(processing, ["region"]))}` : kind === "country" ? `in ${text(getAtPath(processing, ["country"]))}` : kind;
  const regimes = getAtPath(profile, ["regimes"]);
  const regimeIds = Array.isArray(regimes) ? regimes.map((regime) => text(getAtPath(regime, ["id"]))) : [];
  return [
    Array.isArray(classes) && classes.length > 0 ? `${classes.join(", ")} data` : "no data classes",
    `processing ${where}`,
    regimeIds.length > 0 ? regimeIds.join(", ") : "no regimes",
  ].join("; ");
}

export function summarizeAssumptions(overrideCount: number, catalogueCount: number): string {
  return `${plural(catalogueCount, "catalogue value")}, ${plural(overrideCount, "override")}`;
}

export function summarizeSensitivity(scenario: unknown): string {
  const tornado = getAtPath(scenario, ["sensitivity", "tornado"]);
  const monteCarlo = getAtPath(scenario, ["sensitivity", "monteCarlo"]);
  const tornadoText = Array.isArray(tornado) && tornado.length > 0 ? `tornado: ${plural(tornado.length, "custom range")}` : "tornado ±20 % on every driver";
  const ranges = getAtPath(monteCarlo, ["ranges"]);
  const monteCarloText = isJsonObject(monteCarlo)
    ? `Monte Carlo: ${formatCompactCount(getAtPath(monteCarlo, ["draws"]))} draws over ${plural(Array.isArray(ranges) ? ranges.length : 0, "driver")}`
    : "no Monte Carlo";
  return `${tornadoText}; ${monteCarloText}`;
}
