import { throwNotFound } from "~/auth/membership.server.ts";

/** A row id as the app makes them (cuid): lowercase letters and digits, as CompareSelectionSchema reads them. */
const ID_PATTERN = /^[a-z0-9]{1,40}$/;

/**
 * The id in the address (`/scenarios/<id>`), or the tenant 404 when it cannot be one. A NUL in it
 * would otherwise reach PostgreSQL, which refuses it with an error, not an empty result (issue 13,
 * fuzz finding; the server refuses control characters in the address too, ADR 014).
 */
export function readIdParam(value: string | undefined): string {
  if (value === undefined || !ID_PATTERN.test(value)) throwNotFound();
  return value;
}
