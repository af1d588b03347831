/**
 * The Session row's id for a session cookie's token (docs/decisions/004-sessions.md): its SHA-256 in
 * hex, so the table alone cannot be replayed as cookies. Used where sessions are stored and looked up
 * (app/auth/session.server.ts) and by the server's kept pages (server/kept-pages.ts).
 */
import { createHash } from "node:crypto";

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
