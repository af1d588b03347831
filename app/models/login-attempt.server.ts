/**
 * The brute-force throttle on log-in and sign-up (docs/decisions/004-sessions.md, "Brute force").
 * Attempts live in Postgres, not in memory, so every app process sees the same counts.
 *
 * An attempt is written as a failure BEFORE the password is checked and turned into a success after;
 * the check and that write happen under a per-email advisory lock, so a burst of parallel guesses
 * cannot all pass the check before any of them is counted.
 *
 * Locks key on the account AND the client address: five wrong guesses lock that email for the
 * guesser's address only, so a stranger cannot lock the owner out. A far higher count across all
 * addresses still bounds a guesser with many addresses.
 */
import { createHash } from "node:crypto";
import { prisma, withTransaction } from "~/db.server.ts";

/** The window failures are counted in: 15 minutes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failed log-ins for one email from one client address within the window (since the email's last success). */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failed log-ins for one email from all addresses together within the window: a guesser with many addresses. */
export const MAX_FAILURES_PER_EMAIL_ALL_ADDRESSES = 100;
/** Failed log-ins from one client address within the window before it is refused (whatever the emails). */
export const MAX_FAILURES_PER_ADDRESS = 50;
/**
 * The lower ceiling sign-ups and invitation accepts check: each refused one tells whether an email has
 * an account (ADR 013), so an address with this many failures may not probe further.
 */
export const MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP = 10;
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
 * Log-in locks of addresses (MAX_FAILURES_PER_ADDRESS) this process has already seen: when each lifts.
 * A refused attempt is not recorded, so a lock's end never moves and the refusal can be given again
 * without the database: a log-in spray from a locked address costs next to nothing (issue 10, bench
 * login-spray-impact). Bounded: when full, it is emptied and refilled from the database.
 */
const knownAddressLocks = new Map<string, number>();
const MAX_KNOWN_ADDRESS_LOCKS = 10_000;

/** The end of a log-in lock of `ip` this process knows about, or null. */
function getKnownAddressLockEnd(ip: string, now: Date): Date | null {
  const end = knownAddressLocks.get(ip);
  if (end === undefined) return null;
  if (end > now.getTime()) return new Date(end);
  knownAddressLocks.delete(ip);
  return null;
}

function rememberAddressLock(ip: string, lockEnd: Date): void {
  if (knownAddressLocks.size >= MAX_KNOWN_ADDRESS_LOCKS) knownAddressLocks.clear();
  knownAddressLocks.set(ip, lockEnd.getTime());
}

/** When `limit` failures matching `where` in the window lift, or null if there are fewer. */
async function getLockEnd(db: Db, where: { emailHash?: string; ip?: string | null }, limit: number, since: Date): Promise<Date | null> {
  const failures = await db.loginAttempt.findMany({
    where: { ...where, succeeded: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  const oldestCounted = failures[limit - 1];
  return oldestCounted ? new Date(oldestCounted.createdAt.getTime() + LOGIN_WINDOW_MS) : null;
}

/**
 * When the email's lock for this address lifts, or null. Failures before the email's last success in
 * the window do not count; a lock lifts when the oldest counted failure leaves the window. The lock
 * is per address, plus one over all addresses at a much higher count.
 */
async function getEmailLockEnd(db: Db, emailHash: string, ip: string | null, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { emailHash, succeeded: true, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess?.createdAt ?? windowStart;
  return (await getLockEnd(db, { emailHash, ip }, MAX_FAILURES_PER_EMAIL, since)) ?? (await getLockEnd(db, { emailHash }, MAX_FAILURES_PER_EMAIL_ALL_ADDRESSES, since));
}

/** When the address's lock lifts, or null. A success does not reset it: an attacker could log into their own account. */
async function getAddressLockEnd(db: Db, ip: string, now: Date, ceiling = MAX_FAILURES_PER_ADDRESS): Promise<Date | null> {
  const isLogInCeiling = ceiling === MAX_FAILURES_PER_ADDRESS;
  const known = isLogInCeiling ? getKnownAddressLockEnd(ip, now) : null;
  if (known) return known;
  const lockEnd = await getLockEnd(db, { ip }, ceiling, new Date(now.getTime() - LOGIN_WINDOW_MS));
  if (lockEnd && isLogInCeiling) rememberAddressLock(ip, lockEnd);
  return lockEnd;
}

function refusal(scope: ThrottleRefusal["scope"], lockEnd: Date, now: Date): { ok: false; refusal: ThrottleRefusal } {
  return { ok: false, refusal: { scope, retryAfterMs: Math.max(0, lockEnd.getTime() - now.getTime()) } };
}

/**
 * Call before the password is verified. Refuses when the client address is locked, or the email is
 * locked for it (the refused attempt is not recorded, so it neither extends the lock nor counts
 * against the address); otherwise records the attempt as a failure and returns its id for
 * {@link markLoginAttemptSucceeded}. Unknown emails are treated exactly like known ones. Also prunes
 * attempts older than 24 h. `ip` is null only when the caller cannot know it (a test).
 */
export async function beginLoginAttempt({ email, ip, now = new Date() }: { email: string; ip: string | null; now?: Date }): Promise<LoginAttemptStart> {
  // A known address lock is answered before any database work.
  const knownLock = ip === null ? null : getKnownAddressLockEnd(ip, now);
  if (knownLock) return refusal("address", knownLock, now);
  const emailHash = hashEmail(email);
  const started = await withTransaction(async (tx): Promise<LoginAttemptStart> => {
    // Serialises check-and-record per email across processes; released at commit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${emailHash}`}))`;
    if (ip !== null) {
      const addressLockEnd = await getAddressLockEnd(tx, ip, now);
      if (addressLockEnd) return refusal("address", addressLockEnd, now);
    }
    const emailLockEnd = await getEmailLockEnd(tx, emailHash, ip, now);
    if (emailLockEnd) return refusal("email", emailLockEnd, now);
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

/** True when the email is now locked for this address (used after a failure, to record the lock-out once). */
export async function isEmailLocked({ email, ip, now = new Date() }: { email: string; ip: string | null; now?: Date }): Promise<boolean> {
  return (await getEmailLockEnd(prisma, hashEmail(email), ip, now)) !== null;
}

/**
 * A failed attempt that is not a log-in: accepting an invitation with an email that has an account,
 * or with a link that opens nothing. It counts like a failed log-in, for the address and that email.
 */
export async function recordFailedAttempt({ email, ip, now = new Date() }: { email: string; ip: string | null; now?: Date }): Promise<void> {
  await prisma.loginAttempt.create({ data: { emailHash: hashEmail(email), ip, succeeded: false, createdAt: now } });
}

/**
 * The address's refusal if it has `ceiling` failures in the window, else null. Sign-up and invitation
 * accepts check this before doing anything, with the lower MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP.
 */
export async function getAddressRefusal({ ip, ceiling = MAX_FAILURES_PER_ADDRESS, now = new Date() }: { ip: string | null; ceiling?: number; now?: Date }): Promise<ThrottleRefusal | null> {
  if (ip === null) return null;
  const lockEnd = await getAddressLockEnd(prisma, ip, now, ceiling);
  return lockEnd ? refusal("address", lockEnd, now).refusal : null;
}
