import { prisma, withTenant } from "~/db.server.ts";
import type { Account } from "~/schemas/auth.ts";
import type { Signup } from "~/schemas/organization.ts";
import { createAuditEventInEachOrganization } from "./audit.server.ts";
import { beginLoginAttempt, isEmailLocked, markLoginAttemptSucceeded, type ThrottleRefusal } from "./login-attempt.server.ts";
import { foundOrganization, newOrganizationId, SlugTakenError } from "./organization.server.ts";
import { hashPassword, verifyPassword } from "./password.server.ts";
import { isUniqueViolation } from "./prisma-errors.server.ts";

export class EmailTakenError extends Error {
  constructor() {
    super("Email: already registered — log in instead");
  }
}

/**
 * Signs up: the user, their new organisation and their owner membership, all or nothing.
 * `passwordHash` lets tests reuse one argon2 hash; production callers leave it out.
 */
export async function createUserWithOrganization(
  { email, password, orgName, slug }: Signup,
  options: { passwordHash?: string; defaultCurrency?: string } = {},
): Promise<{ userId: string; orgId: string; slug: string }> {
  const passwordHash = options.passwordHash ?? (await hashPassword(password));
  const orgId = newOrganizationId();
  try {
    return await withTenant(orgId, async (tx) => {
      const user = await tx.user.create({ data: { email, passwordHash }, select: { id: true } });
      const org = await foundOrganization(tx, { orgId, userId: user.id, name: orgName, slug, defaultCurrency: options.defaultCurrency ?? "USD" });
      return { userId: user.id, ...org };
    });
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw new EmailTakenError();
    if (isUniqueViolation(error, "slug")) throw new SlugTakenError();
    throw error;
  }
}

/** Creates a user with no organisation yet (accepting an invitation as a newcomer). */
export async function createUser({ email, password }: Account, options: { passwordHash?: string } = {}): Promise<{ id: string; email: string }> {
  const passwordHash = options.passwordHash ?? (await hashPassword(password));
  try {
    return await prisma.user.create({ data: { email, passwordHash }, select: { id: true, email: true } });
  } catch (error) {
    if (isUniqueViolation(error, "email")) throw new EmailTakenError();
    throw error;
  }
}

export type LoginResult =
  | { ok: true; user: { id: string; email: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; refusal: ThrottleRefusal };

/**
 * Checks the brute-force throttle first (no password is verified for a locked email or address), then
 * the password. Unknown emails cost the same argon2 work as known ones (timing-safe) and are throttled
 * the same way. A success is recorded as "auth.login" in each of the user's organisations; the failure
 * that locks a known user's email as "auth.locked_out" in each of them.
 */
export async function verifyLogin(
  { email, password }: { email: string; password: string },
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
): Promise<LoginResult> {
  const attempt = await beginLoginAttempt({ email, ip, now });
  if (!attempt.ok) return { ok: false, reason: "throttled", refusal: attempt.refusal };
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true } });
  const valid = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !valid) {
    if (user && (await isEmailLocked({ email, ip, now }))) {
      await createAuditEventInEachOrganization({ userId: user.id, action: "auth.locked_out", target: user.email });
    }
    return { ok: false, reason: "invalid" };
  }
  await markLoginAttemptSucceeded(attempt.attemptId);
  await createAuditEventInEachOrganization({ userId: user.id, action: "auth.login", target: user.email });
  return { ok: true, user: { id: user.id, email: user.email } };
}

/** Records the sign-out in each of the user's organisations. */
export async function recordLogout({ userId, email }: { userId: string; email: string }): Promise<void> {
  await createAuditEventInEachOrganization({ userId, action: "auth.logout", target: email });
}
