/**
 * The one Prisma client of the process (Rust-free client on adapter-pg). Only models/*.server.ts and
 * auth/*.server.ts import it; routes may not (lint rule).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";

function createPrismaClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the server needs a PostgreSQL URL.");
  // allowExitOnIdle: once the HTTP server has closed, idle pooled connections must not keep the process alive.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, allowExitOnIdle: true }) });
}

// `remix dev` re-evaluates server modules on every change; keep one pool across reloads.
const globalForPrisma = globalThis as typeof globalThis & { __opentcoPrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.__opentcoPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.__opentcoPrisma = prisma;
