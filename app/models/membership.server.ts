/** Members of an organisation: list, change role, remove, with the owner rules enforced here. */
import { withTenant, type Db } from "~/db.server.ts";
import { listGrantableRoles, type Role } from "~/domain/roles.ts";
import { createAuditEvent } from "./audit.server.ts";

/** A rule of membership management was broken; `message` names the field and the rule. */
export class MembershipRuleError extends Error {}

export type MemberRow = { membershipId: string; userId: string; email: string; role: Role; joinedAt: string };

export async function listMembers({ orgId }: { orgId: string }): Promise<MemberRow[]> {
  const memberships = await withTenant(orgId, (db) =>
    db.membership.findMany({
      where: { orgId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true } } },
    }),
  );
  return memberships.map((m) => ({ membershipId: m.id, userId: m.user.id, email: m.user.email, role: m.role, joinedAt: m.createdAt.toISOString() }));
}

type Actor = { userId: string; role: Role };

/**
 * Serialises owner-changing operations of one organisation (row lock on the organisation), so two
 * owners demoting each other at once cannot leave it with none.
 */
async function lockOrganization(tx: Db, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR UPDATE`;
}

async function assertAnotherOwnerRemains(tx: Db, orgId: string, message: string): Promise<void> {
  const owners = await tx.membership.count({ where: { orgId, role: "owner" } });
  if (owners <= 1) throw new MembershipRuleError(message);
}

/** Changes a member's role; null when the membership is not in this organisation (→ 404). */
export async function updateMemberRole({ orgId, actor, membershipId, role }: { orgId: string; actor: Actor; membershipId: string; role: Role }): Promise<MemberRow | null> {
  return withTenant(orgId, async (tx) => {
    await lockOrganization(tx, orgId);
    const member = await tx.membership.findFirst({ where: { id: membershipId, orgId }, select: { role: true, user: { select: { email: true } } } });
    if (!member) return null;
    const grantable = listGrantableRoles(actor.role);
    if (!grantable.includes(role) || !grantable.includes(member.role)) {
      throw new MembershipRuleError("Role: only an owner can grant, change or take away the owner role");
    }
    if (member.role === "owner" && role !== "owner") {
      await assertAnotherOwnerRemains(tx, orgId, "Role: the last owner cannot be demoted — make someone else owner first");
    }
    const { count } = await tx.membership.updateMany({ where: { id: membershipId, orgId }, data: { role } });
    if (count !== 1) return null;
    if (member.role !== role) {
      await createAuditEvent(
        { orgId, actorUserId: actor.userId, action: "member.role_changed", target: member.user.email, metadata: { from: member.role, to: role } },
        tx,
      );
    }
    const updated = await tx.membership.findFirstOrThrow({ where: { id: membershipId, orgId }, select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true } } } });
    return { membershipId: updated.id, userId: updated.user.id, email: updated.user.email, role: updated.role, joinedAt: updated.createdAt.toISOString() };
  });
}

/** Removes a member; false when the membership is not in this organisation (→ 404). */
export async function deleteMember({ orgId, actor, membershipId }: { orgId: string; actor: Actor; membershipId: string }): Promise<boolean> {
  return withTenant(orgId, async (tx) => {
    await lockOrganization(tx, orgId);
    const member = await tx.membership.findFirst({ where: { id: membershipId, orgId }, select: { role: true, user: { select: { email: true } } } });
    if (!member) return false;
    if (!listGrantableRoles(actor.role).includes(member.role)) {
      throw new MembershipRuleError("Member: only an owner can remove an owner");
    }
    if (member.role === "owner") {
      await assertAnotherOwnerRemains(tx, orgId, "Member: the last owner cannot be removed — make someone else owner first");
    }
    const { count } = await tx.membership.deleteMany({ where: { id: membershipId, orgId } });
    if (count !== 1) return false;
    await createAuditEvent({ orgId, actorUserId: actor.userId, action: "member.removed", target: member.user.email, metadata: { role: member.role } }, tx);
    return true;
  });
}
