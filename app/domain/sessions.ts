/**
 * The session cookie and the lifetimes of a session (docs/decisions/004-sessions.md), shared by the
 * app's session code (app/auth, app/models) and the server's kept pages (server/kept-pages.ts), which
 * check a session without the app.
 */
export const SESSION_COOKIE_NAME = "opentco_session";

/** Idle expiry: a session unused for 12 h is dead. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Absolute expiry: 14 days after login, whatever the activity. */
export const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most once a minute, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

/** The session token in a Cookie header, or null: base64url of 32 bytes is 43 characters, anything else is not ours. */
export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE_NAME) {
      const value = rest.join("=");
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}
