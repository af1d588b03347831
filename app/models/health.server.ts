import { prisma } from "~/db.server.ts";
import type { PrismaClient } from "~/generated/prisma/client.ts";

/** Longer than this and the database counts as down for /healthz, in milliseconds. */
export const DATABASE_PING_TIMEOUT_MS = 2000;

/** True when Postgres answers `SELECT 1` within DATABASE_PING_TIMEOUT_MS. */
export async function pingDatabase(db: Pick<PrismaClient, "$queryRaw"> = prisma): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_PING_TIMEOUT_MS);
  });
  const ping = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
