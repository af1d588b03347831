/**
 * An organisation's catalogue layer (docs/decisions/021-organisation-catalogue.md): its overrides of
 * built-in entries and its own entries, as a chain of immutable, dated versions. Every change inserts
 * the next version with the whole layer and an audit event, in one transaction; the newest version is
 * the current catalogue of the organisation's new scenarios, pickers and saves.
 */
import { StoredEntriesSchema } from "~/catalogue/entries.ts";
import { withTenant, type Db } from "~/db.server.ts";
import { createCatalogue, type Catalogue, type OrganisationEntry, type OrganisationLayer } from "~/engine/index.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { createAuditEvent, type AuditAction } from "./audit.server.ts";
import { isUniqueViolation } from "./prisma-errors.server.ts";

export interface CatalogueVersionListItem {
  number: number;
  reason: string;
  createdAt: string;
  /** Null when that user was deleted. */
  createdByEmail: string | null;
  entryCount: number;
}

/** A change that names the layer it was made on: a newer version in between makes it a conflict. */
export type CatalogueChangeResult = { ok: true; number: number } | { ok: false; reason: "conflict"; currentNumber: number };

const EMPTY_LAYER: OrganisationLayer = { number: 0, entries: [] };

function toLayer(row: { number: number; entries: Prisma.JsonValue } | null): OrganisationLayer {
  if (row === null) return EMPTY_LAYER;
  // Rows are written only through appendVersion, which stores validated entries; anything else is corruption.
  const entries = StoredEntriesSchema.parse(row.entries);
  return { number: row.number, entries };
}

/** The organisation's current layer, read in the transaction `db` (the caller's tenant scope). */
export async function findOrganisationLayer(db: Db, orgId: string): Promise<OrganisationLayer> {
  const row = await db.organizationCatalogueVersion.findFirst({ where: { orgId }, orderBy: { number: "desc" }, select: { number: true, entries: true } });
  return toLayer(row);
}

/** The organisation's current layer: plain data for a loader (the browser builds the catalogue from it). */
export function getOrganisationLayer({ orgId }: { orgId: string }): Promise<OrganisationLayer> {
  return withTenant(orgId, (db) => findOrganisationLayer(db, orgId));
}

/** The organisation's catalogue: the built-in one with its current layer on top. */
export async function getOrganisationCatalogue({ orgId }: { orgId: string }): Promise<Catalogue> {
  return createCatalogue(await getOrganisationLayer({ orgId }));
}

/** The organisation's catalogue versions, newest first. */
export async function listCatalogueVersions({ orgId }: { orgId: string }): Promise<CatalogueVersionListItem[]> {
  const rows = await withTenant(orgId, (db) =>
    db.organizationCatalogueVersion.findMany({
      where: { orgId },
      orderBy: { number: "desc" },
      select: { number: true, reason: true, createdAt: true, entries: true, createdBy: { select: { email: true } } },
    }),
  );
  return rows.map((row) => ({
    number: row.number,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    createdByEmail: row.createdBy?.email ?? null,
    entryCount: Array.isArray(row.entries) ? row.entries.length : 0,
  }));
}

/**
 * Inserts version `base + 1` with `entries` and its audit event, when `base` is still the newest
 * version; otherwise (or when another change took `base + 1` first) a conflict naming the newest.
 */
