import { Prisma } from "~/generated/prisma/client.ts";

type UniqueViolationMeta = {
  target?: unknown;
  /** Where adapter-pg 6.19 puts the constraint (meta.target stays empty with driver adapters). */
  driverAdapterError?: { cause?: { constraint?: { fields?: unknown }; originalMessage?: unknown } };
};

/**
 * The columns of a unique index named the way Prisma names them, `Table_column1_column2_key`, read
 * from PostgreSQL's message `duplicate key value violates unique constraint "…"`.
 */
function getFieldsFromIndexName(message: unknown): string[] {
  const name = typeof message === "string" ? /unique constraint "([A-Za-z0-9]+)_([A-Za-z0-9_]+)_key"/.exec(message) : null;
  return name?.[2]?.split("_") ?? [];
}

/**
 * The columns of the unique constraint a P2002 error reports, whichever engine raised it. On a table
 * with row-level security PostgreSQL leaves the key out of the error (it could show a row the user may
 * not see), and adapter-pg finds no columns: they are then read from the index's name.
 */
function getViolatedFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  const meta = (error.meta ?? {}) as UniqueViolationMeta;
  const cause = meta.driverAdapterError?.cause;
  const fields = cause?.constraint?.fields ?? meta.target;
  if (Array.isArray(fields)) return fields.filter((field): field is string => typeof field === "string");
  if (typeof fields === "string") return [fields];
  return getFieldsFromIndexName(cause?.originalMessage);
}

/** True for a unique-constraint violation (P2002) on a constraint that covers `field`. */
export function isUniqueViolation(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return getViolatedFields(error).includes(field);
}

/** Prisma's codes for "no database to talk to": unreachable, timed out, missing, connection closed, pool exhausted. */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1003", "P1017", "P2024"]);
/** The same as adapter-pg 6.19 reports them (meta.driverAdapterError.cause.kind). */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** True when `error` says the database cannot be reached (rather than that a query was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const kind = (error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError?.cause?.kind;
  return UNAVAILABLE_CODES.has(error.code) || (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind));
}
