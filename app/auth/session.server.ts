/**
 * Server-side sessions (docs/decisions/004-sessions.md). The cookie carries a random 256-bit token;
 * the Session row (app/models/session.server.ts) is keyed by its SHA-256, so the table alone cannot be
 * replayed as cookies. This module owns the cookie and what a request without a live session answers.
 */
import { randomBytes } from "node:crypto";
import { data, redirect } from "@remix-run/node";
import { isDatabaseUnavailable } from "~/models/prisma-errors.server.ts";
import { readSessionToken, SESSION_ABSOLUTE_MS, SESSION_COOKIE_NAME } from "~/domain/sessions.ts";
import { findLiveSession, storeSession, type AuthSession } from "~/models/session.server.ts";
import { hashSessionToken } from "./session-token.server.ts";

function serializeSessionCookie(value: string, maxAgeSeconds: number): string {
  const attributes = [`${SESSION_COOKIE_NAME}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (process.env.NODE_ENV === "production") attributes.push("Secure");
  return attributes.join("; ");
}

/** Creates a session for the user (app/models/session.server.ts) and returns the Set-Cookie header value that carries it. */
export async function createSession(userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await storeSession({ id: hashSessionToken(token), userId, now });
  return serializeSessionCookie(token, SESSION_ABSOLUTE_MS / 1000);
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
  const token = readSessionToken(request.headers.get("Cookie"));
  if (!token) return null;
  return findLiveSession({ id: hashSessionToken(token), now }).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) throw data(DATABASE_UNAVAILABLE_MESSAGE, { status: 503, statusText: "Service Unavailable" });
    throw error;
  });
}

/** The live session, or a redirect to /login that comes back to the requested page. */
export async function requireSession(request: Request): Promise<AuthSession> {
  const session = await getSession(request);
  if (session) return session;
  const url = new URL(request.url);
  const redirectTo = request.method === "GET" ? `${url.pathname}${url.search}` : "/";
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
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
