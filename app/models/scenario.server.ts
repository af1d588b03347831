/**
 * Saved scenarios and their immutable revisions (docs/decisions/007-scenario-revisions.md).
 *
 * Every function takes the `orgId` of the caller's membership and puts it in every `where`; a
 * scenario or revision of another organisation is "not found" (null), never an error. Results are
 * plain data: dates as ISO strings, decimals as exact strings. Saves are optimistic: the caller
 * names the revision it edited (`baseRevisionNumber`); a newer one makes the save a conflict.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { withTenant, type Db } from "~/db.server.ts";
import { CATALOGUE_VERSION, createCatalogue, ENGINE_VERSION, type Catalogue, type Scenario, type ScenarioIssue } from "~/engine/index.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { summarizeHeadline } from "~/reports/headline.ts";
import { stringifyCanonicalJson, type CanonicalScenario } from "~/scenarios/canonical.ts";
import { diffInputs, type InputChange } from "~/scenarios/diff.ts";
import { migrateScenario, type ScenarioDocument } from "~/scenarios/migrate.ts";
import { parseScenarioDocument } from "~/scenarios/parse-document.ts";
import { computeStoredResult, type StoredResult } from "~/scenarios/stored-result.ts";
import { createAuditEvent, type AuditAction } from "./audit.server.ts";
import { findOrganisationLayer, getOrganisationCatalogue } from "./organization-catalogue.server.ts";
import { isUniqueViolation } from "./prisma-errors.server.ts";

/** The list's summary of a revision's result, from its denormalised columns. */
export interface RevisionHeadline {
  /** ISO 4217 code of cheapestCashTotal. */
  currency: string;
  cheapestId: string;
  cheapestName: string;
  /** Horizon cash TCO of the cheapest option compliance does not block: exact decimal string. */
  cheapestCashTotal: string;
  /** 0-based month from which the cheapest stays at or below the runner-up's cumulative cash; null if never or no runner-up. */
  breakEvenMonth: number | null;
  /** "YYYY-MM" of breakEvenMonth. */
  breakEvenCalendarMonth: string | null;
}

export interface ScenarioListItem {
  id: string;
  name: string;
  archivedAt: string | null;
  updatedAt: string;
  /** Who made the last change; null when that user was deleted. */
  updatedByEmail: string | null;
  revisionCount: number;
  latestRevisionNumber: number;
  /** Of the latest revision; null when every option is blocked by compliance. */
  headline: RevisionHeadline | null;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  archivedAt: string | null;
  createdAt: string;
  latestRevisionNumber: number;
}

export interface RevisionDetail {
  id: string;
  number: number;
  /** The revision's canonical inputs, upgraded to the current scenario format (migrateScenario). */
  inputs: ScenarioDocument;
  /** Hex SHA-256 of the canonical JSON of the inputs as stored. */
  fingerprint: string;
  note: string | null;
  createdAt: string;
  createdByEmail: string | null;
  engineVersion: string;
  catalogueVersion: string;
  /** "YYYY-MM-DD": the day the result was computed for. */
  asOf: string;
  result: StoredResult;
  /** True when computed by today's engine and the organisation's current catalogue; false means newer defaults exist. */
  isCurrent: boolean;
}

export interface RevisionListItem {
  number: number;
  note: string | null;
  createdAt: string;
  createdByEmail: string | null;
  fingerprint: string;
  headline: RevisionHeadline | null;
}

export type CreateScenarioResult = { ok: true; scenarioId: string; revisionNumber: number } | { ok: false; issues: ScenarioIssue[] };

/** The outcome of anything that appends a revision; null (not found) is returned beside it. */
export type SaveRevisionResult =
  /** `created` is false when the inputs and versions equal the latest revision's: nothing was written. */
  | { ok: true; revisionNumber: number; created: boolean }
  | { ok: false; reason: "invalid"; issues: ScenarioIssue[] }
  | {
      ok: false;
      reason: "conflict";
      /** The revision saved since the caller's base. */
      latest: { number: number; createdByEmail: string | null; createdAt: string; inputs: ScenarioDocument };
      /** What changed from the caller's base revision to `latest`. */
      changes: InputChange[];
    };

const RESTORED_NOTE_PREFIX = "Restored from revision";
const RECOMPUTED_NOTE = "Recomputed with current defaults";

