/**
 * Organisations (tenants). Every function takes the orgId of an authenticated membership, except the
 * user's own lookups (the user's scope) and founding a new one (the new organisation's scope).
 */
import { randomUUID } from "node:crypto";
import { withScope, withTenant, type Db } from "~/db.server.ts";
import type { Role } from "~/domain/roles.ts";
import type { OrganizationSettings } from "~/schemas/organization.ts";
import { createAuditEvent } from "./audit.server.ts";
import { isUniqueViolation } from "./prisma-errors.server.ts";

/** Another organisation already has the slug (a unique violation on create or rename). */
export class SlugTakenError extends Error {
  constructor() {
    super("Organisation URL: already taken");
  }
}

/** `locale` (BCP 47) and `pdfPageSize` ("A4" | "LETTER") shape the organisation's PDF reports. */
export type OrganizationSummary = { id: string; name: string; slug: string; defaultCurrency: string; locale: string; pdfPageSize: string };

/** The organisation behind `slug` if `userId` is a member, with their role; null otherwise. */
export async function getMembershipBySlug({ userId, slug }: { userId: string; slug: string }): Promise<{ org: OrganizationSummary; role: Role; membershipId: string } | null> {
  const membership = await withScope({ userId }, (db) =>
    db.membership.findFirst({
      where: { userId, org: { slug } },
      select: { id: true, role: true, org: { select: { id: true, name: true, slug: true, defaultCurrency: true, locale: true, pdfPageSize: true } } },
    }),
  );
  return membership ? { org: membership.org, role: membership.role, membershipId: membership.id } : null;
}

/** The organisations a user belongs to, by name, for the switcher and the landing redirect. */
export async function listOrganizationsForUser({ userId }: { userId: string }): Promise<{ name: string; slug: string; role: Role }[]> {
  const memberships = await withScope({ userId }, (db) =>
    db.membership.findMany({
      where: { userId },
      select: { role: true, org: { select: { name: true, slug: true } } },
      orderBy: { org: { name: "asc" } },
    }),
  );
  return memberships.map(({ role, org }) => ({ name: org.name, slug: org.slug, role }));
}

export async function getOrganizationOverview({ orgId }: { orgId: string }): Promise<{ memberCount: number; pendingInvitationCount: number; createdAt: string }> {
  const now = new Date();
  const [memberCount, pendingInvitationCount, org] = await withTenant(orgId, (db) =>
    Promise.all([
      db.membership.count({ where: { orgId } }),
      db.invitation.count({ where: { orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
      db.organization.findFirstOrThrow({ where: { id: orgId }, select: { createdAt: true } }),
    ]),
  );
  return { memberCount, pendingInvitationCount, createdAt: org.createdAt.toISOString() };
}

/**
 * Founds an organisation owned by `userId` in the transaction `db`, which must be in the scope of
 * `orgId`: the id is chosen before the row exists, because row-level security lets a transaction
 * create (and read back) only the organisation it declared. The slug must be free (SlugTakenError).
 */
export async function foundOrganization(
  db: Db,
  { orgId, userId, name, slug, defaultCurrency }: { orgId: string; userId: string; name: string; slug: string; defaultCurrency?: string },
): Promise<{ orgId: string; slug: string }> {
  const org = await db.organization.create({ data: { id: orgId, name, slug, defaultCurrency, memberships: { create: { userId, role: "owner" } } }, select: { id: true, slug: true } });
  await createAuditEvent({ orgId: org.id, actorUserId: userId, action: "org.created", target: name, metadata: { slug } }, db);
  return { orgId: org.id, slug: org.slug };
}

/** A new organisation's id: random, as no row exists yet to take one from (see foundOrganization). */
export function newOrganizationId(): string {
  return randomUUID();
}

/** Creates an organisation owned by `userId` (a signed-in user founding another one). */
export async function createOrganization({ userId, name, slug }: { userId: string; name: string; slug: string }): Promise<{ orgId: string; slug: string }> {
  const orgId = newOrganizationId();
  try {
    return await withTenant(orgId, (db) => foundOrganization(db, { orgId, userId, name, slug }));
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw new SlugTakenError();
    throw error;
  }
}

/** Updates name, slug, default currency and (when given) report locale and PDF page size; returns false if the organisation no longer exists. */
export async function updateOrganizationSettings({ orgId, actorUserId, settings }: { orgId: string; actorUserId: string; settings: OrganizationSettings }): Promise<boolean> {
  try {
    return await withTenant(orgId, async (tx) => {
      const before = await tx.organization.findFirst({ where: { id: orgId }, select: { name: true, slug: true, defaultCurrency: true, locale: true, pdfPageSize: true } });
      if (!before) return false;
      const { count } = await tx.organization.updateMany({ where: { id: orgId }, data: settings });
      if (count !== 1) return false;
      const changes = Object.fromEntries(
        (Object.keys(settings) as (keyof OrganizationSettings)[])
          .filter((key) => before[key] !== settings[key])
          .map((key) => [key, { from: before[key], to: settings[key] }]),
      );
      if (Object.keys(changes).length > 0) {
        await createAuditEvent({ orgId, actorUserId, action: "org.settings_updated", target: settings.name, metadata: changes }, tx);
      }
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw new SlugTakenError();
    throw error;
  }
}

/** Deletes the organisation with its memberships, invitations and audit trail; false if already gone. */
export async function deleteOrganization({ orgId }: { orgId: string }): Promise<boolean> {
  const { count } = await withTenant(orgId, (db) => db.organization.deleteMany({ where: { id: orgId } }));
  return count === 1;
}
