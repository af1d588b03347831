/**
 * Idempotent demo data: organisation "Demo Corp" (/o/demo) owned by demo@opentco.local.
 * `npm run db:seed` runs it against $DATABASE_URL and prints the login every time.
 */
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { hashPassword, verifyPassword } from "../app/auth/password.server.ts";
import { PrismaClient } from "../app/generated/prisma/client.ts";

/** Documented in README: a fixed, public demo password. Never reuse it for a real account. */
export const DEMO_LOGIN = { email: "demo@opentco.local", password: "opentco-demo-2026", orgSlug: "demo", orgName: "Demo Corp" } as const;

export async function seedDemo(prisma: PrismaClient): Promise<typeof DEMO_LOGIN> {
  const existing = await prisma.user.findUnique({ where: { email: DEMO_LOGIN.email }, select: { id: true, passwordHash: true } });
  let userId: string;
  if (!existing) {
    userId = (await prisma.user.create({ data: { email: DEMO_LOGIN.email, passwordHash: await hashPassword(DEMO_LOGIN.password) } })).id;
  } else {
    userId = existing.id;
    // Someone changed the demo password: put the documented one back so the printed login works.
    if (!(await verifyPassword(DEMO_LOGIN.password, existing.passwordHash))) {
      await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(DEMO_LOGIN.password) } });
    }
  }
  const org =
    (await prisma.organization.findUnique({ where: { slug: DEMO_LOGIN.orgSlug }, select: { id: true } })) ??
    (await prisma.organization.create({
      data: {
        name: DEMO_LOGIN.orgName,
        slug: DEMO_LOGIN.orgSlug,
        defaultCurrency: "USD",
        auditEvents: { create: { actorUserId: userId, action: "org.created", target: DEMO_LOGIN.orgName, metadata: { slug: DEMO_LOGIN.orgSlug, seeded: true } } },
      },
      select: { id: true },
    }));
  await prisma.membership.upsert({
    where: { orgId_userId: { orgId: org.id, userId } },
    create: { orgId: org.id, userId, role: "owner" },
    update: { role: "owner" },
  });
  return DEMO_LOGIN;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("db:seed: DATABASE_URL is not set");
    process.exit(1);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const login = await seedDemo(prisma);
    console.log(`Demo login: ${login.email} / ${login.password} → /o/${login.orgSlug}`);
  } catch (error) {
    console.error("db:seed failed:", error);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}
