/** Organisations (tenants). Every function takes the orgId of an authenticated membership. */
import type { Role } from "~/auth/roles.ts";
import { prisma } from "~/db.server.ts";
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
  const membership = await prisma.membership.findFirst({
    where: { userId, org: { slug } },
    select: { id: true, role: true, org: { select: { id: true, name: true, slug: true, defaultCurrency: true, locale: true, pdfPageSize: true } } },
  });
  return membership ? { org: membership.org, role: membership.role, membershipId: membership.id } : null;
}

/** The organisations a user belongs to, by name, for the switcher and the landing redirect. */
export async function listOrganizationsForUser({ userId }: { userId: string }): Promise<{ name: string; slug: string; role: Role }[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, org: { select: { name: true, slug: true } } },
    orderBy: { org: { name: "asc" } },
  });
  return memberships.map(({ role, org }) => ({ name: org.name, slug: org.slug, role }));
}

export async function getOrganizationOverview({ orgId }: { orgId: string }): Promise<{ memberCount: number; pendingInvitationCount: number; createdAt: string }> {
  const now = new Date();
  const [memberCount, pendingInvitationCount, org] = await Promise.all([
    prisma.membership.count({ where: { orgId } }),
    prisma.invitation.count({ where: { orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    prisma.organization.findFirstOrThrow({ where: { id: orgId }, select: { createdAt: true } }),
  ]);
  return { memberCount, pendingInvitationCount, createdAt: org.createdAt.toISOString() };
}

/** Creates an organisation owned by `userId` (a signed-in user founding another one). */
export async function createOrganization({ userId, name, slug }: { userId: string; name: string; slug: string }): Promise<{ orgId: string; slug: string }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { name, slug, memberships: { create: { userId, role: "owner" } } }, select: { id: true, slug: true } });
      await createAuditEvent({ orgId: org.id, actorUserId: userId, action: "org.created", target: name, metadata: { slug } }, tx);
      return { orgId: org.id, slug: org.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw new SlugTakenError();
    throw error;
  }
}

/** Updates name, slug, default currency and (when given) report locale and PDF page size; returns false if the organisation no longer exists. */
export async function updateOrganizationSettings({ orgId, actorUserId, settings }: { orgId: string; actorUserId: string; settings: OrganizationSettings }): Promise<boolean> {
  try {
    return await prisma.$transaction(async (tx) => {
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
  const { count } = await prisma.organization.deleteMany({ where: { id: orgId } });
  return count === 1;
}
