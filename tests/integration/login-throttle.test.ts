/** Brute-force throttle on log-in and sign-up (ADR 004, "Brute force") through the real routes and Postgres. */
import { randomInt } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server.ts";
import { hashEmail, LOGIN_WINDOW_MS, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL } from "~/models/login-attempt.server.ts";
import * as loginRoute from "~/routes/login.tsx";
import * as signupRoute from "~/routes/signup.tsx";
import { getClientAddress, getTrustedProxyCount } from "~/utils/client-address.server.ts";
import { createTestOrganization, createUniqueEmail, createUniqueSlug, TEST_PASSWORD } from "../factories/index.ts";
import { callAction, createPostRequest, TEST_ORIGIN } from "../factories/requests.ts";

const WRONG_PASSWORD = "not the right password";
const EMAIL_LOCKED = "Too many failed log-ins for this email. Try again in 15 minutes.";
const ADDRESS_LOCKED = "Too many failed log-ins from your network. Try again in 15 minutes.";

function login(email: string, password: string, headers: Record<string, string> = {}) {
  return callAction(loginRoute.action, createPostRequest("/login", { email, password, redirectTo: "/" }, undefined, headers));
}

function formErrorOf(body: unknown): string | undefined {
  return (body as { formError?: string }).formError;
}

async function failTimes(email: string, times: number, headers: Record<string, string> = {}): Promise<void> {
  for (let i = 0; i < times; i++) {
    const result = await login(email, WRONG_PASSWORD, headers);
    expect(result.status, `failure ${i + 1}`).toBe(400);
    expect(formErrorOf(result.body)).toBe("Email or password is incorrect.");
  }
}

/** A fresh documentation-range address, so tests never share a per-address count. */
function createUniqueAddress(): string {
  return `198.${randomInt(18, 20)}.${randomInt(0, 256)}.${randomInt(0, 256)}`;
}

async function sessionCount(userId: string): Promise<number> {
  return prisma.session.count({ where: { userId } });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("per-email throttle", () => {
  it("refuses the 6th attempt after 5 failures with 429, even with the right password, before any session is made", async () => {
    const org = await createTestOrganization();
    await failTimes(org.owner.email, MAX_FAILURES_PER_EMAIL);

    const locked = await login(org.owner.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(formErrorOf(locked.body)).toBe(EMAIL_LOCKED);
    expect((locked.body as { values: Record<string, string> }).values).toEqual({ email: org.owner.email });
    // The right password was never accepted: no cookie, no session, no sign-in recorded.
    expect(locked.setCookie).toBeNull();
    expect(await sessionCount(org.owner.id)).toBe(0);
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "auth.login" } })).toBe(0);
    // The lock-out is recorded once, in the user's organisation, with no actor (whoever guessed is unknown).
    const lockOuts = await prisma.auditEvent.findMany({ where: { orgId: org.id, action: "auth.locked_out" } });
    expect(lockOuts).toHaveLength(1);
    expect(lockOuts[0]).toMatchObject({ actorUserId: null, target: org.owner.email });
    // Refused attempts are not recorded: they neither extend the lock nor feed the address count.
    expect(await prisma.loginAttempt.count({ where: { emailHash: hashEmail(org.owner.email) } })).toBe(MAX_FAILURES_PER_EMAIL);
  });

  it("treats an unknown email exactly like a known one", async () => {
    const email = createUniqueEmail("nobody");
    await failTimes(email, MAX_FAILURES_PER_EMAIL);
    const locked = await login(email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(formErrorOf(locked.body)).toBe(EMAIL_LOCKED);
  });

  it("counts the email however it is cased or spaced", async () => {
    const org = await createTestOrganization();
    await failTimes(org.owner.email.toUpperCase(), MAX_FAILURES_PER_EMAIL);
    expect((await login(`  ${org.owner.email} `, TEST_PASSWORD)).status).toBe(429);
  });

  it("leaves other emails alone", async () => {
    const locked = await createTestOrganization();
    const other = await createTestOrganization();
    await failTimes(locked.owner.email, MAX_FAILURES_PER_EMAIL);
    expect((await login(locked.owner.email, TEST_PASSWORD)).status).toBe(429);
    const ok = await login(other.owner.email, TEST_PASSWORD);
    expect(ok.status).toBe(302);
    expect(ok.setCookie).toMatch(/^opentco_session=/);
  });

  it("lifts the lock once the failures leave the 15-minute window, and says how long is left", async () => {
    const org = await createTestOrganization();
    await failTimes(org.owner.email, MAX_FAILURES_PER_EMAIL);
    const emailHash = hashEmail(org.owner.email);

    // 10 minutes later: 5 minutes to go.
    await prisma.$executeRaw`UPDATE "LoginAttempt" SET "createdAt" = "createdAt" - interval '10 minutes' WHERE "emailHash" = ${emailHash}`;
    const stillLocked = await login(org.owner.email, TEST_PASSWORD);
    expect(stillLocked.status).toBe(429);
    expect(formErrorOf(stillLocked.body)).toBe("Too many failed log-ins for this email. Try again in 5 minutes.");

    await prisma.loginAttempt.updateMany({ where: { emailHash }, data: { createdAt: new Date(Date.now() - LOGIN_WINDOW_MS - 1000) } });
    const ok = await login(org.owner.email, TEST_PASSWORD);
    expect(ok.status).toBe(302);
    expect(await sessionCount(org.owner.id)).toBe(1);
  });

  it("stops counting failures before a success, without erasing them", async () => {
    const org = await createTestOrganization();
    await failTimes(org.owner.email, MAX_FAILURES_PER_EMAIL - 1);
    expect((await login(org.owner.email, TEST_PASSWORD)).status).toBe(302);
    await failTimes(org.owner.email, MAX_FAILURES_PER_EMAIL - 1);
    expect((await login(org.owner.email, TEST_PASSWORD)).status).toBe(302);
    const attempts = await prisma.loginAttempt.groupBy({ by: ["succeeded"], where: { emailHash: hashEmail(org.owner.email) }, _count: true });
    expect(Object.fromEntries(attempts.map((row) => [String(row.succeeded), row._count]))).toEqual({ false: 8, true: 2 });
  });

  it("lets no more than 5 of a parallel burst of guesses through to the password check", async () => {
    const email = createUniqueEmail("burst");
    const results = await Promise.all(Array.from({ length: 8 }, () => login(email, WRONG_PASSWORD)));
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
  });
});

