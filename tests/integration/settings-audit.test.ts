/** Organisation settings, deletion, the audit trail page and /healthz. */
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { PrismaClient } from "~/generated/prisma/client.ts";
import { AUDIT_PAGE_SIZE } from "~/models/audit.server.ts";
import { DATABASE_PING_TIMEOUT_MS, pingDatabase } from "~/models/health.server.ts";
import * as healthzRoute from "~/routes/healthz.ts";
import * as auditRoute from "~/routes/o.$slug.audit.tsx";
import * as settingsRoute from "~/routes/o.$slug.settings.tsx";
import { createTestMember, createTestOrganization, loginAs, type TestOrganization } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest } from "../factories/requests.ts";

function postSettings(org: { slug: string }, cookie: string, fields: Record<string, string>) {
  return callAction(settingsRoute.action, createPostRequest(`/o/${org.slug}/settings`, fields, cookie), { slug: org.slug });
}

function fieldErrorsOf(body: unknown): Record<string, string> {
  return (body as { failure: { fieldErrors: Record<string, string> } }).failure.fieldErrors;
}

function readAudit(org: TestOrganization, cookie: string, query = "") {
  return callLoader(auditRoute.loader, createGetRequest(`/o/${org.slug}/audit${query}`, cookie), { slug: org.slug });
}

