/**
 * Session storage (docs/decisions/004-sessions.md): the Session rows, keyed by the SHA-256 of the
 * cookie's token. The cookie, the token and what a request answers live in app/auth/session.server.ts.
 */
import { prisma } from "~/db.server.ts";
import { LAST_SEEN_RESOLUTION_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "~/domain/sessions.ts";

/** Dead sessions (expired, idle or revoked) are kept this long for investigation, then pruned. */
const DEAD_SESSION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** Live sessions one user may hold: a new log-in beyond this ends the least recently used one. */
export const MAX_LIVE_SESSIONS_PER_USER = 10;

export type SessionUser = { id: string; email: string };
export type AuthSession = { id: string; user: SessionUser };

/** The `where` of a user's live sessions at `now`: not revoked, not expired, not idle. */
function liveSessionsOf(userId: string, now: Date) {
  return { userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) } };
}

/**
 * Stores a new session `id` (the token's hash) for the user, expiring SESSION_ABSOLUTE_MS after `now`.
 * A user keeps at most MAX_LIVE_SESSIONS_PER_USER live sessions: the least recently used beyond that
 * are revoked. Also prunes the user's own sessions dead for over 30 days, so the table stays bounded
 * without a scheduler.
 */
export async function storeSession({ id, userId, now }: { id: string; userId: string; now: Date }): Promise<void> {
  const cutoff = new Date(now.getTime() - DEAD_SESSION_RETENTION_MS);
  await prisma.session.deleteMany({
    where: { userId, OR: [{ expiresAt: { lt: cutoff } }, { lastSeenAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
  });
  await prisma.session.create({ data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) } });
  const surplus = await prisma.session.findMany({
    where: liveSessionsOf(userId, now),
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    skip: MAX_LIVE_SESSIONS_PER_USER,
    select: { id: true },
  });
  if (surplus.length > 0) await prisma.session.updateMany({ where: { id: { in: surplus.map(({ id }) => id) }, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * The live session stored under `id` with its user, or null (unknown, revoked, idle or expired).
 * Marks it seen at `now` (at most once a minute).
 */
export async function findLiveSession({ id, now }: { id: string; now: Date }): Promise<AuthSession | null> {
  const session = await prisma.session.findUnique({
    where: { id },
    select: { id: true, lastSeenAt: true, expiresAt: true, revokedAt: true, user: { select: { id: true, email: true } } },
  });
  if (!session || session.revokedAt) return null;
  if (session.expiresAt <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { id: session.id, user: session.user };
}

export type SessionRow = { id: string; createdAt: string; lastSeenAt: string; expiresAt: string; current: boolean };

/** The user's live sessions, most recently used first; `currentId` marks the one asking. */
export async function listLiveSessions({ userId, currentId, now = new Date() }: { userId: string; currentId: string; now?: Date }): Promise<SessionRow[]> {
  const sessions = await prisma.session.findMany({
    where: liveSessionsOf(userId, now),
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  return sessions.map((session) => ({
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    current: session.id === currentId,
  }));
}

/**
 * Ends one of the user's own sessions, or every other one (`allExcept`); false when `sessionId` names
 * no live session of this user (someone else's id reads as unknown, as in ADR 003).
 */
export async function revokeUserSessions({ userId, sessionId, allExcept, now = new Date() }: { userId: string; sessionId?: string; allExcept?: string; now?: Date }): Promise<boolean> {
  const where = sessionId !== undefined ? { ...liveSessionsOf(userId, now), id: sessionId } : { ...liveSessionsOf(userId, now), id: { not: allExcept } };
  const { count } = await prisma.session.updateMany({ where, data: { revokedAt: now } });
  return sessionId === undefined || count === 1;
}

/** Revokes one session server-side; its cookie is worthless from the next request on. */
export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}