/** A rename racing with saves is retried this many times before it gives up as a conflict. */
const RENAME_ATTEMPTS = 3;

const headlineSelect = {
  currencyCode: true,
  headlineOptionId: true,
  headlineOptionName: true,
  headlineCashTotal: true,
  headlineBreakEvenMonth: true,
  headlineBreakEvenCalendarMonth: true,
} as const;

type HeadlineColumns = Prisma.ScenarioRevisionGetPayload<{ select: typeof headlineSelect }>;

/** An audit event recorded with a revision (target: the scenario name; scenarioId and number added). */
type RevisionAudit = { action: AuditAction; metadata: Prisma.InputJsonObject };

/** The columns a revision is created from, apart from its place (org, scenario, number), note and author. */
type RevisionContent = Omit<Prisma.ScenarioRevisionUncheckedCreateInput, "id" | "orgId" | "scenarioId" | "number" | "note" | "createdById" | "createdAt">;

function toHeadline(row: HeadlineColumns): RevisionHeadline | null {
  if (row.headlineOptionId === null || row.headlineOptionName === null || row.headlineCashTotal === null) return null;
  return {
    currency: row.currencyCode,
    cheapestId: row.headlineOptionId,
    cheapestName: row.headlineOptionName,
    cheapestCashTotal: row.headlineCashTotal,
    breakEvenMonth: row.headlineBreakEvenMonth,
    breakEvenCalendarMonth: row.headlineBreakEvenCalendarMonth,
  };
}

function toHeadlineColumns(result: StoredResult): HeadlineColumns {
  const headline = summarizeHeadline(result.scenario);
  return {
    currencyCode: headline.currency,
    headlineOptionId: headline.cheapest?.id ?? null,
    headlineOptionName: headline.cheapest?.name ?? null,
    headlineCashTotal: headline.cheapest?.cashTotal ?? null,
    headlineBreakEvenMonth: headline.breakEven.month,
    headlineBreakEvenCalendarMonth: headline.breakEven.calendarMonth,
  };
}

/** Hex SHA-256 of the canonical JSON text (sorted keys, no whitespace) of `inputs`. */
function fingerprintInputs(inputs: CanonicalScenario | ScenarioDocument): string {
  return createHash("sha256").update(stringifyCanonicalJson(inputs)).digest("hex");
}

/** gzip (level 9) of the result's JSON: 5–7× smaller, in ~5 ms (ADR 007). */
function encodeResult(result: StoredResult): Uint8Array<ArrayBuffer> {
  return new Uint8Array(gzipSync(JSON.stringify(result), { level: 9 }));
}

function decodeResult(bytes: Uint8Array): StoredResult {
  return JSON.parse(gunzipSync(bytes).toString("utf8")) as StoredResult;
}

function toAsOfDate(asOf: string): Date {
  // A caller's bug, not user input: routes pass today's date.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD, got "${asOf}"`);
  return new Date(`${asOf}T00:00:00.000Z`);
}

function toStoredInputs(inputs: CanonicalScenario | ScenarioDocument): Prisma.InputJsonObject {
  return inputs as unknown as Prisma.InputJsonObject;
}

/** Stored inputs, brought to the current format. They were valid when stored, so this cannot fail. */
function loadInputs(stored: Prisma.JsonValue): ScenarioDocument {
  const migrated = migrateScenario(stored);
  if (!migrated.ok) throw new Error(`stored scenario inputs cannot be upgraded: ${migrated.issues.map((issue) => `${issue.path} ${issue.message}`).join("; ")}`);
  return migrated.scenario;
}

function normalizeNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/**
 * Computes a revision's result with today's engine and the organisation's catalogue, whose version
 * the revision names (0.1–0.5 s: outside transactions).
 */
function computeRevisionContent(scenario: Scenario, canonical: CanonicalScenario, asOf: string, catalogue: Catalogue): RevisionContent {
  const result = computeStoredResult(scenario, { asOf, catalogue });
  return {
    inputs: toStoredInputs(canonical),
    fingerprint: fingerprintInputs(canonical),
    engineVersion: ENGINE_VERSION,
    catalogueVersion: catalogue.version,
    asOf: toAsOfDate(asOf),
    result: encodeResult(result),
    ...toHeadlineColumns(result),
  };
}

