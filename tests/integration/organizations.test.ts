/** Founding more organisations, and the landing page of a user who has none left. */
import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/models/password.server.ts";
import { prisma } from "../factories/db.ts";
import { DEMO_LOGIN, seedDemo } from "../../prisma/seed.ts";
import * as indexRoute from "~/routes/_index.tsx";
import * as newOrganizationRoute from "~/routes/orgs.new.tsx";
import { createTestOrganization, createTestUser, createUniqueSlug, loginAs } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest } from "../factories/requests.ts";

describe("/orgs/new", () => {
  it("a signed-in user founds a second organisation as its owner, audited", async () => {
    const first = await createTestOrganization();
    const cookie = await loginAs(first.owner);
    const slug = createUniqueSlug("second");
    const result = await callAction(newOrganizationRoute.action, createPostRequest("/orgs/new", { orgName: "Second Org", slug }, cookie));
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/o/${slug}`);
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug }, include: { memberships: true } });
    expect(org.memberships).toEqual([expect.objectContaining({ userId: first.owner.id, role: "owner" })]);
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "org.created", actorUserId: first.owner.id } })).toBe(1);
  });

  it("names the rule for a taken, reserved or malformed slug, and sends anonymous visitors to log in", async () => {
    const existing = await createTestOrganization();
    const cookie = await loginAs(existing.owner);
    const cases: [string, number, string][] = [
      [existing.slug, 409, "Organisation URL: already taken"],
      ["orgs", 400, "Organisation URL: this word is reserved"],
      ["a--b", 400, "Organisation URL: no consecutive hyphens"],
      ["UPPER", 400, "Organisation URL: 3–40 lowercase letters, digits and hyphens"],
    ];
    for (const [slug, status, message] of cases) {
      const result = await callAction(newOrganizationRoute.action, createPostRequest("/orgs/new", { orgName: "Name", slug }, cookie));
      expect(result.status, slug).toBe(status);
      expect((result.body as { fieldErrors: Record<string, string> }).fieldErrors.slug, slug).toBe(message);
    }
    const anonymous = await callAction(newOrganizationRoute.action, createPostRequest("/orgs/new", { orgName: "Name", slug: createUniqueSlug() }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });
});

describe("landing page", () => {
  it("sends a member to their organisation and tells a user without one what to do", async () => {
    const org = await createTestOrganization();
    const member = await callLoader(indexRoute.loader, createGetRequest("/", await loginAs(org.owner)));
    expect(member.status).toBe(302);
    expect(member.location).toBe(`/o/${org.slug}`);

    const orphan = await createTestUser("orphan");
    const landing = await callLoader(indexRoute.loader, createGetRequest("/", await loginAs(orphan)));
    expect(landing).toMatchObject({ status: 200, body: { email: orphan.email } });
    expect((await callLoader(indexRoute.loader, createGetRequest("/"))).body).toEqual({ email: null });
  });
});

describe("seedDemo", () => {
  it("is idempotent and restores the documented demo password", async () => {
    await seedDemo(prisma);
    await prisma.user.update({ where: { email: DEMO_LOGIN.email }, data: { passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$changed" } });
    const login = await seedDemo(prisma);
    expect(login).toEqual(DEMO_LOGIN);
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_LOGIN.orgSlug }, include: { memberships: { include: { user: true } } } });
    expect(org.name).toBe("Demo Corp");
    expect(org.memberships.filter((m) => m.user.email === DEMO_LOGIN.email)).toEqual([expect.objectContaining({ role: "owner" })]);
    expect(await prisma.user.count({ where: { email: DEMO_LOGIN.email } })).toBe(1);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email } });
    expect(await verifyPassword(DEMO_LOGIN.password, user.passwordHash)).toBe(true);
  });
});
