/**
 * The client's network address, for the per-address throttles (docs/decisions/004-sessions.md,
 * "Brute force"; 011, "Throttle"). The app's own server resolves it (server/client-address.ts: the
 * TCP peer, or with TRUST_PROXY the address our proxies report) and passes it in the load context;
 * nothing in a request the client writes is trusted for it.
 */
import type { AppLoadContext } from "@remix-run/node";

/** The address from the load context, or null when the caller has none (a test calling a route directly). */
export function getClientAddress(context: AppLoadContext | undefined): string | null {
  return context?.clientAddress ?? null;
}