/**
 * A stored revision's content under another name. Only the name changes: the name plays no part in
 * any figure, so the stored result (with its engine and catalogue versions and asOf) stays the one
 * it was, with its `name` replaced, and no recomputation can slip new figures into a rename.
 */
function renameRevisionContent(
  source: { inputs: Prisma.JsonValue; result: Uint8Array; engineVersion: string; catalogueVersion: string; asOf: Date } & HeadlineColumns,
  name: string,
): { ok: true; content: RevisionContent; name: string } | { ok: false; issues: ScenarioIssue[] } {
  // The figures stay as stored: catalogue ids are not judged again (an entry removed since is no reason to refuse a rename).
  const parsed = parseScenarioDocument({ ...loadInputs(source.inputs), name }, null);
  if (!parsed.ok) return parsed;
  const result = decodeResult(source.result);
  return {
    ok: true,
    name: parsed.scenario.name,
    content: {
      inputs: toStoredInputs(parsed.canonical),
      fingerprint: fingerprintInputs(parsed.canonical),
      engineVersion: source.engineVersion,
      catalogueVersion: source.catalogueVersion,
      asOf: source.asOf,
      result: encodeResult({ ...result, scenario: { ...result.scenario, name: parsed.scenario.name } }),
      currencyCode: source.currencyCode,
      headlineOptionId: source.headlineOptionId,
      headlineOptionName: source.headlineOptionName,
      headlineCashTotal: source.headlineCashTotal,
      headlineBreakEvenMonth: source.headlineBreakEvenMonth,
      headlineBreakEvenCalendarMonth: source.headlineBreakEvenCalendarMonth,
    },
  };
}

/**
 * Appends revision base + 1, race-safe: the scenario row moves from `base` to `base + 1` in the same
 * transaction, so of two saves on the same base the second finds no row to move ("conflict");
 * the unique (scenarioId, number) backs it up. The scenario's name follows the inputs' name.
 */
async function commitRevision({
  orgId,
  userId,
  scenarioId,
  base,
  name,
  note,
  content,
  audit,
}: {
  orgId: string;
  userId: string;
  scenarioId: string;
  base: number;
  name: string;
  note: string | null;
  content: RevisionContent;
  audit?: RevisionAudit;
}): Promise<"ok" | "conflict"> {
  try {
    return await withTenant(orgId, async (tx) => {
      const { count } = await tx.scenario.updateMany({
        where: { id: scenarioId, orgId, latestRevisionNumber: base },
        data: { latestRevisionNumber: base + 1, name, updatedById: userId },
      });
      if (count !== 1) return "conflict";
      await tx.scenarioRevision.create({ data: { ...content, orgId, scenarioId, number: base + 1, note, createdById: userId } });
      if (audit) await createAuditEvent({ orgId, actorUserId: userId, action: audit.action, target: name, metadata: { scenarioId, number: base + 1, ...audit.metadata, catalogueVersion: content.catalogueVersion } }, tx);
      return "ok";
    });
  } catch (error) {
    if (isUniqueViolation(error, "number")) return "conflict";
    throw error;
  }
}

/** The conflict answer: the latest revision and what changed since `base`; null if the scenario is gone. */
async function describeConflict({ orgId, scenarioId, base }: { orgId: string; scenarioId: string; base: number }): Promise<SaveRevisionResult | null> {
  const [latest, baseRevision] = await withTenant(orgId, (db) =>
    Promise.all([
      db.scenarioRevision.findFirst({
        where: { orgId, scenarioId },
        orderBy: { number: "desc" },
        select: { number: true, inputs: true, createdAt: true, createdBy: { select: { email: true } } },
      }),
      db.scenarioRevision.findFirst({ where: { orgId, scenarioId, number: base }, select: { inputs: true } }),
    ]),
  );
  if (!latest) return null;
  const latestInputs = loadInputs(latest.inputs);
  return {
    ok: false,
    reason: "conflict",
    latest: { number: latest.number, createdByEmail: latest.createdBy?.email ?? null, createdAt: latest.createdAt.toISOString(), inputs: latestInputs },
    changes: diffInputs(baseRevision ? loadInputs(baseRevision.inputs) : {}, latestInputs),
  };
}

