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
