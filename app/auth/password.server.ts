/**
 * Password hashing lives with the credentials it stores: app/models/password.server.ts (ADR 017).
 * This re-export keeps prisma/seed.ts, which imports it here, working until its import moves too.
 */
export { hashPassword, verifyPassword } from "~/models/password.server.ts";
