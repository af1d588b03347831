/**
 * The audit trail: who did what, when, in which organisation. Written in the same transaction as the
 * change it records where there is one, so the trail cannot miss a committed change.
 */
import { withScope, withTenant, type Db } from "~/db.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";

export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.logout",
  "auth.locked_out",
  "org.created",
  "org.settings_updated",
  "member.invited",
  "member.invitation_revoked",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "scenario.created",
  "scenario.renamed",
  "scenario.archived",
  "scenario.unarchived",
  "scenario.duplicated",
  "scenario.deleted",
  "scenario.revision_restored",
  "scenario.recomputed",
  "share.created",
  "share.revoked",
  "share.revoked_all",
  "share.viewed",
  "share.copied",
  "catalogue.entry_saved",
  "catalogue.entry_removed",
  "catalogue.imported",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEventInput = {
  orgId: string;
  actorUserId: string | null;
  action: AuditAction;
  target: string;
  metadata?: Prisma.InputJsonObject;
};

/**
 * Records `event` in the transaction `db`, whose scope must allow it: the event's organisation, or
 * the narrow insert policy of a share link or invitation (ADR 019). Written without reading it back
 * (createMany has no RETURNING): a share link's scope may add its view events but not read the trail.
 */
export async function createAuditEvent(event: AuditEventInput, db: Pick<Db, "auditEvent">): Promise<void> {
  await db.auditEvent.createMany({ data: [{ ...event, metadata: event.metadata ?? {} }] });
}

/**
 * Sign-ins, sign-outs and lock-outs are user events; they are recorded in every organisation the user
 * belongs to, so each organisation's admins see who entered with access to their data (ADR 003), and
 * whose account someone is guessing at.
 */
export async function createAuditEventInEachOrganization({ userId, action, target }: { userId: string; action: "auth.login" | "auth.logout" | "auth.locked_out"; target: string }): Promise<void> {
  await withScope({ userId }, async (db) => {
    const memberships = await db.membership.findMany({ where: { userId }, select: { orgId: true } });
    if (memberships.length === 0) return;
    await db.auditEvent.createMany({
      // A lock-out is done to the user by whoever guessed, not by the user: no actor.
      data: memberships.map(({ orgId }) => ({ orgId, actorUserId: action === "auth.locked_out" ? null : userId, action, target, metadata: {} })),
    });
  });
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditEventRow = {
  id: string;
  action: string;
  target: string;
  actorEmail: string | null;
  metadata: Prisma.JsonValue;
  createdAt: string;
};

/** One page of an organisation's audit trail, newest first. `page` starts at 1. */
export async function listAuditEvents({ orgId, page }: { orgId: string; page: number }): Promise<{ events: AuditEventRow[]; hasNextPage: boolean }> {
  const rows = await withTenant(orgId, (db) =>
    db.auditEvent.findMany({
      where: { orgId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      // One extra row tells whether a next page exists without a COUNT.
      take: AUDIT_PAGE_SIZE + 1,
      select: { id: true, action: true, target: true, metadata: true, createdAt: true, actor: { select: { email: true } } },
    }),
  );
  return {
    hasNextPage: rows.length > AUDIT_PAGE_SIZE,
    events: rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
      id: row.id,
      action: row.action,
      target: row.target,
      actorEmail: row.actor?.email ?? null,
      metadata: row.metadata,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
