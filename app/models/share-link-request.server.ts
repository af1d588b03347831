/**
 * The per-address throttle on /s/ routes (docs/decisions/011-share-links.md, "Throttle"). Requests live
 * in Postgres, not in memory, so every app process sees the same counts; the shape follows the log-in
 * throttle (app/models/login-attempt.server.ts).
 *
 * A request is written as a miss BEFORE the token is looked up and turned into a hit after; the check
 * and that write happen under a per-address advisory lock, so a burst of parallel guesses cannot all
 * pass the check before any of them is counted.
 */
import { createHash } from "node:crypto";
import { prisma, withTransaction } from "~/db.server.ts";

/** The window requests are counted in: 15 minutes. */
export const SHARE_WINDOW_MS = 15 * 60 * 1000;
/** Misses (unknown, revoked, expired or malformed tokens) from one address within the window before it is refused. */
export const MAX_SHARE_MISSES_PER_ADDRESS = 20;
/** Requests of any kind from one address within the window before it is refused. */
export const MAX_SHARE_REQUESTS_PER_ADDRESS = 300;
/** Requests older than this are deleted opportunistically; nothing reads them after the window. */
export const SHARE_REQUEST_RETENTION_MS = 24 * 60 * 60 * 1000;

export type ShareRequestStart = { ok: true; requestId: string } | { ok: false; retryAfterMs: number };

/**
 * hex SHA-256 of the client address, or of "unknown" when the server cannot know it (no TRUST_PROXY):
 * then every visitor shares one allowance (ADR 011).
 */
export function hashClientAddress(address: string | null): string {
  return createHash("sha256")
    .update(address ?? "unknown")
    .digest("hex");
}

type Db = Pick<typeof prisma, "shareLinkRequest">;

/** When the `limit`-th most recent counted request leaves the window, or null when fewer were counted. */
async function getLockEnd(db: Db, where: { addressHash: string; found?: boolean }, limit: number, now: Date): Promise<Date | null> {
  const counted = await db.shareLinkRequest.findMany({
    where: { ...where, createdAt: { gt: new Date(now.getTime() - SHARE_WINDOW_MS) } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  const oldest = counted[limit - 1];
  return oldest ? new Date(oldest.createdAt.getTime() + SHARE_WINDOW_MS) : null;
}

/**
 * Call before the token is looked up. Refuses when the address is over either ceiling (the refused
 * request is not recorded, so hammering neither extends the lock nor counts); otherwise records the
 * request as a miss and returns its id for {@link markShareRequestFound}. Also prunes requests older
 * than 24 h.
 */
export async function beginShareRequest({ address, now = new Date() }: { address: string | null; now?: Date }): Promise<ShareRequestStart> {
  const addressHash = hashClientAddress(address);
  const started = await withTransaction(async (tx): Promise<ShareRequestStart> => {
    // Serialises check-and-record per address across processes; released at commit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`share:${addressHash}`}))`;
    const lockEnd =
      (await getLockEnd(tx, { addressHash, found: false }, MAX_SHARE_MISSES_PER_ADDRESS, now)) ??
      (await getLockEnd(tx, { addressHash }, MAX_SHARE_REQUESTS_PER_ADDRESS, now));
    if (lockEnd) return { ok: false, retryAfterMs: Math.max(0, lockEnd.getTime() - now.getTime()) };
    const request = await tx.shareLinkRequest.create({ data: { addressHash, found: false, createdAt: now }, select: { id: true } });
    return { ok: true, requestId: request.id };
  });
  await prisma.shareLinkRequest.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SHARE_REQUEST_RETENTION_MS) } } });
  return started;
}

/** The token opened a live link: the request stops counting as a miss. */
export async function markShareRequestFound(requestId: string): Promise<void> {
  await prisma.shareLinkRequest.updateMany({ where: { id: requestId }, data: { found: true } });
}
