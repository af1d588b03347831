/**
 * Share links: a read-only link /s/<token> to one scenario revision (docs/decisions/011-share-links.md).
 *
 * Managing links (create, list, revoke) is org-scoped like every model: the caller's membership
 * `orgId` is in every `where`. Opening a link goes the other way — the token is the only key — and
 * answers a context without any organisation or scenario id, so nothing a /s/ route holds can be
 * handed to an org-scoped model. Only the token's SHA-256 is stored. In the database, opening a link
 * runs in the link's own scope (ADR 019): row-level security lets it reach the live link, its
 * organisation's name and the one revision it shows, and nothing else of that organisation.
 */
import { createHash, randomBytes } from "node:crypto";
import { declareScope, withScope, withTenant } from "~/db.server.ts";
import { hasRole } from "~/domain/roles.ts";
import type { ScenarioDocument } from "~/scenarios/migrate.ts";
import type { StoredResult } from "~/scenarios/stored-result.ts";
import { createAuditEvent } from "./audit.server.ts";
import { getMembershipBySlug, listOrganizationsForUser } from "./organization.server.ts";
import { createScenario, findRevisionRow, toRevisionDetail } from "./scenario.server.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** 32 random bytes in base64url: exactly 43 characters of [A-Za-z0-9_-]. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The one revision a link opens, as the shared view shows it. */
export interface SharedRevision {
  number: number;
  /** Canonical inputs, upgraded to the current format. */
  inputs: ScenarioDocument;
  result: StoredResult;
  /** Hex SHA-256 of the canonical JSON of the inputs (ADR 007). */
  fingerprint: string;
  createdAt: string;
}

/**
 * What a /s/ route may know (requireShareLink): one revision and the names around it. No
 * organisation, scenario or user id on purpose (ADR 011).
 */
export interface SharedRevisionContext {
  linkId: string;
  revision: SharedRevision;
  /** The name in the shown revision's inputs. */
  scenarioName: string;
  orgName: string;
  allowPdf: boolean;
}

export type ShareLinkStatus = "active" | "expired" | "revoked";

export interface ShareLinkListItem {
  id: string;
  label: string;
  scenarioId: string;
  scenarioName: string;
  /** Pinned: the revision shown. Following: the revision at creation. */
  revisionNumber: number;
  followLatest: boolean;
  /** The scenario's latest revision now: what a following link shows. */
  latestRevisionNumber: number;
  allowPdf: boolean;
  /** Null when that user was deleted. */
  createdByEmail: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  viewCount: number;
  lastViewedAt: string | null;
  status: ShareLinkStatus;
}

/** hex SHA-256 of the token: what the table stores and is searched by. */
export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True for a string a share link could have been made with (43 base64url characters). */
export function isWellFormedShareToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/**
 * Creates a link to the scenario and returns its token, once: it is never stored. Pinned links show
 * revision `revisionNumber` (the one the editor was looking at); following links show the latest
 * revision at view time. Null when the scenario or that revision is not found.
 */
export async function createShareLink({
  orgId,
  userId,
  scenarioId,
  label,
  revisionNumber,
  followLatest,
  expiresInDays,
  allowPdf,
  now = new Date(),
}: {
  orgId: string;
  userId: string;
  scenarioId: string;
  label: string;
  revisionNumber: number;
  followLatest: boolean;
  /** Whole days, 1–365 (CreateShareLinkSchema checks the range). */
  expiresInDays: number;
  allowPdf: boolean;
  now?: Date;
}): Promise<{ token: string; linkId: string; expiresAt: string } | null> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS);
  return withTenant(orgId, async (tx) => {
    const scenario = await tx.scenario.findFirst({ where: { id: scenarioId, orgId }, select: { name: true, latestRevisionNumber: true } });
    // Revisions are numbered 1…latest and never deleted one by one.
    if (!scenario || revisionNumber > scenario.latestRevisionNumber) return null;
    const shown = followLatest ? scenario.latestRevisionNumber : revisionNumber;
    const link = await tx.shareLink.create({
      data: { orgId, scenarioId, tokenHash: hashShareToken(token), label, revisionNumber: shown, followLatest, allowPdf, createdById: userId, createdAt: now, expiresAt },
      select: { id: true },
    });
    await createAuditEvent(
      {
        orgId,
        actorUserId: userId,
        action: "share.created",
        target: label,
        metadata: { shareLinkId: link.id, scenario: scenario.name, revision: followLatest ? "latest" : shown, expiresAt: expiresAt.toISOString(), pdf: allowPdf ? "allowed" : "not allowed" },
      },
      tx,
    );
    return { token, linkId: link.id, expiresAt: expiresAt.toISOString() };
  });
}