async function appendVersion({
  orgId,
  userId,
  base,
  reason,
  change,
  audit,
}: {
  orgId: string;
  userId: string;
  /** The version the change was made on; undefined: whatever is current. */
  base: number | undefined;
  reason: string;
  /** The new layer's entries from the current ones, or null when there is nothing to change. */
  change: (current: OrganisationLayer) => OrganisationEntry[] | null;
  audit: (number: number) => { action: AuditAction; target: string; metadata: Prisma.InputJsonObject };
}): Promise<CatalogueChangeResult | null> {
  try {
    return await withTenant(orgId, async (db) => {
      const current = await findOrganisationLayer(db, orgId);
      if (base !== undefined && base !== current.number) return { ok: false, reason: "conflict", currentNumber: current.number } as const;
      const entries = change(current);
      if (entries === null) return null;
      const number = current.number + 1;
      await db.organizationCatalogueVersion.create({
        data: { orgId, number, reason, entries: StoredEntriesSchema.parse(entries) as unknown as Prisma.InputJsonArray, createdById: userId },
      });
      const event = audit(number);
      await createAuditEvent({ orgId, actorUserId: userId, action: event.action, target: event.target, metadata: { ...event.metadata, catalogueVersion: number } }, db);
      return { ok: true, number } as const;
    });
  } catch (error) {
    if (!isUniqueViolation(error, "number")) throw error;
    const current = await getOrganisationLayer({ orgId });
    return { ok: false, reason: "conflict", currentNumber: current.number };
  }
}

function describeValues(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${value}`)
    .join(", ");
}

/**
 * Saves an override of a built-in entry, or an entry of the organisation's own (new or changed), as
 * the next version of the layer. `entry` has passed parseEntryFields.
 */
export function saveCatalogueEntry({ orgId, userId, entry, base }: { orgId: string; userId: string; entry: OrganisationEntry; base?: number }): Promise<CatalogueChangeResult> {
  return appendVersion({
    orgId,
    userId,
    base,
    reason: `${entry.label} (${entry.id}) set: ${describeValues(entry.values)}`,
    change: (current) => {
      const others = current.entries.filter((existing) => existing.id !== entry.id);
      return [...others, entry];
    },
    audit: () => ({
      action: "catalogue.entry_saved",
      target: entry.id,
      metadata: {
        kind: entry.kind,
        label: entry.label,
        values: entry.values,
        sourceNote: entry.sourceNote,
        asOf: entry.asOf,
      },
    }),
  }) as Promise<CatalogueChangeResult>;
}

/**
 * Removes the organisation's override (the built-in entry applies again) or own entry, as the next
 * version. Null when the layer has no entry with this id.
 */
export function removeCatalogueEntry({ orgId, userId, entryId, base }: { orgId: string; userId: string; entryId: string; base?: number }): Promise<CatalogueChangeResult | null> {
  let removed: OrganisationEntry | undefined;
  return appendVersion({
    orgId,
    userId,
    base,
    reason: `${entryId} removed`,
    change: (current) => {
      removed = current.entries.find((existing) => existing.id === entryId);
      return removed === undefined ? null : current.entries.filter((existing) => existing.id !== entryId);
    },
    audit: () => ({
      action: "catalogue.entry_removed",
      target: entryId,
      metadata: { kind: removed?.kind ?? null, label: removed?.label ?? null, values: removed?.values ?? {}, sourceNote: removed?.sourceNote ?? null, asOf: removed?.asOf ?? null },
    }),
  });
}

/**
 * Applies a previewed price import as the next version: `entries` are the layer entries the import
 * sets (overrides of changed prices, new models), each replacing the entry with its id. `base` is the
 * version the preview was made on: a change since then is a conflict and nothing is written.
 */
export function applyCatalogueImport({
  orgId,
  userId,
  base,
  fileName,
  format,
  entries,
  summary,
}: {
  orgId: string;
  userId: string;
  base: number;
  fileName: string;
  format: string;
  entries: OrganisationEntry[];
  summary: { changed: number; added: number; unchanged: number; missing: number };
}): Promise<CatalogueChangeResult> {
  const ids = new Set(entries.map((entry) => entry.id));
  return appendVersion({
    orgId,
    userId,
    base,
    reason: `${fileName} imported (${format}): ${summary.changed} changed, ${summary.added} added`,
    change: (current) => [...current.entries.filter((existing) => !ids.has(existing.id)), ...entries],
    audit: () => ({ action: "catalogue.imported", target: fileName, metadata: { format, ...summary, ids: [...ids] } }),
  }) as Promise<CatalogueChangeResult>;
}
