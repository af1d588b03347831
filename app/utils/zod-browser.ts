/**
 * In the browser, zod must never compile validators with `new Function`: under our Content-Security-
 * Policy (no 'unsafe-eval', ADR 014) its first schema would probe for eval, and the browser reports
 * the probe as a policy violation even though zod catches it and falls back to the same interpreted
 * validation. The probe runs when a schema is built, so this module is the first import of app/root.tsx,
 * evaluated before any route module builds one. The server keeps zod's compiled validators.
 */
import { config } from "zod";

if (typeof document !== "undefined") config({ jitless: true });
