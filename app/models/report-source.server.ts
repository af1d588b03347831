/**
 * Reads behind the PDF reports (issue 8) that the scenario model does not offer: what a share link's
 * PDF is made of, and which revisions carry a fingerprint (the verify page). Every read is scoped by an orgId from a membership, or by a link id from the
 * share-link gate, which reads in that link's database scope (ADR 019).
 */
import { withScope, withTenant } from "~/db.server.ts";
import { findRevisionRow, toRevisionDetail, type RevisionDetail } from "./scenario.server.ts";

/** A revision whose fingerprint matched, with what a reader needs to tell whether it is superseded. */
export interface FingerprintMatch {
  scenarioId: string;
  scenarioName: string;
  revisionNumber: number;
  revisionId: string;
  createdAt: string;
  createdByEmail: string | null;
  latestRevisionNumber: number;
  archivedAt: string | null;
  /** A later revision of the same scenario exists. */
  superseded: boolean;
}

/**
 * What the shared PDF is made of, for a link the gate has already opened (`linkId` from
 * requireShareLink): its organisation's report settings and revision `number`, the one it shows.
 * Null if the link has gone since, or shows another revision now.
 */
export async function getSharedReportSource({ linkId, number }: { linkId: string; number: number }): Promise<{ settings: { name: string; locale: string; pdfPageSize: string }; revision: RevisionDetail } | null> {
  const source = await withScope({ shareLinkId: linkId }, async (db) => {
    const link = await db.shareLink.findFirst({ where: { id: linkId }, select: { orgId: true, scenarioId: true, org: { select: { name: true, locale: true, pdfPageSize: true } } } });
    if (!link) return null;
    const row = await findRevisionRow(db, { orgId: link.orgId, scenarioId: link.scenarioId, number });
    return row && { settings: link.org, row };
  });
  return source && { settings: source.settings, revision: toRevisionDetail(source.row) };
}

/**
 * Revisions of the organisation whose inputs have this fingerprint (64 lowercase hex digits), newest
 * first. Several match when a scenario was restored to earlier inputs, or two scenarios share inputs.
 */
export async function listRevisionsByFingerprint({ orgId, fingerprint }: { orgId: string; fingerprint: string }): Promise<FingerprintMatch[]> {
  const revisions = await withTenant(orgId, (db) =>
    db.scenarioRevision.findMany({
      where: { orgId, fingerprint },
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      take: 50,
      select: {
        id: true,
        number: true,
        createdAt: true,
        createdBy: { select: { email: true } },
        scenario: { select: { id: true, name: true, latestRevisionNumber: true, archivedAt: true } },
      },
    }),
  );
  return revisions.map((revision) => ({
    scenarioId: revision.scenario.id,
    scenarioName: revision.scenario.name,
    revisionNumber: revision.number,
    revisionId: revision.id,
    createdAt: revision.createdAt.toISOString(),
    createdByEmail: revision.createdBy?.email ?? null,
    latestRevisionNumber: revision.scenario.latestRevisionNumber,
    archivedAt: revision.scenario.archivedAt?.toISOString() ?? null,
    superseded: revision.number < revision.scenario.latestRevisionNumber,
  }));
}

/** What a share link's holder learns about a printed fingerprint (ADR 011, "Verifying a printed copy"). */
export type SharedFingerprintCheck =
  | { match: "shown"; revisionNumber: number }
  | { match: "superseded"; revisionNumber: number; shownRevisionNumber: number }
  | { match: "none" };

/**
 * Whether a fingerprint belongs to what the link shares, for a link the gate has already opened
 * (`linkId`, `shownRevisionNumber` from requireShareLink). A pinned link answers only about its own
 * revision; a following link, which shares the scenario as it evolves, also recognises the scenario's
 * earlier revisions (as superseded). Nothing outside the linked scenario is ever matched.
 */
export async function checkSharedFingerprint({ linkId, shownRevisionNumber, shownFingerprint, fingerprint }: { linkId: string; shownRevisionNumber: number; shownFingerprint: string; fingerprint: string }): Promise<SharedFingerprintCheck> {
  if (fingerprint === shownFingerprint) return { match: "shown", revisionNumber: shownRevisionNumber };
  // The link's scope with the fingerprint: row-level security shows a following link's earlier revision only by a fingerprint its reader already has.
  const earlier = await withScope({ shareLinkId: linkId, shareFingerprint: fingerprint }, async (db) => {
    const link = await db.shareLink.findFirst({ where: { id: linkId }, select: { orgId: true, scenarioId: true, followLatest: true } });
    if (!link?.followLatest) return null;
    return db.scenarioRevision.findFirst({
      where: { orgId: link.orgId, scenarioId: link.scenarioId, fingerprint, number: { lt: shownRevisionNumber } },
      orderBy: { number: "desc" },
      select: { number: true },
    });
  });
  return earlier ? { match: "superseded", revisionNumber: earlier.number, shownRevisionNumber } : { match: "none" };
}