/**
 * Validates `inputs`, computes and appends a revision on top of `baseRevisionNumber`. With
 * `skipIfUnchanged`, inputs whose fingerprint, engine and catalogue versions equal the latest
 * revision's write nothing and answer the latest number (`created: false`).
 */
async function appendRevision({
  orgId,
  userId,
  scenarioId,
  baseRevisionNumber,
  inputs,
  note,
  asOf,
  skipIfUnchanged,
  audit,
}: {
  orgId: string;
  userId: string;
  scenarioId: string;
  baseRevisionNumber: number;
  inputs: unknown;
  note: string | null;
  asOf: string;
  skipIfUnchanged: boolean;
  audit?: RevisionAudit;
}): Promise<SaveRevisionResult | null> {
  // One read for all: the scenario's latest number, the organisation's catalogue and, when an unchanged save may write nothing, that revision's versions.
  const current = await withTenant(orgId, async (db) => {
    const scenario = await db.scenario.findFirst({ where: { id: scenarioId, orgId }, select: { latestRevisionNumber: true } });
    if (!scenario) return { scenario, latest: null, catalogue: null };
    const catalogue = createCatalogue(await findOrganisationLayer(db, orgId));
    if (!skipIfUnchanged || baseRevisionNumber !== scenario.latestRevisionNumber) return { scenario, latest: null, catalogue };
    const latest = await db.scenarioRevision.findFirst({
      where: { orgId, scenarioId, number: baseRevisionNumber },
      select: { fingerprint: true, engineVersion: true, catalogueVersion: true },
    });
    return { scenario, latest, catalogue };
  });
  if (!current.scenario || !current.catalogue) return null;
  const { latest, catalogue } = current;
  const parsed = parseScenarioDocument(inputs, catalogue);
  if (!parsed.ok) return { ok: false, reason: "invalid", issues: parsed.issues };
  if (baseRevisionNumber !== current.scenario.latestRevisionNumber) return describeConflict({ orgId, scenarioId, base: baseRevisionNumber });
  if (latest && latest.fingerprint === fingerprintInputs(parsed.canonical) && latest.engineVersion === ENGINE_VERSION && latest.catalogueVersion === catalogue.version) {
    return { ok: true, revisionNumber: baseRevisionNumber, created: false };
  }
  const content = computeRevisionContent(parsed.scenario, parsed.canonical, asOf, catalogue);
  const outcome = await commitRevision({ orgId, userId, scenarioId, base: baseRevisionNumber, name: parsed.scenario.name, note, content, audit });
  if (outcome === "conflict") return describeConflict({ orgId, scenarioId, base: baseRevisionNumber });
  return { ok: true, revisionNumber: baseRevisionNumber + 1, created: true };
}

/** Scenarios of the organisation, most recently changed first: active ones, or archived ones with `archived`. */
export async function listScenarios({ orgId, archived = false }: { orgId: string; archived?: boolean }): Promise<ScenarioListItem[]> {
  const { scenarios, latest } = await withTenant(orgId, async (db) => {
    const scenarios = await db.scenario.findMany({
      where: { orgId, archivedAt: archived ? { not: null } : null },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        name: true,
        archivedAt: true,
        updatedAt: true,
        latestRevisionNumber: true,
        updatedBy: { select: { email: true } },
        _count: { select: { revisions: true } },
      },
    });
    if (scenarios.length === 0) return { scenarios, latest: [] };
    const latest = await db.scenarioRevision.findMany({
      where: { orgId, OR: scenarios.map((scenario) => ({ scenarioId: scenario.id, number: scenario.latestRevisionNumber })) },
      select: { scenarioId: true, ...headlineSelect },
    });
    return { scenarios, latest };
  });
  const headlines = new Map(latest.map((row) => [row.scenarioId, toHeadline(row)]));
  return scenarios.map((scenario) => ({
    id: scenario.id,
    name: scenario.name,
    archivedAt: scenario.archivedAt?.toISOString() ?? null,
    updatedAt: scenario.updatedAt.toISOString(),
    updatedByEmail: scenario.updatedBy?.email ?? null,
    revisionCount: scenario._count.revisions,
    latestRevisionNumber: scenario.latestRevisionNumber,
    headline: headlines.get(scenario.id) ?? null,
  }));
}

