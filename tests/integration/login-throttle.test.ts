/**
 * Brute-force throttle on log-in, sign-up and invitation accepts (ADR 004, "Brute force") through the
 * real routes and Postgres. The client address is the one the app's server passes in the load context
 * (the factories read it from X-Forwarded-For); tests/integration/client-address.test.ts covers how
 * the real server resolves it.
 */
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { createInvitation } from "~/models/invitation.server.ts";
import {
  hashEmail,
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_EMAIL_ALL_ADDRESSES,
} from "~/models/login-attempt.server.ts";
import * as inviteRoute from "~/routes/invite.$token.tsx";
import * as loginRoute from "~/routes/login.tsx";
import * as signupRoute from "~/routes/signup.tsx";
import { createTestOrganization, createUniqueEmail, createUniqueSlug, TEST_PASSWORD } from "../factories/index.ts";
import { callAction, createPostRequest } from "../factories/requests.ts";

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

/** A fresh benchmarking-range address, so tests never share a per-address count. */
function createUniqueAddress(): string {
  return `198.${randomInt(18, 20)}.${randomInt(0, 256)}.${randomInt(0, 256)}`;
}

/** An address with no attempts on record: earlier runs' rows of a drawn address are removed first. */
async function createCleanAddress(): Promise<string> {
  const address = createUniqueAddress();
  await prisma.loginAttempt.deleteMany({ where: { ip: address } });
  return address;
}

async function sessionCount(userId: string): Promise<number> {
  return prisma.session.count({ where: { userId } });
}

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

describe("locks key on the account and the address", () => {
  it("a stranger's wrong guesses lock the email for the stranger only: its owner still logs in from elsewhere", async () => {
    const org = await createTestOrganization();
    const stranger = { "X-Forwarded-For": createUniqueAddress() };
    await failTimes(org.owner.email, MAX_FAILURES_PER_EMAIL, stranger);
    expect((await login(org.owner.email, TEST_PASSWORD, stranger)).status).toBe(429);

    const owner = await login(org.owner.email, TEST_PASSWORD, { "X-Forwarded-For": createUniqueAddress() });
    expect(owner.status).toBe(302);
    expect(await sessionCount(org.owner.id)).toBe(1);
    // The attempt to lock the owner out is still audited.
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "auth.locked_out" } })).toBe(1);
  });

  it(`refuses an email from every address once ${MAX_FAILURES_PER_EMAIL_ALL_ADDRESSES} failures came from many`, async () => {
    const org = await createTestOrganization();
    const emailHash = hashEmail(org.owner.email);
    await prisma.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_EMAIL_ALL_ADDRESSES }, () => ({ emailHash, ip: createUniqueAddress(), createdAt: new Date(Date.now() - 60_000) })),
    });
    const refused = await login(org.owner.email, TEST_PASSWORD, { "X-Forwarded-For": createUniqueAddress() });
    expect(refused.status).toBe(429);
    expect(formErrorOf(refused.body)).toBe("Too many failed log-ins for this email. Try again in 14 minutes.");
  });
});

describe("per-address ceiling", () => {
  it("refuses every email from an address with 50 failures in the window; other addresses are unaffected", async () => {
    const address = await createCleanAddress();
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

    expect((await login(org.owner.email, TEST_PASSWORD, { "X-Forwarded-For": createUniqueAddress() })).status).toBe(302);
  });

  it(`stops sign-ups from an address with ${MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP} failures: probing registered emails is counted (ADR 013)`, async () => {
    const address = await createCleanAddress();
    const registered = await Promise.all(Array.from({ length: MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP }, () => createTestOrganization()));
    const signup = (email: string) =>
      callAction(signupRoute.action, createPostRequest("/signup", { email, password: "a guessed password", orgName: "Probe", slug: createUniqueSlug("probe") }, undefined, { "X-Forwarded-For": address }));

    // One probe each for different registered emails: no single email is ever locked.
    for (const [i, org] of registered.entries()) expect((await signup(org.owner.email)).status, `probe ${i + 1}`).toBe(400);
    expect(await prisma.loginAttempt.count({ where: { ip: address, succeeded: false } })).toBe(MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP);

    const email = createUniqueEmail("newcomer");
    const refused = await signup(email);
    expect(refused.status).toBe(429);
    expect(formErrorOf(refused.body)).toBe(ADDRESS_LOCKED);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    // Log-in keeps its own, higher ceiling.
    expect((await login(registered[0]!.owner.email, TEST_PASSWORD, { "X-Forwarded-For": address })).status).toBe(302);
  });

  it("throttles invitation accepts the same way: a registered email or a dead link counts, then 429", async () => {
    const address = await createCleanAddress();
    const org = await createTestOrganization();
    const { token } = await createInvitation({ orgId: org.id, actor: { userId: org.owner.id, role: "owner" }, role: "viewer", email: null });
    const accept = (linkToken: string, email: string) =>
      callAction(inviteRoute.action, createPostRequest(`/invite/${linkToken}`, { intent: "signup", email, password: TEST_PASSWORD }, undefined, { "X-Forwarded-For": address }), { token: linkToken });

    expect((await accept(token, org.owner.email)).status).toBe(409);
    for (let i = 1; i < MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP; i++) expect((await accept(`dead-link-${i}`, createUniqueEmail("invitee"))).status).toBe(410);
    const refused = await accept(token, createUniqueEmail("invitee"));
    expect(refused.status).toBe(429);
    expect(await prisma.invitation.count({ where: { orgId: org.id, acceptedAt: { not: null } } })).toBe(0);
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
});
