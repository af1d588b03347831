/**
 * Server-side sessions (docs/decisions/004-sessions.md). The cookie carries a random 256-bit token;
 * the Session row is keyed by its SHA-256, so the table alone cannot be replayed as cookies.
 */
import { createHash, randomBytes } from "node:crypto";
import { data, redirect } from "@remix-run/node";
import { prisma } from "~/db.server.ts";
import { isDatabaseUnavailable } from "~/models/prisma-errors.server.ts";

export const SESSION_COOKIE_NAME = "opentco_session";
/** Idle expiry: a session unused for 12 h is dead. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Absolute expiry: 14 days after login, whatever the activity. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most once a minute, not on every request. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export type SessionUser = { id: string; email: string };
export type AuthSession = { id: string; user: SessionUser };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function getSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE_NAME) {
      const value = rest.join("=");
      // base64url of 32 bytes is 43 characters; anything else is not ours.
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

function serializeSessionCookie(value: string, maxAgeSeconds: number): string {
  const attributes = [`${SESSION_COOKIE_NAME}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (process.env.NODE_ENV === "production") attributes.push("Secure");
  return attributes.join("; ");
}

/** Dead sessions (expired, idle or revoked) are kept this long for investigation, then pruned. */
const DEAD_SESSION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
/** Live sessions one user may hold: a new log-in beyond this ends the least recently used one. */
export const MAX_LIVE_SESSIONS_PER_USER = 10;

/** The `where` of a user's live sessions at `now`: not revoked, not expired, not idle. */
function liveSessionsOf(userId: string, now: Date) {
  return { userId, revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) } };
}

/**
 * Creates a session for the user and returns the Set-Cookie header value that carries it. A user keeps
 * at most MAX_LIVE_SESSIONS_PER_USER live sessions: the least recently used beyond that are revoked.
 * Also prunes the user's own sessions dead for over 30 days, so the table stays bounded without a
 * scheduler.
 */
export async function createSession(userId: string, now = new Date()): Promise<string> {
  const cutoff = new Date(now.getTime() - DEAD_SESSION_RETENTION_MS);
  await prisma.session.deleteMany({
    where: { userId, OR: [{ expiresAt: { lt: cutoff } }, { lastSeenAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
  });
  const token = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: { id: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
  });
  const surplus = await prisma.session.findMany({
    where: liveSessionsOf(userId, now),
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    skip: MAX_LIVE_SESSIONS_PER_USER,
    select: { id: true },
  });
  if (surplus.length > 0) await prisma.session.updateMany({ where: { id: { in: surplus.map(({ id }) => id) }, revokedAt: null }, data: { revokedAt: now } });
  return serializeSessionCookie(token, SESSION_ABSOLUTE_MS / 1000);
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

/** The Set-Cookie header value that removes the session cookie from the browser. */
export function getClearedSessionCookie(): string {
  return serializeSessionCookie("", 0);
}

/** What a signed-in page answers while PostgreSQL is down (issue 10, item 9): 503, not 500. */
export const DATABASE_UNAVAILABLE_MESSAGE = "OpenTCO cannot reach its database right now. Your data is safe; try again in a minute.";

/**
 * The live session behind the request's cookie, or null (absent, unknown, revoked, idle or expired).
 * Every signed-in page starts here, so an unreachable database is turned into a thrown 503 here.
 */
export async function getSession(request: Request, now = new Date()): Promise<AuthSession | null> {
  const token = getSessionToken(request);
  if (!token) return null;
  const session = await prisma.session
    .findUnique({
      where: { id: hashToken(token) },
      select: { id: true, lastSeenAt: true, expiresAt: true, revokedAt: true, user: { select: { id: true, email: true } } },
    })
    .catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) throw data(DATABASE_UNAVAILABLE_MESSAGE, { status: 503, statusText: "Service Unavailable" });
      throw error;
    });
  if (!session || session.revokedAt) return null;
  if (session.expiresAt <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await prisma.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { id: session.id, user: session.user };
}

/** The live session, or a redirect to /login that comes back to the requested page. */
export async function requireSession(request: Request): Promise<AuthSession> {
  const session = await getSession(request);
  if (session) return session;
  const url = new URL(request.url);
  const redirectTo = request.method === "GET" ? `${url.pathname}${url.search}` : "/";
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
}

/** Revokes one session server-side; its cookie is worthless from the next request on. */
export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

// Stands in for our own origin: only whether a target stays on it matters, not what it is called.
const OWN_ORIGIN = "http://opentco.invalid";

/**
 * Where to go after log-in: a path on this site, never another host (docs/decisions/004-sessions.md,
 * "Redirects"). The target is resolved the way a browser resolves a Location header (the WHATWG URL
 * parser drops tabs and newlines, reads backslashes as slashes, decodes nothing else) against our
 * own origin; anything that lands elsewhere, or any non-path form, gives `fallback`. The answer is the
 * resolved path, query and fragment as the parser serialises them: ASCII only, every other character
 * percent-encoded, so it is always a valid Location header.
 */
export function getSafeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(target, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== OWN_ORIGIN) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // "/.//evil" resolves to the path "//evil", which a browser would read as another host.
  return path.startsWith("//") ? fallback : path;
}