describe("organisation settings", () => {
  it("an admin renames, re-slugs and changes the currency; the change is audited and the old slug is gone", async () => {
    const org = await createTestOrganization();
    const admin = await createTestMember(org, "admin");
    const cookie = await loginAs(admin);
    const newSlug = `${org.slug}-new`;
    const result = await postSettings(org, cookie, { intent: "update", name: "Renamed Org", slug: newSlug, defaultCurrency: "CHF" });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/o/${newSlug}/settings?saved=moved`);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ name: "Renamed Org", slug: newSlug, defaultCurrency: "CHF" });
    expect(await prisma.auditEvent.findFirst({ where: { orgId: org.id, action: "org.settings_updated" } })).toMatchObject({
      actorUserId: admin.id,
      metadata: { name: { from: org.name, to: "Renamed Org" }, slug: { from: org.slug, to: newSlug }, defaultCurrency: { from: "USD", to: "CHF" } },
    });
    expect((await callLoader(settingsRoute.loader, createGetRequest(`/o/${org.slug}/settings`, cookie), { slug: org.slug })).status).toBe(404);
  });

  it("says the settings were saved, also after the move to a new URL", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const saved = await postSettings(org, cookie, { intent: "update", name: "Kept URL", slug: org.slug, defaultCurrency: "EUR" });
    expect(saved).toMatchObject({ status: 200, body: { intent: "update", notice: "Settings saved." } });
    const newSlug = `${org.slug}-moved`;
    const moved = await postSettings(org, cookie, { intent: "update", name: "Kept URL", slug: newSlug, defaultCurrency: "EUR" });
    const page = await callLoader(settingsRoute.loader, createGetRequest(moved.location ?? "", cookie), { slug: newSlug });
    expect(page).toMatchObject({ status: 200, body: { movedHere: true } });
    expect((await callLoader(settingsRoute.loader, createGetRequest(`/o/${newSlug}/settings`, cookie), { slug: newSlug })).body).toMatchObject({ movedHere: false });
  });

  it("names the field and the rule for a malformed or taken slug and an unsupported currency", async () => {
    const [org, other] = await Promise.all([createTestOrganization(), createTestOrganization()]);
    const cookie = await loginAs(org.owner);
    const malformed = await postSettings(org, cookie, { intent: "update", name: "X", slug: "-Bad-", defaultCurrency: "JPY" });
    expect(malformed.status).toBe(400);
    expect(fieldErrorsOf(malformed.body)).toEqual({
      name: "Organisation name: at least 2 characters",
      slug: "Organisation URL: 3–40 lowercase letters, digits and hyphens",
      defaultCurrency: "Default currency: one of USD, EUR, GBP, CHF",
    });
    const taken = await postSettings(org, cookie, { intent: "update", name: org.name, slug: other.slug, defaultCurrency: "EUR" });
    expect(taken.status).toBe(409);
    expect(fieldErrorsOf(taken.body)).toEqual({ slug: "Organisation URL: already taken" });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).defaultCurrency).toBe("USD");
  });

  it("only the owner deletes, and only with the typed slug; everything of the organisation goes", async () => {
    const org = await createTestOrganization();
    const member = await createTestMember(org, "viewer");
    const cookie = await loginAs(org.owner);
    const wrong = await postSettings(org, cookie, { intent: "delete", confirmation: "something-else" });
    expect(wrong.status).toBe(400);
    expect(fieldErrorsOf(wrong.body).confirmation).toBe(`Confirmation: type “${org.slug}” exactly to delete this organisation`);
    expect(await prisma.organization.count({ where: { id: org.id } })).toBe(1);

    const deleted = await postSettings(org, cookie, { intent: "delete", confirmation: org.slug });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe("/");
    expect(await prisma.organization.count({ where: { id: org.id } })).toBe(0);
    expect(await prisma.membership.count({ where: { orgId: org.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { orgId: org.id } })).toBe(0);
    // Users survive their organisation.
    expect(await prisma.user.count({ where: { id: { in: [org.owner.id, member.id] } } })).toBe(2);
  });
});

describe("audit trail page", () => {
  it("admins read it newest first, paginated; viewers and editors get 404; a bad page number is named", async () => {
    const org = await createTestOrganization();
    const admin = await createTestMember(org, "admin");
    const cookie = await loginAs(admin);
    const base = Date.now() - 3_600_000;
    await prisma.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
        orgId: org.id,
        actorUserId: org.owner.id,
        action: "member.role_changed",
        target: `member ${i}`,
        createdAt: new Date(base + i * 1000),
      })),
    });

    const first = await readAudit(org, cookie);
    expect(first.status).toBe(200);
    const page1 = first.body as { events: { action: string; target: string; actorEmail: string | null; createdAt: string }[]; hasNextPage: boolean };
    expect(page1.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(page1.hasNextPage).toBe(true);
    // Newest first: the admin's own sign-in (now) heads the list.
    expect(page1.events[0]).toMatchObject({ action: "auth.login", actorEmail: admin.email });
    const times = page1.events.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const second = (await readAudit(org, cookie, "?page=2")).body as { events: unknown[]; hasNextPage: boolean };
    // 55 seeded + org.created + the admin's auth.login = 57 events: 50 on page 1, 7 on page 2.
    expect(second.events).toHaveLength(7);
    expect(second.hasNextPage).toBe(false);

    const bad = await readAudit(org, cookie, "?page=zero");
    expect(bad).toMatchObject({ status: 400, body: `Page: a whole number from 1 to 10000` });

    for (const role of ["viewer", "editor"] as const) {
      const member = await createTestMember(org, role);
      expect((await readAudit(org, await loginAs(member))).status).toBe(404);
    }
  });
});

describe("/healthz", () => {
  it("answers 200 with db ok when Postgres answers", async () => {
    const result = await callLoader(healthzRoute.loader, createGetRequest("/healthz"));
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: "ok", db: "ok" });
  });

  it("reports the database down when nothing listens, and when it does not answer within the timeout", async () => {
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:9/none", connectionTimeoutMillis: 500 }) });
    expect(await pingDatabase(unreachable)).toBe(false);

    // A TCP server that accepts connections and never speaks: the ping must give up, not hang.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const hanging = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://postgres@127.0.0.1:${port}/none` }) });
    const started = Date.now();
    expect(await pingDatabase(hanging)).toBe(false);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(DATABASE_PING_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(DATABASE_PING_TIMEOUT_MS + 1000);
    for (const socket of sockets) socket.destroy();
    silent.close();
  });
});
