/**
 * Reads behind the PDF reports (issue 8) that the scenario model does not offer: an organisation's
 * report settings, the scenario a share link opens, and which revisions carry a fingerprint (the
 * verify page). Every read is scoped by an orgId from a membership, or by a link id from the
 * share-link gate.
 */
import { prisma } from "~/db.server.ts";

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

/** Locale and paper of the organisation's reports; null when the organisation is gone. */
export async function getReportSettings({ orgId }: { orgId: string }): Promise<{ name: string; locale: string; pdfPageSize: string } | null> {
  return prisma.organization.findFirst({ where: { id: orgId }, select: { name: true, locale: true, pdfPageSize: true } });
}

/**
 * The organisation and scenario behind a share link the gate has already opened (`linkId` from
 * requireShareLink), for the shared PDF; null if the link has gone since.
 */
export async function getShareLinkScope({ linkId }: { linkId: string }): Promise<{ orgId: string; scenarioId: string } | null> {
  return prisma.shareLink.findFirst({ where: { id: linkId }, select: { orgId: true, scenarioId: true } });
}

/**
 * Revisions of the organisation whose inputs have this fingerprint (64 lowercase hex digits), newest
 * first. Several match when a scenario was restored to earlier inputs, or two scenarios share inputs.
 */
export async function listRevisionsByFingerprint({ orgId, fingerprint }: { orgId: string; fingerprint: string }): Promise<FingerprintMatch[]> {
  const revisions = await prisma.scenarioRevision.findMany({
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
  });
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
  const link = await prisma.shareLink.findFirst({ where: { id: linkId }, select: { orgId: true, scenarioId: true, followLatest: true } });
  if (!link?.followLatest) return { match: "none" };
  const earlier = await prisma.scenarioRevision.findFirst({
    where: { orgId: link.orgId, scenarioId: link.scenarioId, fingerprint, number: { lt: shownRevisionNumber } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return earlier ? { match: "superseded", revisionNumber: earlier.number, shownRevisionNumber } : { match: "none" };
}
