import { z } from "zod";

/**
 * Revision and catalogue version numbers are Postgres `integer` columns, which hold at most 2³¹ − 1.
 * A larger number names no row; refused here, it never reaches the database (where it would fail).
 */
export const MAX_RECORD_NUMBER = 2_147_483_647;

/** A revision or version number from a form field, `field` naming it in every refusal. */
export function recordNumber(field: string, noun: string, min: 0 | 1) {
  return z.coerce
    .number({ error: `${field}: must be a ${noun}` })
    .int(`${field}: must be a whole number`)
    .min(min, `${field}: must be at least ${min}`)
    .max(MAX_RECORD_NUMBER, `${field}: must be at most ${MAX_RECORD_NUMBER}`);
}
