import { throwNotFound } from "~/auth/membership.server.ts";

/**
 * A revision number from the query string (`?revision=3`), or `fallback` when absent. Anything that
 * is not a positive whole number answers the tenant 404, like a revision that does not exist.
 */
export function readRevisionParam(url: URL, name: string, fallback?: number): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^[1-9]\d{0,6}$/.test(raw)) throwNotFound();
  return Number(raw);
}
