/**
 * The brute-force throttle on log-in (docs/decisions/004-sessions.md, "Brute force"). Attempts live in
 * Postgres, not in memory, so every app process sees the same counts.
 *
 * An attempt is written as a failure BEFORE the password is checked and turned into a success after;
 * the check and that write happen under a per-email advisory lock, so a burst of parallel guesses
 * cannot all pass the check before any of them is counted.
 */
import { createHash } from "node:crypto";
import { prisma } from "~/db.server.ts";

/** The window failures are counted in: 15 minutes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed log-ins for one email within the window (since its last success) before it is refused. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failed log-ins from one client address within the window before it is refused (whatever the emails). */
export const MAX_FAILURES_PER_ADDRESS = 50;
/** Attempts older than this are deleted opportunistically; nothing reads them after the window. */
export const LOGIN_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export type ThrottleRefusal = { scope: "email" | "address"; retryAfterMs: number };
export type LoginAttemptStart = { ok: true; attemptId: string } | { ok: false; refusal: ThrottleRefusal };

/** hex SHA-256 of the normalised email: the table does not collect the addresses people probe. */
export function hashEmail(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

type Db = Pick<typeof prisma, "loginAttempt">;

/**
 * When the email's lock lifts, or null if it is not locked. Failures before the email's last success
 * in the window do not count; the lock lifts when the oldest counted failure leaves the window.
 */
async function getEmailLockEnd(db: Db, emailHash: string, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { emailHash, succeeded: true, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await db.loginAttempt.findMany({
    where: { emailHash, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? windowStart } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES_PER_EMAIL,
    select: { createdAt: true },
  });
  const oldestCounted = failures[MAX_FAILURES_PER_EMAIL - 1];
  return oldestCounted ? new Date(oldestCounted.createdAt.getTime() + LOGIN_WINDOW_MS) : null;
}

/** When the address's lock lifts, or null. A success does not reset it: an attacker could log into their own account. */
async function getAddressLockEnd(db: Db, ip: string, now: Date): Promise<Date | null> {
  const failures = await db.loginAttempt.findMany({
    where: { ip, succeeded: false, createdAt: { gt: new Date(now.getTime() - LOGIN_WINDOW_MS) } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES_PER_ADDRESS,
    select: { createdAt: true },
  });
  const oldestCounted = failures[MAX_FAILURES_PER_ADDRESS - 1];
  return oldestCounted ? new Date(oldestCounted.createdAt.getTime() + LOGIN_WINDOW_MS) : null;
}

function refusal(scope: ThrottleRefusal["scope"], lockEnd: Date, now: Date): { ok: false; refusal: ThrottleRefusal } {
  return { ok: false, refusal: { scope, retryAfterMs: Math.max(0, lockEnd.getTime() - now.getTime()) } };
}

/**
 * Call before the password is verified. Refuses when the email or the client address is locked (the
 * refused attempt is not recorded, so it neither extends the lock nor counts against the address);
 * otherwise records the attempt as a failure and returns its id for {@link markLoginAttemptSucceeded}.
 * Unknown emails are treated exactly like known ones. Also prunes attempts older than 24 h.
 */
export async function beginLoginAttempt({ email, ip, now = new Date() }: { email: string; ip: string | null; now?: Date }): Promise<LoginAttemptStart> {
  const emailHash = hashEmail(email);
  const started = await prisma.$transaction(async (tx): Promise<LoginAttemptStart> => {
    // Serialises check-and-record per email across processes; released at commit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${emailHash}`}))`;
    const emailLockEnd = await getEmailLockEnd(tx, emailHash, now);
    if (emailLockEnd) return refusal("email", emailLockEnd, now);
    if (ip !== null) {
      const addressLockEnd = await getAddressLockEnd(tx, ip, now);
      if (addressLockEnd) return refusal("address", addressLockEnd, now);
    }
    const attempt = await tx.loginAttempt.create({ data: { emailHash, ip, succeeded: false, createdAt: now }, select: { id: true } });
    return { ok: true, attemptId: attempt.id };
  });
  await prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS) } } });
  return started;
}

/** The password matched: the attempt becomes a success, and earlier failures for the email stop counting. */
export async function markLoginAttemptSucceeded(attemptId: string): Promise<void> {
  await prisma.loginAttempt.updateMany({ where: { id: attemptId }, data: { succeeded: true } });
}

/** True when the email is now locked (used after a failure, to record the lock-out once). */
export async function isEmailLocked({ email, now = new Date() }: { email: string; now?: Date }): Promise<boolean> {
  return (await getEmailLockEnd(prisma, hashEmail(email), now)) !== null;
}

/**
 * A failed attempt that is not a log-in: a sign-up refused because the email is registered (probing
 * for accounts). Recorded only when the address is known, and then it counts like a failed log-in,
 * for the address and for that email: the same weight a wrong password already has.
 */
export async function recordFailedAttempt({ email, ip, now = new Date() }: { email: string; ip: string | null; now?: Date }): Promise<void> {
  if (ip === null) return;
  await prisma.loginAttempt.create({ data: { emailHash: hashEmail(email), ip, succeeded: false, createdAt: now } });
}

/** The address's refusal if it is over the ceiling, else null (sign-up checks this before doing anything). */
export async function getAddressRefusal({ ip, now = new Date() }: { ip: string | null; now?: Date }): Promise<ThrottleRefusal | null> {
  if (ip === null) return null;
  const lockEnd = await getAddressLockEnd(prisma, ip, now);
  return lockEnd ? refusal("address", lockEnd, now).refusal : null;
}