function getStatus(link: { revokedAt: Date | null; expiresAt: Date }, now: Date): ShareLinkStatus {
  if (link.revokedAt) return "revoked";
  return link.expiresAt > now ? "active" : "expired";
}

/** The organisation's links, newest first, live and ended alike. */
export async function listShareLinks({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<ShareLinkListItem[]> {
  const links = await withTenant(orgId, (db) =>
    db.shareLink.findMany({
      where: { orgId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        label: true,
        scenarioId: true,
        revisionNumber: true,
        followLatest: true,
        allowPdf: true,
        createdAt: true,
        expiresAt: true,
        revokedAt: true,
        viewCount: true,
        lastViewedAt: true,
        createdBy: { select: { email: true } },
        scenario: { select: { name: true, latestRevisionNumber: true } },
      },
    }),
  );
  return links.map((link) => ({
    id: link.id,
    label: link.label,
    scenarioId: link.scenarioId,
    scenarioName: link.scenario.name,
    revisionNumber: link.revisionNumber,
    followLatest: link.followLatest,
    latestRevisionNumber: link.scenario.latestRevisionNumber,
    allowPdf: link.allowPdf,
    createdByEmail: link.createdBy?.email ?? null,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    viewCount: link.viewCount,
    lastViewedAt: link.lastViewedAt?.toISOString() ?? null,
    status: getStatus(link, now),
  }));
}

/** Revokes one link at once (its next request gets 404). Idempotent; null when not found. */
export async function revokeShareLink({ orgId, userId, linkId, now = new Date() }: { orgId: string; userId: string; linkId: string; now?: Date }): Promise<{ revoked: boolean } | null> {
  return withTenant(orgId, async (tx) => {
    const link = await tx.shareLink.findFirst({ where: { id: linkId, orgId }, select: { label: true } });
    if (!link) return null;
    const { count } = await tx.shareLink.updateMany({ where: { id: linkId, orgId, revokedAt: null }, data: { revokedAt: now, revokedById: userId } });
    if (count === 1) await createAuditEvent({ orgId, actorUserId: userId, action: "share.revoked", target: link.label, metadata: { shareLinkId: linkId } }, tx);
    return { revoked: count === 1 };
  });
}

/** Revokes every live link of the organisation (the admin's kill switch); answers how many. */
export async function revokeAllShareLinks({ orgId, userId, now = new Date() }: { orgId: string; userId: string; now?: Date }): Promise<number> {
  return withTenant(orgId, async (tx) => {
    const { count } = await tx.shareLink.updateMany({ where: { orgId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now, revokedById: userId } });
    await createAuditEvent({ orgId, actorUserId: userId, action: "share.revoked_all", target: "share links", metadata: { count } }, tx);
    return count;
  });
}

/**
 * The revision a live link opens: its pinned revision, or the scenario's latest for a following
 * link. Null for an unknown, revoked or expired token alike. The token's scope reaches the link and
 * its organisation's name; the link's scope then reaches the one revision it shows (ADR 019).
 */
export async function getSharedRevision({ token, now = new Date() }: { token: string; now?: Date }): Promise<SharedRevisionContext | null> {
  if (!isWellFormedShareToken(token)) return null;
  const tokenHash = hashShareToken(token);
  const opened = await withScope({ shareTokenHash: tokenHash }, async (db) => {
    const link = await db.shareLink.findFirst({
      where: { tokenHash, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, orgId: true, scenarioId: true, revisionNumber: true, followLatest: true, allowPdf: true, org: { select: { name: true } } },
    });
    if (!link) return null;
    await declareScope(db, { shareLinkId: link.id });
    const row = await findRevisionRow(db, { orgId: link.orgId, scenarioId: link.scenarioId, number: link.followLatest ? undefined : link.revisionNumber });
    return row && { link, row };
  });
  if (!opened) return null;
  const { link } = opened;
  const revision = toRevisionDetail(opened.row);
  return {
    linkId: link.id,
    revision: { number: revision.number, inputs: revision.inputs, result: revision.result, fingerprint: revision.fingerprint, createdAt: revision.createdAt },
    scenarioName: typeof revision.inputs.name === "string" ? revision.inputs.name : "",
    orgName: link.org.name,
    allowPdf: link.allowPdf,
  };
}

/**
 * Records a page view in the link's organisation's audit trail: the revision shown, the client (a
 * shortened hash of its address, or "unknown") and the browser family. Only views by people (`counted`) move the
 * link's view count and last view; link-preview bots are audited but not counted.
 */
export async function recordShareView({
  linkId,
  revisionNumber,
  client,
  browser,
  counted,
  now = new Date(),
}: {
  linkId: string;
  revisionNumber: number;
  client: string;
  browser: string;
  counted: boolean;
  now?: Date;
}): Promise<void> {
  await withScope({ shareLinkId: linkId }, async (tx) => {
    const select = { orgId: true, label: true } as const;
    const link = counted
      ? await tx.shareLink.update({ where: { id: linkId }, data: { viewCount: { increment: 1 }, lastViewedAt: now }, select })
      : await tx.shareLink.findUniqueOrThrow({ where: { id: linkId }, select });
    await createAuditEvent(
      { orgId: link.orgId, actorUserId: null, action: "share.viewed", target: link.label, metadata: { shareLinkId: linkId, revision: revisionNumber, client, browser } },
      tx,
    );
  });
}

/**
 * The organisations `userId` may copy a shared scenario into: where they are editor or above, except
 * the link's own organisation (a member there has the scenario already).
 */
export async function listCopyTargets({ linkId, userId }: { linkId: string; userId: string }): Promise<{ name: string; slug: string }[]> {
  const [link, organizations] = await Promise.all([
    withScope({ shareLinkId: linkId }, (db) => db.shareLink.findUnique({ where: { id: linkId }, select: { org: { select: { slug: true } } } })),
    listOrganizationsForUser({ userId }),
  ]);
  if (!link) return [];
  return organizations.filter((org) => org.slug !== link.org.slug && hasRole(org.role, "editor")).map(({ name, slug }) => ({ name, slug }));
}

/** The first revision note of a copy: where it came from, so the figures can be traced back. */
export function describeProvenance(shared: Pick<SharedRevisionContext, "orgName" | "revision">): string {
  return `Copied from “${shared.orgName}” via a share link: revision ${shared.revision.number}, fingerprint ${shared.revision.fingerprint}`;
}

/**
 * Copies the shared revision into the organisation `targetSlug` of `userId` as a new scenario
 * (createScenario: computed for `asOf` by today's engine), noting its provenance in revision 1, and
 * records `share.copied` in the link's organisation without naming the target. Null when the target
 * is not one of the user's copy targets (listCopyTargets).
 */
export async function copySharedRevision({
  shared,
  userId,
  targetSlug,
  asOf,
}: {
  shared: SharedRevisionContext;
  userId: string;
  targetSlug: string;
  asOf: string;
}): Promise<{ slug: string; scenarioId: string } | null> {
  const targets = await listCopyTargets({ linkId: shared.linkId, userId });
  if (!targets.some((target) => target.slug === targetSlug)) return null;
  const membership = await getMembershipBySlug({ userId, slug: targetSlug });
  if (!membership || !hasRole(membership.role, "editor")) return null;
  const created = await createScenario({ orgId: membership.org.id, userId, inputs: shared.revision.inputs, note: describeProvenance(shared), asOf });
  // The revision was valid when stored and is upgraded on read: failing here is a broken upgrade chain.
  if (!created.ok) throw new Error(`copySharedRevision: revision ${shared.revision.number} no longer parses: ${created.issues.map((issue) => `${issue.path} ${issue.message}`).join("; ")}`);
  await withScope({ shareLinkId: shared.linkId }, async (db) => {
    const link = await db.shareLink.findUniqueOrThrow({ where: { id: shared.linkId }, select: { orgId: true, label: true } });
    await createAuditEvent({ orgId: link.orgId, actorUserId: null, action: "share.copied", target: link.label, metadata: { shareLinkId: shared.linkId, revision: shared.revision.number } }, db);
  });
  return { slug: membership.org.slug, scenarioId: created.scenarioId };
}
