import { CATALOGUE } from "./catalogue/index.ts";
import { COMPLIANCE_SOURCES, DEPLOYMENT_CAPABILITIES, FOREIGN_ACCESS_LAWS, REGULATORY_DATES } from "./compliance/index.ts";
import { Decimal } from "./decimal.ts";

/**
 * Versions a stored result is labelled with (docs/decisions/007-scenario-revisions.md). A saved
 * revision whose labels differ from these was computed by another engine or with other catalogue
 * defaults, and can be recomputed as a new revision.
 */

/**
 * Semantic version of the model: bump the major for a change of result shape, the minor for a change
 * of any figure on the same inputs, the patch for anything else a user could notice.
 *
 * 2.1.0: the N+k spares are the k most capable nodes in service rather than k × the newest node, and a
 * purchase is the fewest nodes that cover demand (ADR 016). Figures change only for owned GPUs with
 * redundancyNodes ≥ 2 once a purchase of fewer than k nodes is in service (under maxNodes, or as
 * hardware gets cheaper per unit of performance): as much or more usable capacity, fewer or later
 * purchases. Elsewhere only the 40th significant digit moves after a retirement (sums taken afresh).
 * maxNodes at or below redundancyNodes is refused; event texts say "1 GPU".
 *
 * 2.1.1: every warning and compliance reason carries a code and its parameters beside its text, and
 * every SEAL level's reasoning lines theirs in `notes` (ADR 017), for the presenter to render; figures
 * and texts are unchanged, and a 2.1.0 result, without them, shows its texts as stored.
 *
 * 3.0.0: a catalogue value's record in `catalogueValues` cites `sources` (publisher, title, URLs, date
 * each) instead of the free-text `source` and `sourceUrl`, and carries `staleAfterDays`, the staleness
 * limit of its kind of figure (API prices 90 days, GPU rentals 120, hardware and throughput 180, the
 * rest 365; it was 180 for all). A shape change, hence the major. On the same inputs and date, stale
 * warnings now appear for API prices 91–180 and GPU rentals 121–180 days old, and no longer for
 * energy, colocation, salary, licence, quality, trend and compliance figures 181–365 days old; each
 * names its limit. No cost figure changes. The presenter shows a 2.x result's free-text source, and
 * judges its staleness by the 180 days it was computed with.
 */
export const ENGINE_VERSION = "3.0.0";

/** JSON with object keys sorted and Decimals as exact strings, so the hash ignores declaration order. */
function stringifySorted(value: unknown): string {
  if (Decimal.isDecimal(value)) return JSON.stringify((value as Decimal).toFixed());
  if (Array.isArray(value)) return `[${value.map(stringifySorted).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stringifySorted(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`, as 8 hex digits. Not cryptographic: a label. */
function hashFnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * Catalogue data only — prices, the compliance capability catalogue, its sources, the access laws
 * and the dated legal facts the regime rules quote. The rules themselves are code, so a change to
 * them is an ENGINE_VERSION change.
 */
function createCatalogueVersion(): string {
  const content = {
    catalogue: CATALOGUE,
    deployments: DEPLOYMENT_CAPABILITIES,
    sources: COMPLIANCE_SOURCES,
    accessLaws: FOREIGN_ACCESS_LAWS,
    regulatoryDates: REGULATORY_DATES,
  };
  const dates = [...Object.values(CATALOGUE).flatMap((group) => group.map((entry) => entry.asOf)), ...Object.values(COMPLIANCE_SOURCES).map((source) => source.asOf)];
  const latest = dates.reduce((a, b) => (b > a ? b : a), "0000-00-00");
  return `${latest}.${hashFnv1a(stringifySorted(content))}`;
}

/**
 * "<latest asOf among catalogue entries and compliance sources>.<FNV-1a of their content>", e.g.
 * "2026-11-25.1a2b3c4d": readable as a date, and different as soon as any value, source or rule
 * changes, even on the same date.
 */
export const CATALOGUE_VERSION: string = createCatalogueVersion();
