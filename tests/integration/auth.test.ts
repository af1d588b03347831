/** Sign-up, log-in, sessions and logout through the real routes and a real database. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "~/domain/sessions.ts";
import { prisma } from "../factories/db.ts";
import * as loginRoute from "~/routes/login.tsx";
import * as logoutRoute from "~/routes/logout.tsx";
import * as overviewRoute from "~/routes/o.$slug._index.tsx";
import * as signupRoute from "~/routes/signup.tsx";
import { MAX_FORM_BYTES } from "~/utils/form.server.ts";
import { createTestOrganization, createUniqueEmail, createUniqueSlug, loginAs, TEST_PASSWORD } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest, TEST_ORIGIN } from "../factories/requests.ts";

function signup(fields: Record<string, string>) {
  return callAction(signupRoute.action, createPostRequest("/signup", fields));
}

function validSignup(overrides: Record<string, string> = {}): Record<string, string> {
  return { email: createUniqueEmail(), password: TEST_PASSWORD, orgName: "Acme Research", slug: createUniqueSlug("acme"), ...overrides };
}

function getFieldErrors(body: unknown): Record<string, string> {
  return (body as { fieldErrors: Record<string, string> }).fieldErrors;
}

function sessionIdOf(cookie: string): string {
  return createHash("sha256").update(cookie.split("=")[1] ?? "").digest("hex");
}

function overview(slug: string, cookie: string) {
  return callLoader(overviewRoute.loader, createGetRequest(`/o/${slug}`, cookie), { slug });
}

describe("sign-up", () => {
  it("creates the user, the organisation and the owner membership, logs in and records org.created", async () => {
    const fields = validSignup({ email: `  Mixed.Case-${createUniqueSlug()}@Example.TEST ` });
    const result = await signup(fields);
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/o/${fields.slug}`);
    const cookie = result.setCookie ?? "";
    expect(cookie).toMatch(/^opentco_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=1209600/);

    const user = await prisma.user.findUniqueOrThrow({ where: { email: fields.email!.trim().toLowerCase() }, include: { memberships: { include: { org: true } } } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]).toMatchObject({ role: "owner", org: { slug: fields.slug, name: "Acme Research", defaultCurrency: "USD" } });
    expect(await prisma.auditEvent.findFirst({ where: { orgId: user.memberships[0]!.orgId, action: "org.created" } })).toMatchObject({ actorUserId: user.id });

    expect((await overview(fields.slug!, cookie.split(";")[0]!)).status).toBe(200);
  });

  it.each([
    ["malformed email", { email: "not-an-email" }, "email", "Email: must be a valid address"],
    ["short password", { password: "short" }, "password", "Password: at least 12 characters"],
    ["malformed slug", { slug: "Not A Slug!" }, "slug", "Organisation URL: 3–40 lowercase letters, digits and hyphens"],
    ["too short slug", { slug: "ab" }, "slug", "Organisation URL: 3–40 lowercase letters, digits and hyphens"],
    ["missing organisation name", { orgName: "" }, "orgName", "Organisation name: at least 2 characters"],
  ])("rejects a %s with a message beside the field", async (_case, overrides, field, message) => {
    const fields = validSignup(overrides);
    const result = await signup(fields);
    expect(result.status).toBe(400);
    expect(getFieldErrors(result.body)[field]).toBe(message);
    expect((result.body as { values: Record<string, string> }).values.password).toBeUndefined();
    expect(await prisma.organization.count({ where: { slug: fields.slug } })).toBe(0);
  });

  it("answers a registered email without saying so, and creates nothing (ADR 013)", async () => {
    const existing = await createTestOrganization();
    const fields = validSignup({ email: existing.owner.email.toUpperCase(), password: "not the owner's password" });
    const duplicate = await signup(fields);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toMatchObject({ formError: signupRoute.SIGNUP_REFUSED, fieldErrors: {} });
    expect(JSON.stringify(duplicate.body)).not.toMatch(/registered|exists|taken|in use/i);
    expect(duplicate.setCookie).toBeNull();
    expect(await prisma.organization.count({ where: { slug: fields.slug } })).toBe(0);
  });

  it("signs the owner of a registered email in with its password and creates the organisation, as for a new account", async () => {
    const existing = await createTestOrganization();
    const fields = validSignup({ email: existing.owner.email });
    const result = await signup(fields);
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/o/${fields.slug}`);
    const cookie = result.setCookie?.split(";")[0] ?? "";
    expect((await overview(fields.slug!, cookie)).status).toBe(200);
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: fields.slug }, include: { memberships: true } });
    expect(org.memberships).toEqual([expect.objectContaining({ userId: existing.owner.id, role: "owner" })]);
    expect(await prisma.user.count({ where: { email: existing.owner.email } })).toBe(1);
  });

  it("refuses a taken organisation URL beside its field, creating nothing", async () => {
    const existing = await createTestOrganization();
    const fields = validSignup({ slug: existing.slug });
    const taken = await signup(fields);
    expect(taken.status).toBe(409);
    expect(getFieldErrors(taken.body).slug).toBe("Organisation URL: already taken");
    // The transaction rolled back: the user of the failed sign-up does not exist.
    expect(await prisma.user.count({ where: { email: fields.email } })).toBe(0);
  });


  it("answers 413 with a form error to an oversized body, declared or streamed", async () => {
    const big = "x".repeat(MAX_FORM_BYTES + 1);
    const declared = await signup(validSignup({ orgName: big }));
    expect(declared.status).toBe(413);
    expect((declared.body as { formError: string }).formError).toBe("Form: too large (limit 64 KiB)");

    // No Content-Length: the body arrives as a stream and is cut off while reading.
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(encoder.encode(`f${i}=${"y".repeat(1023)}&`));
        controller.close();
      },
    });
    const request = new Request(new URL("/signup", TEST_ORIGIN), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: TEST_ORIGIN },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("Content-Length")).toBeNull();
    expect((await callAction(signupRoute.action, request)).status).toBe(413);
  });

  it("refuses a cross-site POST (foreign or opaque Origin header) but accepts the same host over https", async () => {
    for (const origin of ["https://evil.example", "null", "http://opentco.test.evil.example"]) {
      const result = await callAction(signupRoute.action, createPostRequest("/signup", validSignup(), undefined, { Origin: origin }));
      expect(result.status, origin).toBe(403);
    }
    // Behind a TLS-terminating proxy the request URL is http://, the browser's Origin https://.
    const proxied = await callAction(signupRoute.action, createPostRequest("/signup", validSignup(), undefined, { Origin: "https://opentco.test" }));
    expect(proxied.status).toBe(302);
  });
});

describe("log-in", () => {
  it("logs in with the right password, records auth.login in each organisation, and follows a safe redirectTo only", async () => {
    const org = await createTestOrganization();
    const ok = await callAction(loginRoute.action, createPostRequest("/login", { email: org.owner.email, password: TEST_PASSWORD, redirectTo: `/o/${org.slug}/members` }));
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/o/${org.slug}/members`);
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "auth.login", actorUserId: org.owner.id } })).toBe(1);

    const offsite = await callAction(loginRoute.action, createPostRequest("/login", { email: org.owner.email, password: TEST_PASSWORD, redirectTo: "//evil.example/phish" }));
    expect(offsite.location).toBe("/");
  });

  it("gives the same message for a wrong password and an unknown email, and sets no cookie", async () => {
    const org = await createTestOrganization();
    const wrong = await callAction(loginRoute.action, createPostRequest("/login", { email: org.owner.email, password: "wrong password here" }));
    const unknown = await callAction(loginRoute.action, createPostRequest("/login", { email: createUniqueEmail(), password: TEST_PASSWORD }));
    for (const result of [wrong, unknown]) {
      expect(result.status).toBe(400);
      expect(result.setCookie).toBeNull();
      expect((result.body as { formError: string }).formError).toBe("Email or password is incorrect.");
    }
    const malformed = await callAction(loginRoute.action, createPostRequest("/login", { email: "nope", password: "" }));
    expect(getFieldErrors(malformed.body)).toEqual({ email: "Email: must be a valid address", password: "Password: required" });
  });
});

describe("sessions", () => {
  it("stores only the token's hash; logout revokes the session server-side and clears the cookie", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const token = cookie.split("=")[1]!;
    expect(await prisma.session.count({ where: { id: token } })).toBe(0);
    expect(await prisma.session.findUnique({ where: { id: sessionIdOf(cookie) } })).toMatchObject({ userId: org.owner.id, revokedAt: null });
    expect((await overview(org.slug, cookie)).status).toBe(200);

    const logout = await callAction(logoutRoute.action, createPostRequest("/logout", {}, cookie));
    expect(logout.status).toBe(302);
    expect(logout.location).toBe("/login");
    expect(logout.setCookie).toMatch(/^opentco_session=; .*Max-Age=0/);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionIdOf(cookie) } })).revokedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "auth.logout" } })).toBe(1);

    // A copy of the old cookie is now worthless.
    const replay = await overview(org.slug, cookie);
    expect(replay.status).toBe(302);
    expect(replay.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("expires a session after 12 h idle and after 14 days absolute, and refreshes lastSeenAt", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const id = sessionIdOf(cookie);
    const now = Date.now();

    await prisma.session.update({ where: { id }, data: { lastSeenAt: new Date(now - SESSION_IDLE_MS + 60_000 * 5) } });
    expect((await overview(org.slug, cookie)).status).toBe(200);
    const refreshed = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(now - refreshed.lastSeenAt.getTime()).toBeLessThan(60_000);

    await prisma.session.update({ where: { id }, data: { lastSeenAt: new Date(now - SESSION_IDLE_MS - 1000) } });
    expect((await overview(org.slug, cookie)).status).toBe(302);

    await prisma.session.update({ where: { id }, data: { lastSeenAt: new Date(), expiresAt: new Date(now - 1000), createdAt: new Date(now - SESSION_ABSOLUTE_MS - 1000) } });
    expect((await overview(org.slug, cookie)).status).toBe(302);
  });

  it("prunes the user's sessions dead for over 30 days at the next login, keeping recent ones", async () => {
    const org = await createTestOrganization();
    const day = 24 * 60 * 60 * 1000;
    const old = new Date(Date.now() - 31 * day);
    const recent = new Date(Date.now() - 2 * day);
    await prisma.session.createMany({
      data: [
        { id: `old-expired-${org.id}`, userId: org.owner.id, createdAt: old, lastSeenAt: old, expiresAt: old },
        { id: `old-revoked-${org.id}`, userId: org.owner.id, createdAt: recent, lastSeenAt: recent, expiresAt: new Date(Date.now() + day), revokedAt: old },
        { id: `recent-revoked-${org.id}`, userId: org.owner.id, createdAt: recent, lastSeenAt: recent, expiresAt: new Date(Date.now() + day), revokedAt: recent },
      ],
    });
    await loginAs(org.owner);
    const left = await prisma.session.findMany({ where: { userId: org.owner.id }, select: { id: true } });
    expect(left.map((s) => s.id)).toContain(`recent-revoked-${org.id}`);
    expect(left.map((s) => s.id)).not.toContain(`old-expired-${org.id}`);
    expect(left.map((s) => s.id)).not.toContain(`old-revoked-${org.id}`);
    expect(left).toHaveLength(2);
  });

  it("ignores a forged or malformed cookie", async () => {
    const org = await createTestOrganization();
    for (const cookie of ["opentco_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "opentco_session=short", "opentco_session=' OR 1=1 --"]) {
      expect((await overview(org.slug, cookie)).status).toBe(302);
    }
  });
});
