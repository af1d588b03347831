/**
 * Invitation links: a random 256-bit token in the URL, only its SHA-256 stored; expire after 7 days;
 * single use (accepted by a conditional update whose row count must be 1).
 */
import { createHash, randomBytes } from "node:crypto";
import { declareScope, withScope, withTenant, type Db } from "~/db.server.ts";
import { listGrantableRoles, ROLE_LABELS, type Role } from "~/domain/roles.ts";
import type { Account } from "~/schemas/auth.ts";
import { createAuditEvent } from "./audit.server.ts";
import { MembershipRuleError } from "./membership.server.ts";
import { hashPassword } from "./password.server.ts";
import { isUniqueViolation } from "./prisma-errors.server.ts";
import { EmailTakenError } from "./user.server.ts";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const INVITATION_MESSAGES = {
  unknown: "Invitation: this link is not valid — ask for a new one",
  revoked: "Invitation: this link was revoked — ask for a new one",
  expired: "Invitation: this link has expired — ask for a new one",
  used: "Invitation: this link has already been used",
} as const;
export type InvitationProblem = keyof typeof INVITATION_MESSAGES;

export class InvitationError extends Error {
  constructor(readonly problem: InvitationProblem | "already_member", message: string = problem === "already_member" ? "Invitation: you are already a member of this organisation" : INVITATION_MESSAGES[problem]) {
    super(message);
  }
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** How the audit trail names an invitation: its invitee's email, or its role when none was given. */
function describeInvitation({ email, role }: { email: string | null; role: Role }): string {
  return email ?? `${ROLE_LABELS[role].toLowerCase()} invitation (no email given)`;
}

/**
 * Creates an invitation, for `email` when the inviter gave one (a label: anyone with the link may
 * accept); the raw token is returned once and never stored.
 */
export async function createInvitation({
  orgId,
  actor,
  role,
  email = null,
  now = new Date(),
}: {
  orgId: string;
  actor: { userId: string; role: Role };
  role: Role;
  email?: string | null;
  now?: Date;
}): Promise<{ token: string; expiresAt: string }> {
  if (!listGrantableRoles(actor.role).includes(role)) throw new MembershipRuleError("Role: only an owner can invite an owner");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await withTenant(orgId, async (tx) => {
    const invitation = await tx.invitation.create({ data: { orgId, tokenHash: hashToken(token), role, email, createdByUserId: actor.userId, createdAt: now, expiresAt } });
    await createAuditEvent({ orgId, actorUserId: actor.userId, action: "member.invited", target: describeInvitation({ email, role }), metadata: { role, invitationId: invitation.id } }, tx);
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

export type PendingInvitationRow = { id: string; role: Role; email: string | null; createdByEmail: string | null; createdAt: string; expiresAt: string; expired: boolean };

/** Invitations neither accepted nor revoked (expired ones included, marked), newest first. */
export async function listPendingInvitations({ orgId, now = new Date() }: { orgId: string; now?: Date }): Promise<PendingInvitationRow[]> {
  const rows = await withTenant(orgId, (db) =>
    db.invitation.findMany({
      where: { orgId, acceptedAt: null, revokedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, role: true, email: true, createdAt: true, expiresAt: true, createdBy: { select: { email: true } } },
    }),
  );
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    email: row.email,
    createdByEmail: row.createdBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt <= now,
  }));
}

/** Revokes a pending invitation; false when it is not a pending invitation of this organisation (→ 404). */
/**
 * Revokes a pending invitation of the organisation; false when there is none with that id. Only an
 * owner may revoke an owner invitation, as only an owner may create one (MembershipRuleError, 409).
 */
export async function revokeInvitation({ orgId, actor, invitationId }: { orgId: string; actor: { userId: string; role: Role }; invitationId: string }): Promise<boolean> {
  return withTenant(orgId, async (tx) => {
    const pending = { id: invitationId, orgId, acceptedAt: null, revokedAt: null };
    const invitation = await tx.invitation.findFirst({ where: pending, select: { email: true, role: true } });
    if (!invitation) return false;
    if (!listGrantableRoles(actor.role).includes(invitation.role)) throw new MembershipRuleError("Only an owner can revoke an owner invitation");
    const { count } = await tx.invitation.updateMany({ where: pending, data: { revokedAt: new Date() } });
    if (count !== 1) return false;
    await createAuditEvent({ orgId, actorUserId: actor.userId, action: "member.invitation_revoked", target: describeInvitation(invitation), metadata: { invitationId } }, tx);
    return true;
  });
}

export type InvitationPreview = { orgName: string; orgSlug: string; role: Role; email: string | null; expiresAt: string };

function getInvitationProblem(invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now: Date): InvitationProblem | null {
  if (!invitation) return "unknown";
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return null;
}

/** What the invitation link offers, or why it cannot be used. */
export async function getInvitationPreview({ token, now = new Date() }: { token: string; now?: Date }): Promise<{ ok: true; invitation: InvitationPreview } | { ok: false; problem: InvitationProblem; message: string }> {
  const tokenHash = hashToken(token);
  const invitation = await withScope({ invitationTokenHash: tokenHash }, (db) =>
    db.invitation.findUnique({
      where: { tokenHash },
      select: { role: true, email: true, expiresAt: true, acceptedAt: true, revokedAt: true, org: { select: { name: true, slug: true } } },
    }),
  );
  const problem = getInvitationProblem(invitation, now);
  if (problem || !invitation) return { ok: false, problem: problem ?? "unknown", message: INVITATION_MESSAGES[problem ?? "unknown"] };
  return { ok: true, invitation: { orgName: invitation.org.name, orgSlug: invitation.org.slug, role: invitation.role, email: invitation.email, expiresAt: invitation.expiresAt.toISOString() } };
}

/** Accepts the invitation `tokenHash` as `userId` in `tx`, whose scope is that invitation and that user. */
async function acceptInTransaction(tx: Db, tokenHash: string, userId: string, now: Date): Promise<{ orgSlug: string }> {
  const { count } = await tx.invitation.updateMany({
    where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedByUserId: userId },
  });
  if (count !== 1) {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash }, select: { acceptedAt: true, revokedAt: true, expiresAt: true } });
    throw new InvitationError(getInvitationProblem(invitation, now) ?? "used");
  }
  const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, orgId: true, role: true, org: { select: { slug: true } } } });
  const existing = await tx.membership.findFirst({ where: { orgId: invitation.orgId, userId }, select: { id: true } });
  // Throwing rolls the acceptance back, so the link stays usable for the person it was meant for.
  if (existing) throw new InvitationError("already_member");
  const membership = await tx.membership.create({ data: { orgId: invitation.orgId, userId, role: invitation.role }, select: { user: { select: { email: true } } } });
  await createAuditEvent(
    { orgId: invitation.orgId, actorUserId: userId, action: "member.joined", target: membership.user.email, metadata: { role: invitation.role, invitationId: invitation.id } },
    tx,
  );
  return { orgSlug: invitation.org.slug };
}