export async function getScenario({ orgId, scenarioId }: { orgId: string; scenarioId: string }): Promise<ScenarioSummary | null> {
  const scenario = await withTenant(orgId, (db) =>
    db.scenario.findFirst({
      where: { id: scenarioId, orgId },
      select: { id: true, name: true, archivedAt: true, createdAt: true, latestRevisionNumber: true },
    }),
  );
  if (!scenario) return null;
  return { ...scenario, archivedAt: scenario.archivedAt?.toISOString() ?? null, createdAt: scenario.createdAt.toISOString() };
}

/** Revision `number` of the scenario, or its latest when `number` is omitted; null when not found. */
export async function getRevision({ orgId, scenarioId, number }: { orgId: string; scenarioId: string; number?: number }): Promise<RevisionDetail | null> {
  const { row, layer } = await withTenant(orgId, async (db) => ({ row: await findRevisionRow(db, { orgId, scenarioId, number }), layer: await findOrganisationLayer(db, orgId) }));
  return row && toRevisionDetail(row, createCatalogue(layer).version);
}

/** Whether a revision was computed by today's engine and the catalogue of version `catalogueVersion` (the organisation's current one). */
export function isRevisionCurrent(revision: { engineVersion: string; catalogueVersion: string }, catalogueVersion: string): boolean {
  return revision.engineVersion === ENGINE_VERSION && revision.catalogueVersion === catalogueVersion;
}

const revisionDetailSelect = {
  id: true,
  number: true,
  inputs: true,
  fingerprint: true,
  note: true,
  createdAt: true,
  engineVersion: true,
  catalogueVersion: true,
  asOf: true,
  result: true,
  createdBy: { select: { email: true } },
} as const;

export type RevisionRow = Prisma.ScenarioRevisionGetPayload<{ select: typeof revisionDetailSelect }>;

/**
 * getRevision's read in the transaction `db`, for a caller with a scope of its own (a share link reads
 * the one revision it shows); toRevisionDetail then decodes it, after the transaction.
 */
export function findRevisionRow(db: Db, { orgId, scenarioId, number }: { orgId: string; scenarioId: string; number?: number }): Promise<RevisionRow | null> {
  return db.scenarioRevision.findFirst({
    where: { orgId, scenarioId, ...(number === undefined ? {} : { number }) },
    orderBy: { number: "desc" },
    select: revisionDetailSelect,
  });
}

/**
 * A stored revision as callers see it: inputs upgraded, result decoded (milliseconds of CPU: outside
 * transactions). Current when computed by today's engine and `catalogueVersion` (the organisation's
 * current catalogue; the built-in one's when absent).
 */
export function toRevisionDetail(revision: RevisionRow, catalogueVersion: string = CATALOGUE_VERSION): RevisionDetail {
  return {
    id: revision.id,
    number: revision.number,
    inputs: loadInputs(revision.inputs),
    fingerprint: revision.fingerprint,
    note: revision.note,
    createdAt: revision.createdAt.toISOString(),
    createdByEmail: revision.createdBy?.email ?? null,
    engineVersion: revision.engineVersion,
    catalogueVersion: revision.catalogueVersion,
    asOf: revision.asOf.toISOString().slice(0, 10),
    result: decodeResult(revision.result),
    isCurrent: isRevisionCurrent(revision, catalogueVersion),
  };
}

/** The scenario's revisions, newest first; empty when the scenario is not found. */
export async function listRevisions({ orgId, scenarioId }: { orgId: string; scenarioId: string }): Promise<RevisionListItem[]> {
  const revisions = await withTenant(orgId, (db) =>
    db.scenarioRevision.findMany({
      where: { orgId, scenarioId },
      orderBy: { number: "desc" },
      select: { number: true, note: true, createdAt: true, fingerprint: true, createdBy: { select: { email: true } }, ...headlineSelect },
    }),
  );
  return revisions.map((revision) => ({
    number: revision.number,
    note: revision.note,
    createdAt: revision.createdAt.toISOString(),
    createdByEmail: revision.createdBy?.email ?? null,
    fingerprint: revision.fingerprint,
    headline: toHeadline(revision),
  }));
}

