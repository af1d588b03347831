/**
 * The test database as its owner sees it, for setting up and inspecting rows behind the app's back:
 * this client connects as the DATABASE_URL user (a superuser in tests) without taking the app's role,
 * so row-level security does not apply to it (docs/decisions/019-row-level-security.md). The app's
 * own client (`~/db.server.ts`) sees an organisation's rows only inside a scope.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";

function createOwnerClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (tests/integration/setup-env.ts sets it).");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, allowExitOnIdle: true }) });
}

export const prisma: PrismaClient = createOwnerClient();
