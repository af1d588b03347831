/**
 * Idempotent demo data: organisation "Demo Corp" (/o/demo) owned by demo@opentco.local, holding the
 * three public/examples scenarios with two revisions each. `npm run db:seed` runs it against
 * $DATABASE_URL and prints the login every time.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { hashPassword, verifyPassword } from "../app/models/password.server.ts";
import { Decimal } from "../app/engine/index.ts";
import { PrismaClient } from "../app/generated/prisma/client.ts";
import { createScenario, saveRevision } from "../app/models/scenario.server.ts";
import { DEMO_LOGIN } from "./demo-login.ts";

export { DEMO_LOGIN };

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
  await seedDemoScenarios(prisma, { orgId: org.id, userId });
  return DEMO_LOGIN;
}

/** The examples the demo organisation holds, each with the note of its first, smaller estimate. */
const DEMO_SCENARIOS = [
  { file: "four-options-60-months.json", firstNote: "First estimate: half of today's traffic" },
  { file: "hybrid-overflow-eur.json", firstNote: "First estimate before the traffic forecast" },
  { file: "eu-personal-data-compliance.json", firstNote: "First estimate: pilot volume only" },
] as const;

type ExampleDocument = { name: string; workload: { volume: { kind: "requests"; requestsPerMonth: string } | { kind: "tokens"; tokensPerMonth: string } } };

/** The same scenario with half the first month's volume. */
function halveVolume(example: ExampleDocument): ExampleDocument {
  const volume = example.workload.volume;
  const halved =
    volume.kind === "requests"
      ? { ...volume, requestsPerMonth: new Decimal(volume.requestsPerMonth).div(2).toFixed() }
      : { ...volume, tokensPerMonth: new Decimal(volume.tokensPerMonth).div(2).toFixed() };
  return { ...example, workload: { ...example.workload, volume: halved } };
}

/**
 * Each example as a scenario with two revisions, through the scenario model: revision 1 at half the
 * volume, revision 2 the example itself. A scenario of the same name already there (archived or
 * not) is left alone, so re-running adds nothing.
 */
async function seedDemoScenarios(prisma: PrismaClient, { orgId, userId }: { orgId: string; userId: string }): Promise<void> {
  const asOf = new Date().toISOString().slice(0, 10);
  for (const { file, firstNote } of DEMO_SCENARIOS) {
    const example = JSON.parse(readFileSync(new URL(`../public/examples/${file}`, import.meta.url), "utf8")) as ExampleDocument;
    if (await prisma.scenario.findFirst({ where: { orgId, name: example.name }, select: { id: true } })) continue;
    const created = await createScenario({ orgId, userId, inputs: halveVolume(example), note: firstNote, asOf });
    if (!created.ok) throw new Error(`${file}: ${created.issues.map((issue) => `${issue.path} ${issue.message}`).join("; ")}`);
    const saved = await saveRevision({ orgId, userId, scenarioId: created.scenarioId, baseRevisionNumber: 1, inputs: example, note: "Volume from the traffic forecast", asOf });
    if (!saved?.ok) throw new Error(`${file}: the second revision was not saved`);
  }
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
