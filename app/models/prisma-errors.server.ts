import { Prisma } from "~/generated/prisma/client.ts";

type UniqueViolationMeta = {
  target?: unknown;
  /** Where adapter-pg 6.19 puts the constraint (meta.target stays empty with driver adapters). */
  driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } };
};

/** The columns of the unique constraint a P2002 error reports, whichever engine raised it. */
function getViolatedFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  const meta = (error.meta ?? {}) as UniqueViolationMeta;
  const fields = meta.driverAdapterError?.cause?.constraint?.fields ?? meta.target;
  if (Array.isArray(fields)) return fields.filter((field): field is string => typeof field === "string");
  return typeof fields === "string" ? [fields] : [];
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