describe("per-address ceiling", () => {
  it("refuses every email from an address with 50 failures in the window; other addresses are unaffected", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    const address = createUniqueAddress();
    const fromAddress = { "X-Forwarded-For": address };
    // 49 earlier failures for assorted emails, then the 50th through the route.
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ADDRESS - 1 }, () => ({ emailHash: hashEmail(createUniqueEmail("spray")), ip: address, createdAt: new Date(Date.now() - 60_000) })),
    });
    await failTimes(createUniqueEmail("spray"), 1, fromAddress);

    const org = await createTestOrganization();
    const locked = await login(org.owner.email, TEST_PASSWORD, fromAddress);
    expect(locked.status).toBe(429);
    // The lock lifts when the oldest of the 50 (a minute old) leaves the window.
    expect(formErrorOf(locked.body)).toBe("Too many failed log-ins from your network. Try again in 14 minutes.");
    expect(await sessionCount(org.owner.id)).toBe(0);
    // A client cannot step around it by prepending addresses: with one proxy the rightmost entry counts.
    expect((await login(org.owner.email, TEST_PASSWORD, { "X-Forwarded-For": `203.0.113.9, ${address}` })).status).toBe(429);

    expect((await login(org.owner.email, TEST_PASSWORD, { "X-Forwarded-For": createUniqueAddress() })).status).toBe(302);
  });

  it("ignores X-Forwarded-For unless TRUST_PROXY is set", async () => {
    vi.stubEnv("TRUST_PROXY", "");
    const email = createUniqueEmail("noproxy");
    await failTimes(email, 1, { "X-Forwarded-For": createUniqueAddress() });
    expect(await prisma.loginAttempt.findFirst({ where: { emailHash: hashEmail(email) } })).toMatchObject({ ip: null });
  });

  it("applies to sign-up, where a registered email with another password counts as a failure (ADR 013)", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    const address = createUniqueAddress();
    const existing = await createTestOrganization();
    const signup = (email: string) =>
      callAction(signupRoute.action, createPostRequest("/signup", { email, password: "a guessed password", orgName: "Probe", slug: createUniqueSlug("probe") }, undefined, { "X-Forwarded-For": address }));

    expect((await signup(existing.owner.email)).status).toBe(400);
    expect(await prisma.loginAttempt.count({ where: { ip: address, succeeded: false } })).toBe(1);

    await prisma.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ADDRESS - 1 }, () => ({ emailHash: hashEmail(createUniqueEmail("probe")), ip: address })),
    });
    const email = createUniqueEmail("newcomer");
    const refused = await signup(email);
    expect(refused.status).toBe(429);
    expect(formErrorOf(refused.body)).toBe(ADDRESS_LOCKED);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });
});

describe("housekeeping", () => {
  it("prunes attempts older than 24 hours at the next log-in attempt", async () => {
    const day = 24 * 60 * 60 * 1000;
    const oldHash = hashEmail(createUniqueEmail("old"));
    const recentHash = hashEmail(createUniqueEmail("recent"));
    await prisma.loginAttempt.createMany({
      data: [
        { emailHash: oldHash, createdAt: new Date(Date.now() - day - 60_000) },
        { emailHash: recentHash, createdAt: new Date(Date.now() - day + 60 * 60_000) },
      ],
    });
    await failTimes(createUniqueEmail("trigger"), 1);
    expect(await prisma.loginAttempt.count({ where: { emailHash: oldHash } })).toBe(0);
    expect(await prisma.loginAttempt.count({ where: { emailHash: recentHash } })).toBe(1);
  });

  it("reads the client address from X-Forwarded-For only as far as TRUST_PROXY allows", () => {
    const request = (xff?: string) => new Request(new URL("/login", TEST_ORIGIN), { headers: xff ? { "X-Forwarded-For": xff } : {} });
    vi.stubEnv("TRUST_PROXY", "false");
    expect(getClientAddress(request("192.0.2.1"))).toBeNull();
    vi.stubEnv("TRUST_PROXY", "true");
    expect(getClientAddress(request("192.0.2.1, 192.0.2.2"))).toBe("192.0.2.2");
    expect(getClientAddress(request())).toBeNull();
    expect(getClientAddress(request("not an address"))).toBeNull();
    vi.stubEnv("TRUST_PROXY", "2");
    expect(getClientAddress(request("192.0.2.1, 2001:DB8::1, 10.0.0.1"))).toBe("2001:db8::1");
    expect(getClientAddress(request("2001:db8::2"))).toBe("2001:db8::2");
    expect(() => getTrustedProxyCount("yes")).toThrow(/TRUST_PROXY/);
  });
});
