import { Prisma } from "~/generated/prisma/client.ts";

/** True for a unique-constraint violation (P2002) on a constraint that covers `field`. */
export function isUniqueViolation(error: unknown, field: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const target: unknown = error.meta?.target;
  if (Array.isArray(target)) return target.includes(field);
  if (typeof target === "string") return target.includes(field);
  // Driver adapters may report the constraint elsewhere; fall back to the message.
  return error.message.includes(field);
}