/** Which inputs changed from revision `from` to revision `to`, and both headlines; null if either is missing. */
export async function getRevisionDiff({ orgId, scenarioId, from, to }: { orgId: string; scenarioId: string; from: number; to: number }): Promise<{
  changes: InputChange[];
  headlineFrom: RevisionHeadline | null;
  headlineTo: RevisionHeadline | null;
} | null> {
  const revisions = await withTenant(orgId, (db) =>
    db.scenarioRevision.findMany({
      where: { orgId, scenarioId, number: { in: [from, to] } },
      select: { number: true, inputs: true, ...headlineSelect },
    }),
  );
  const before = revisions.find((revision) => revision.number === from);
  const after = revisions.find((revision) => revision.number === to);
  if (!before || !after) return null;
  return { changes: diffInputs(loadInputs(before.inputs), loadInputs(after.inputs)), headlineFrom: toHeadline(before), headlineTo: toHeadline(after) };
}

/**
 * Creates a scenario from a document of any known format (the editor's state, an imported file, a
 * template), named after its `name`, with revision 1 computed for `asOf` ("YYYY-MM-DD").
 */
export async function createScenario({ orgId, userId, inputs, note, asOf }: { orgId: string; userId: string; inputs: unknown; note?: string | null; asOf: string }): Promise<CreateScenarioResult> {
  const catalogue = await getOrganisationCatalogue({ orgId });
  const parsed = parseScenarioDocument(inputs, catalogue);
  if (!parsed.ok) return parsed;
  const content = computeRevisionContent(parsed.scenario, parsed.canonical, asOf, catalogue);
  const name = parsed.scenario.name;
  const scenarioId = await withTenant(orgId, async (tx) => {
    const scenario = await tx.scenario.create({ data: { orgId, name, createdById: userId, updatedById: userId, latestRevisionNumber: 1 }, select: { id: true } });
    await tx.scenarioRevision.create({ data: { ...content, orgId, scenarioId: scenario.id, number: 1, note: normalizeNote(note), createdById: userId } });
    await createAuditEvent({ orgId, actorUserId: userId, action: "scenario.created", target: name, metadata: { scenarioId: scenario.id, fromVersion: parsed.fromVersion } }, tx);
    return scenario.id;
  });
  return { ok: true, scenarioId, revisionNumber: 1 };
}

/**
 * Saves `inputs` as the revision after `baseRevisionNumber`, the revision the user edited. Null
 * when the scenario is not found; a conflict when another revision was saved since the base.
 * Identical inputs with no note, computed by today's engine and catalogue like the latest, write
 * nothing (`created: false`): a revision records a change or a comment.
 */
export async function saveRevision({
  orgId,
  userId,
  scenarioId,
  baseRevisionNumber,
  inputs,
  note,
  asOf,
}: {
  orgId: string;
  userId: string;
  scenarioId: string;
  baseRevisionNumber: number;
  inputs: unknown;
  note?: string | null;
  asOf: string;
}): Promise<SaveRevisionResult | null> {
  const normalizedNote = normalizeNote(note);
  return appendRevision({ orgId, userId, scenarioId, baseRevisionNumber, inputs, note: normalizedNote, asOf, skipIfUnchanged: normalizedNote === null });
}

/** Where restore and recompute start: the scenario's latest number and revision `number`'s inputs. */
async function getRevisionSource({ orgId, scenarioId, number }: { orgId: string; scenarioId: string; number: number }) {
  const [scenario, revision] = await withTenant(orgId, (db) =>
    Promise.all([
      db.scenario.findFirst({ where: { id: scenarioId, orgId }, select: { latestRevisionNumber: true } }),
      db.scenarioRevision.findFirst({ where: { orgId, scenarioId, number }, select: { inputs: true } }),
    ]),
  );
  return scenario && revision ? { latestRevisionNumber: scenario.latestRevisionNumber, inputs: loadInputs(revision.inputs) } : null;
}

/**
 * Appends a revision with revision `number`'s inputs, computed by today's engine, noted "Restored
 * from revision N". Restoring inputs equal to the latest revision's (same versions) writes nothing.
 */
export async function restoreRevision({ orgId, userId, scenarioId, number, asOf }: { orgId: string; userId: string; scenarioId: string; number: number; asOf: string }): Promise<SaveRevisionResult | null> {
  const source = await getRevisionSource({ orgId, scenarioId, number });
  if (!source) return null;
  return appendRevision({
    orgId,
    userId,
    scenarioId,
    baseRevisionNumber: source.latestRevisionNumber,
    inputs: source.inputs,
    note: `${RESTORED_NOTE_PREFIX} ${number}`,
    asOf,
    skipIfUnchanged: true,
    audit: { action: "scenario.revision_restored", metadata: { restoredNumber: number } },
  });
}

