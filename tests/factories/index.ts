/**
 * Test data through the real models: every call makes fresh users and organisations with unique
 * emails and slugs, so tests never depend on each other's rows. One argon2id hash (OWASP parameters)
 * of TEST_PASSWORD is computed per worker and reused, which keeps the suite fast without weakening
 * the production parameters.
 */
import { randomBytes } from "node:crypto";
import type { Role } from "~/domain/roles.ts";
import { hashPassword } from "~/models/password.server.ts";
import { createUser, createUserWithOrganization } from "~/models/user.server.ts";
import * as loginRoute from "~/routes/login.tsx";
import { prisma } from "./db.ts";
import { callAction, createPostRequest } from "./requests.ts";

export const TEST_PASSWORD = "correct horse battery staple";

let passwordHash: Promise<string> | undefined;
function getPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export function createUniqueSlug(prefix = "t"): string {
  return `${prefix}-${randomBytes(6).toString("hex")}`;
}

export function createUniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(6).toString("hex")}@example.test`;
}

export type TestUser = { id: string; email: string };
export type TestOrganization = { id: string; slug: string; name: string; owner: TestUser };

export async function createTestOrganization({ name = "Test Org" }: { name?: string } = {}): Promise<TestOrganization> {
  const email = createUniqueEmail("owner");
  const slug = createUniqueSlug();
  const created = await createUserWithOrganization({ email, password: TEST_PASSWORD, orgName: name, slug }, { passwordHash: await getPasswordHash() });
  return { id: created.orgId, slug, name, owner: { id: created.userId, email } };
}

export async function createTestUser(prefix = "user"): Promise<TestUser> {
  return createUser({ email: createUniqueEmail(prefix), password: TEST_PASSWORD }, { passwordHash: await getPasswordHash() });
}

/** A new user who is a member of `org` with `role`. */
export async function createTestMember(org: { id: string }, role: Role): Promise<TestUser & { membershipId: string }> {
  const user = await createTestUser(role);
  const membership = await prisma.membership.create({ data: { orgId: org.id, userId: user.id, role }, select: { id: true } });
  return { ...user, membershipId: membership.id };
}

/** Logs in through the real /login action and returns the Cookie header value it set. */
export async function loginAs(user: { email: string }, password = TEST_PASSWORD): Promise<string> {
  const result = await callAction(loginRoute.action, createPostRequest("/login", { email: user.email, password, redirectTo: "/" }));
  if (result.status !== 302 || !result.setCookie) throw new Error(`login of ${user.email} failed with ${result.status}`);
  return result.setCookie.split(";")[0] ?? "";
}