/** Joins the invitation's organisation as an existing user. Throws InvitationError. */
export async function acceptInvitation({ token, userId, now = new Date() }: { token: string; userId: string; now?: Date }): Promise<{ orgSlug: string }> {
  const invitationTokenHash = hashToken(token);
  return withScope({ invitationTokenHash, userId }, (tx) => acceptInTransaction(tx, invitationTokenHash, userId, now));
}

/**
 * Creates the account and joins in one transaction: a used or expired link leaves no orphan user.
 * Throws InvitationError or EmailTakenError.
 */
export async function acceptInvitationAsNewUser({ token, account, passwordHash, now = new Date() }: { token: string; account: Account; passwordHash?: string; now?: Date }): Promise<{ orgSlug: string; userId: string }> {
  const hash = passwordHash ?? (await hashPassword(account.password));
  try {
    const invitationTokenHash = hashToken(token);
    return await withScope({ invitationTokenHash }, async (tx) => {
      const user = await tx.user.create({ data: { email: account.email, passwordHash: hash }, select: { id: true } });
      // Only now is there a user for the invitation to be accepted by.
      await declareScope(tx, { invitationTokenHash, userId: user.id });
      const { orgSlug } = await acceptInTransaction(tx, invitationTokenHash, user.id, now);
      return { orgSlug, userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw new EmailTakenError();
    throw error;
  }
}