/**
 * Appends a revision with revision `number`'s inputs (normally the latest, the one the user is
 * looking at) computed by today's engine and catalogue, noted "Recomputed with current defaults".
 * A revision already computed by today's versions writes nothing (`created: false`).
 */
export async function recomputeRevision({ orgId, userId, scenarioId, number, asOf }: { orgId: string; userId: string; scenarioId: string; number: number; asOf: string }): Promise<SaveRevisionResult | null> {
  const source = await getRevisionSource({ orgId, scenarioId, number });
  if (!source) return null;
  return appendRevision({
    orgId,
    userId,
    scenarioId,
    baseRevisionNumber: source.latestRevisionNumber,
    inputs: source.inputs,
    note: number === source.latestRevisionNumber ? RECOMPUTED_NOTE : `${RECOMPUTED_NOTE} (inputs of revision ${number})`,
    asOf,
    skipIfUnchanged: true,
    audit: { action: "scenario.recomputed", metadata: { sourceNumber: number, engineVersion: ENGINE_VERSION } },
  });
}

const latestRevisionSelect = {
  number: true,
  inputs: true,
  result: true,
  engineVersion: true,
  catalogueVersion: true,
  asOf: true,
  ...headlineSelect,
} as const;

/** The scenario's name and latest number, and that revision's stored content (null if the scenario is gone). */
function readLatest(orgId: string, scenarioId: string) {
  return withTenant(orgId, async (db) => {
    const scenario = await db.scenario.findFirst({ where: { id: scenarioId, orgId }, select: { name: true, latestRevisionNumber: true } });
    if (!scenario) return { scenario, latest: null };
    const latest = await db.scenarioRevision.findFirst({ where: { orgId, scenarioId, number: scenario.latestRevisionNumber }, select: latestRevisionSelect });
    return { scenario, latest };
  });
}

/**
 * Renames a scenario: a new revision whose inputs differ only in `name`, keeping the latest
 * revision's stored figures (see renameRevisionContent). The name follows the scenario format's
 * rule (trimmed, 1–200 characters). Null when not found.
 */
export async function renameScenario({ orgId, userId, scenarioId, name }: { orgId: string; userId: string; scenarioId: string; name: string }): Promise<
  { ok: true; name: string; revisionNumber: number } | { ok: false; issues: ScenarioIssue[] } | null
> {
  for (let attempt = 0; attempt < RENAME_ATTEMPTS; attempt++) {
    const { scenario, latest } = await readLatest(orgId, scenarioId);
    if (!scenario) return null;
    if (!latest) continue;
    const renamed = renameRevisionContent(latest, name);
    if (!renamed.ok) return renamed;
    if (renamed.name === scenario.name) return { ok: true, name: scenario.name, revisionNumber: latest.number };
    const outcome = await commitRevision({
      orgId,
      userId,
      scenarioId,
      base: latest.number,
      name: renamed.name,
      note: `Renamed from “${scenario.name}”`,
      content: renamed.content,
      audit: { action: "scenario.renamed", metadata: { from: scenario.name } },
    });
    if (outcome === "ok") return { ok: true, name: renamed.name, revisionNumber: latest.number + 1 };
  }
  throw new Error(`renameScenario: scenario ${scenarioId} kept changing during ${RENAME_ATTEMPTS} attempts`);
}

async function setArchived({ orgId, userId, scenarioId, archived }: { orgId: string; userId: string; scenarioId: string; archived: boolean }): Promise<{ id: string; archivedAt: string | null } | null> {
  return withTenant(orgId, async (tx) => {
    const scenario = await tx.scenario.findFirst({ where: { id: scenarioId, orgId }, select: { name: true, archivedAt: true } });
    if (!scenario) return null;
    if ((scenario.archivedAt !== null) === archived) return { id: scenarioId, archivedAt: scenario.archivedAt?.toISOString() ?? null };
    const archivedAt = archived ? new Date() : null;
    const { count } = await tx.scenario.updateMany({
      where: { id: scenarioId, orgId, archivedAt: archived ? null : { not: null } },
      data: { archivedAt, updatedById: userId },
    });
    // Someone else changed it between the read and the write: it is in the state asked for anyway.
    if (count === 1) await createAuditEvent({ orgId, actorUserId: userId, action: archived ? "scenario.archived" : "scenario.unarchived", target: scenario.name, metadata: { scenarioId } }, tx);
    const after = await tx.scenario.findFirstOrThrow({ where: { id: scenarioId, orgId }, select: { archivedAt: true } });
    return { id: scenarioId, archivedAt: after.archivedAt?.toISOString() ?? null };
  });
}

/** Archives a scenario (hidden from the default list, kept whole). Idempotent; null when not found. */
export async function archiveScenario({ orgId, userId, scenarioId }: { orgId: string; userId: string; scenarioId: string }): Promise<{ id: string; archivedAt: string | null } | null> {
  return setArchived({ orgId, userId, scenarioId, archived: true });
}

/** Brings an archived scenario back to the list. Idempotent; null when not found. */
export async function restoreArchivedScenario({ orgId, userId, scenarioId }: { orgId: string; userId: string; scenarioId: string }): Promise<{ id: string; archivedAt: string | null } | null> {
  return setArchived({ orgId, userId, scenarioId, archived: false });
}

/** The longest name the scenario format accepts. */
const MAX_NAME_LENGTH = 200;

/**
 * A new scenario "Copy of <name>" whose revision 1 holds the latest revision's inputs (renamed) and
 * its stored figures, as renameScenario does: nothing is recomputed. Null when not found.
 */
export async function duplicateScenario({ orgId, userId, scenarioId }: { orgId: string; userId: string; scenarioId: string }): Promise<{ scenarioId: string; revisionNumber: number } | null> {
  const { scenario, latest } = await readLatest(orgId, scenarioId);
  if (!scenario || !latest) return null;
  const copyName = `Copy of ${scenario.name}`.slice(0, MAX_NAME_LENGTH);
  const renamed = renameRevisionContent(latest, copyName);
  // Stored inputs were valid and the name is within the rule: a failure here is a broken upgrade chain.
  if (!renamed.ok) throw new Error(`duplicateScenario: revision ${latest.number} of ${scenarioId} no longer parses: ${renamed.issues.map((issue) => `${issue.path} ${issue.message}`).join("; ")}`);
  const copyId = await withTenant(orgId, async (tx) => {
    const copy = await tx.scenario.create({ data: { orgId, name: renamed.name, createdById: userId, updatedById: userId, latestRevisionNumber: 1 }, select: { id: true } });
    await tx.scenarioRevision.create({
      data: { ...renamed.content, orgId, scenarioId: copy.id, number: 1, note: `Copy of “${scenario.name}”, revision ${latest.number}`, createdById: userId },
    });
    await createAuditEvent({ orgId, actorUserId: userId, action: "scenario.duplicated", target: renamed.name, metadata: { scenarioId: copy.id, sourceScenarioId: scenarioId, sourceRevision: latest.number } }, tx);
    return copy.id;
  });
  return { scenarioId: copyId, revisionNumber: 1 };
}

/**
 * Deletes a scenario with all its revisions, only when `confirmName` is exactly its name (typed
 * confirmation). Null when not found; `name-mismatch` leaves everything as it was.
 */
export async function deleteScenario({ orgId, userId, scenarioId, confirmName }: { orgId: string; userId: string; scenarioId: string; confirmName: string }): Promise<
  { ok: true } | { ok: false; reason: "name-mismatch" } | null
> {
  return withTenant(orgId, async (tx) => {
    const scenario = await tx.scenario.findFirst({ where: { id: scenarioId, orgId }, select: { name: true, latestRevisionNumber: true } });
    if (!scenario) return null;
    if (confirmName !== scenario.name) return { ok: false, reason: "name-mismatch" } as const;
    // The name in the where: a rename committed since the read makes the typed name stale.
    const { count } = await tx.scenario.deleteMany({ where: { id: scenarioId, orgId, name: confirmName } });
    if (count !== 1) return { ok: false, reason: "name-mismatch" } as const;
    await createAuditEvent({ orgId, actorUserId: userId, action: "scenario.deleted", target: scenario.name, metadata: { scenarioId, revisionCount: scenario.latestRevisionNumber } }, tx);
    return { ok: true } as const;
  });
}
