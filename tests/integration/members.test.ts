/** Roles, membership management and invitations through the real routes. */
import { describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import * as inviteRoute from "~/routes/invite.$token.tsx";
import * as membersRoute from "~/routes/o.$slug.members.tsx";
import * as overviewRoute from "~/routes/o.$slug._index.tsx";
import * as settingsRoute from "~/routes/o.$slug.settings.tsx";
import { createTestMember, createTestOrganization, createTestUser, createUniqueEmail, loginAs, TEST_PASSWORD, type TestOrganization } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest } from "../factories/requests.ts";

function postMembers(org: TestOrganization, cookie: string, fields: Record<string, string>) {
  return callAction(membersRoute.action, createPostRequest(`/o/${org.slug}/members`, fields, cookie), { slug: org.slug });
}

function postSettings(org: TestOrganization, cookie: string, fields: Record<string, string>) {
  return callAction(settingsRoute.action, createPostRequest(`/o/${org.slug}/settings`, fields, cookie), { slug: org.slug });
}

async function createInviteToken(org: TestOrganization, cookie: string, role = "editor"): Promise<string> {
  const result = await postMembers(org, cookie, { intent: "invite", role });
  expect(result.status).toBe(200);
  const link = (result.body as { inviteLink: string }).inviteLink;
  expect(link).toMatch(/^http:\/\/opentco\.test\/invite\/[A-Za-z0-9_-]{43}$/);
  return link.split("/").pop()!;
}

function postInvite(token: string, fields: Record<string, string>, cookie?: string) {
  return callAction(inviteRoute.action, createPostRequest(`/invite/${token}`, fields, cookie), { token });
}

function formErrorOf(body: unknown): string | undefined {
  return (body as { failure?: { formError?: string } }).failure?.formError;
}

describe("roles", () => {
  it("a viewer and an editor can read but every membership or settings change answers 404 and changes nothing", async () => {
    const org = await createTestOrganization();
    const target = await createTestMember(org, "viewer");
    for (const role of ["viewer", "editor"] as const) {
      const member = await createTestMember(org, role);
      const cookie = await loginAs(member);
      expect((await callLoader(overviewRoute.loader, createGetRequest(`/o/${org.slug}`, cookie), { slug: org.slug })).status).toBe(200);
      expect((await callLoader(membersRoute.loader, createGetRequest(`/o/${org.slug}/members`, cookie), { slug: org.slug })).status).toBe(200);
      expect((await callLoader(settingsRoute.loader, createGetRequest(`/o/${org.slug}/settings`, cookie), { slug: org.slug })).status).toBe(404);

      const attempts = [
        postMembers(org, cookie, { intent: "invite", role: "viewer" }),
        postMembers(org, cookie, { intent: "change-role", membershipId: target.membershipId, role: "admin" }),
        postMembers(org, cookie, { intent: "change-role", membershipId: member.membershipId, role: "owner" }),
        postMembers(org, cookie, { intent: "remove", membershipId: target.membershipId }),
        postSettings(org, cookie, { intent: "update", name: "Renamed", slug: org.slug, defaultCurrency: "EUR" }),
        postSettings(org, cookie, { intent: "delete", confirmation: org.slug }),
      ];
      for (const result of await Promise.all(attempts)) expect(result.status).toBe(404);
    }
    const after = await prisma.organization.findUniqueOrThrow({ where: { id: org.id }, include: { memberships: true, invitations: true } });
    expect(after.name).toBe(org.name);
    expect(after.defaultCurrency).toBe("USD");
    expect(after.invitations).toHaveLength(0);
    expect(after.memberships.find((m) => m.id === target.membershipId)?.role).toBe("viewer");
  });

  it("an admin manages members but cannot grant, change or remove the owner role, nor delete the organisation", async () => {
    const org = await createTestOrganization();
    const admin = await createTestMember(org, "admin");
    const editor = await createTestMember(org, "editor");
    const cookie = await loginAs(admin);
    const ownerMembership = await prisma.membership.findFirstOrThrow({ where: { orgId: org.id, userId: org.owner.id } });

    expect((await postMembers(org, cookie, { intent: "change-role", membershipId: editor.membershipId, role: "admin" })).status).toBe(200);
    const promote = await postMembers(org, cookie, { intent: "change-role", membershipId: editor.membershipId, role: "owner" });
    expect(promote.status).toBe(409);
    expect(formErrorOf(promote.body)).toBe("Role: only an owner can grant, change or take away the owner role");
    expect((await postMembers(org, cookie, { intent: "remove", membershipId: ownerMembership.id })).status).toBe(409);
    const inviteOwner = await postMembers(org, cookie, { intent: "invite", role: "owner" });
    expect(inviteOwner.status).toBe(409);
    expect((inviteOwner.body as { failure: { fieldErrors: Record<string, string> } }).failure.fieldErrors.role).toBe("Role: only an owner can invite an owner");
    expect((await postSettings(org, cookie, { intent: "delete", confirmation: org.slug })).status).toBe(404);

    const roles = await prisma.membership.findMany({ where: { orgId: org.id }, select: { id: true, role: true } });
    expect(roles.find((m) => m.id === editor.membershipId)?.role).toBe("admin");
    expect(roles.filter((m) => m.role === "owner")).toHaveLength(1);
    expect(await prisma.auditEvent.findFirst({ where: { orgId: org.id, action: "member.role_changed" } })).toMatchObject({
      actorUserId: admin.id,
      target: editor.email,
      metadata: { from: "editor", to: "admin" },
    });
  });

  it("a member with an invalid role or an unknown membership gets a clear error or a 404", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const badRole = await postMembers(org, cookie, { intent: "invite", role: "superuser" });
    expect(badRole.status).toBe(400);
    expect((badRole.body as { failure: { fieldErrors: Record<string, string> } }).failure.fieldErrors.role).toBe("Role: one of viewer, editor, admin, owner");
    expect((await postMembers(org, cookie, { intent: "remove", membershipId: "c00000000000000000000000" })).status).toBe(404);
    expect((await postMembers(org, cookie, { intent: "dance" })).status).toBe(400);
  });
});

describe("membership changes", () => {
  it("a removed member loses access on the very next request", async () => {
    const org = await createTestOrganization();
    const member = await createTestMember(org, "editor");
    const memberCookie = await loginAs(member);
    const read = () => callLoader(overviewRoute.loader, createGetRequest(`/o/${org.slug}`, memberCookie), { slug: org.slug });
    expect((await read()).status).toBe(200);

    const removal = await postMembers(org, await loginAs(org.owner), { intent: "remove", membershipId: member.membershipId });
    expect(removal.status).toBe(200);
    expect((await read()).status).toBe(404);
    expect(await prisma.auditEvent.findFirst({ where: { orgId: org.id, action: "member.removed" } })).toMatchObject({ actorUserId: org.owner.id, target: member.email });
  });

  it("the last owner can be neither demoted nor removed; with a second owner both work", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const own = await prisma.membership.findFirstOrThrow({ where: { orgId: org.id, userId: org.owner.id } });

    const demote = await postMembers(org, cookie, { intent: "change-role", membershipId: own.id, role: "admin" });
    expect(demote.status).toBe(409);
    expect(formErrorOf(demote.body)).toBe("Role: the last owner cannot be demoted — make someone else owner first");
    const remove = await postMembers(org, cookie, { intent: "remove", membershipId: own.id });
    expect(remove.status).toBe(409);
    expect(formErrorOf(remove.body)).toBe("Member: the last owner cannot be removed — make someone else owner first");
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: own.id } })).role).toBe("owner");

    const second = await createTestMember(org, "owner");
    expect((await postMembers(org, cookie, { intent: "change-role", membershipId: own.id, role: "admin" })).status).toBe(200);
    // Now `second` is the last owner, and the demoted first owner (an admin) cannot touch them.
    expect((await postMembers(org, cookie, { intent: "remove", membershipId: second.membershipId })).status).toBe(409);
  });

  it("removing yourself sends you home", async () => {
    const org = await createTestOrganization();
    const admin = await createTestMember(org, "admin");
    const result = await postMembers(org, await loginAs(admin), { intent: "remove", membershipId: admin.membershipId });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
  });
});

describe("invitations", () => {
  it("stores only the token's hash; a new user signs up on the link and joins with the invited role", async () => {
    const org = await createTestOrganization();
    const token = await createInviteToken(org, await loginAs(org.owner), "editor");
    expect(await prisma.invitation.count({ where: { tokenHash: token } })).toBe(0);

    const preview = await callLoader(inviteRoute.loader, createGetRequest(`/invite/${token}`), { token });
    expect(preview.body).toMatchObject({ preview: { ok: true, invitation: { orgName: org.name, orgSlug: org.slug, role: "editor" } }, user: null });

    const email = createUniqueEmail("newcomer");
    const joined = await postInvite(token, { intent: "signup", email, password: TEST_PASSWORD });
    expect(joined.status).toBe(302);
    expect(joined.location).toBe(`/o/${org.slug}`);
    expect(joined.setCookie).toMatch(/^opentco_session=/);
    const membership = await prisma.membership.findFirstOrThrow({ where: { orgId: org.id, user: { email } } });
    expect(membership.role).toBe("editor");
    expect(await prisma.auditEvent.findFirst({ where: { orgId: org.id, action: "member.joined" } })).toMatchObject({ target: email, metadata: { role: "editor" } });

    // Single use: the same link again, as anyone, is refused with a clear message.
    const reuse = await postInvite(token, { intent: "signup", email: createUniqueEmail(), password: TEST_PASSWORD });
    expect(reuse.status).toBe(410);
    expect(formErrorOf(reuse.body)).toBe("Invitation: this link has already been used");
    const reusedPreview = await callLoader(inviteRoute.loader, createGetRequest(`/invite/${token}`), { token });
    expect(reusedPreview.status).toBe(404);
    expect(reusedPreview.body).toMatchObject({ preview: { ok: false, problem: "used", message: "Invitation: this link has already been used" } });
    const unknownPreview = await callLoader(inviteRoute.loader, createGetRequest(`/invite/${"A".repeat(43)}`), { token: "A".repeat(43) });
    expect(unknownPreview).toMatchObject({ status: 404, body: { preview: { ok: false, problem: "unknown" } } });
  });

  it("an invitation may name its invitee: the pending list, the audit trail and the invitation page use the email, not an id", async () => {
    const org = await createTestOrganization();
    const cookie = await loginAs(org.owner);
    const invited = await postMembers(org, cookie, { intent: "invite", role: "viewer", email: " Invitee@Example.TEST " });
    expect(invited).toMatchObject({ status: 200, body: { invitedEmail: "invitee@example.test" } });
    const token = (invited.body as { inviteLink: string }).inviteLink.split("/").pop()!;
    expect((await postMembers(org, cookie, { intent: "invite", role: "viewer", email: "" })).status).toBe(200);
    expect((await postMembers(org, cookie, { intent: "invite", role: "viewer", email: "not an address" })).body).toMatchObject({ failure: { fieldErrors: { email: "Email: must be a valid address" } } });

    const page = await callLoader(membersRoute.loader, createGetRequest(`/o/${org.slug}/members`, cookie), { slug: org.slug });
    const invitations = (page.body as { invitations: { id: string; email: string | null }[] }).invitations;
    expect(invitations.map((invitation) => invitation.email).sort()).toEqual(["invitee@example.test", null]);
    const preview = await callLoader(inviteRoute.loader, createGetRequest(`/invite/${token}`), { token });
    expect(preview.body).toMatchObject({ preview: { ok: true, invitation: { email: "invitee@example.test" } } });

    const named = invitations.find((invitation) => invitation.email !== null)!;
    expect((await postMembers(org, cookie, { intent: "revoke", invitationId: named.id })).status).toBe(200);
    const events = await prisma.auditEvent.findMany({ where: { orgId: org.id, action: { in: ["member.invited", "member.invitation_revoked"] } }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.action, event.target])).toEqual([
      ["member.invited", "invitee@example.test"],
      ["member.invited", "viewer invitation (no email given)"],
      ["member.invitation_revoked", "invitee@example.test"],
    ]);
  });

  it("only an owner revokes an owner invitation: an admin gets 409 and it stays pending", async () => {
    const org = await createTestOrganization();
    const ownerCookie = await loginAs(org.owner);
    await createInviteToken(org, ownerCookie, "owner");
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { orgId: org.id } });
    const admin = await createTestMember(org, "admin");
    const adminCookie = await loginAs(admin);

    const page = await callLoader(membersRoute.loader, createGetRequest(`/o/${org.slug}/members`, adminCookie), { slug: org.slug });
    expect((page.body as { grantableRoles: string[] }).grantableRoles).not.toContain("owner");
    const refused = await postMembers(org, adminCookie, { intent: "revoke", invitationId: invitation.id });
    expect(refused.status).toBe(409);
    expect(formErrorOf(refused.body)).toBe("Only an owner can revoke an owner invitation");
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();

    expect((await postMembers(org, ownerCookie, { intent: "revoke", invitationId: invitation.id })).status).toBe(200);
  });

  it("an existing user logged in elsewhere joins a second organisation and can switch between them", async () => {
    const [home, other] = await Promise.all([createTestOrganization({ name: "Home" }), createTestOrganization({ name: "Other" })]);
    const user = await createTestMember(home, "viewer");
    const token = await createInviteToken(other, await loginAs(other.owner), "admin");
    const cookie = await loginAs(user);
    const joined = await postInvite(token, { intent: "join" }, cookie);
    expect(joined.status).toBe(302);
    expect(joined.location).toBe(`/o/${other.slug}`);
    const layout = await import("~/routes/o.$slug.tsx");
    const result = await callLoader(layout.loader, createGetRequest(`/o/${other.slug}`, cookie), { slug: other.slug });
    expect((result.body as { organizations: { slug: string; role: string }[] }).organizations).toEqual(
      expect.arrayContaining([
        { name: "Home", slug: home.slug, role: "viewer" },
        { name: "Other", slug: other.slug, role: "admin" },
      ]),
    );
  });

  it("refuses expired, revoked and unknown links, an email already registered, and joining twice", async () => {
    const org = await createTestOrganization();
    const ownerCookie = await loginAs(org.owner);

    const expired = await createInviteToken(org, ownerCookie);
    await prisma.invitation.updateMany({ where: { orgId: org.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const refusedEmail = createUniqueEmail("refused");
    const expiredResult = await postInvite(expired, { intent: "signup", email: refusedEmail, password: TEST_PASSWORD });
    expect(expiredResult.status).toBe(410);
    expect(formErrorOf(expiredResult.body)).toBe("Invitation: this link has expired — ask for a new one");
    // Account creation and acceptance share one transaction: a refused link leaves no orphan user.
    expect(await prisma.user.count({ where: { email: refusedEmail } })).toBe(0);

    const revoked = await createInviteToken(org, ownerCookie);
    const pending = await prisma.invitation.findFirstOrThrow({ where: { orgId: org.id, expiresAt: { gt: new Date() } } });
    expect((await postMembers(org, ownerCookie, { intent: "revoke", invitationId: pending.id })).status).toBe(200);
    expect(formErrorOf((await postInvite(revoked, { intent: "signup", email: createUniqueEmail(), password: TEST_PASSWORD })).body)).toBe(
      "Invitation: this link was revoked — ask for a new one",
    );
    expect(formErrorOf((await postInvite("A".repeat(43), { intent: "signup", email: createUniqueEmail(), password: TEST_PASSWORD })).body)).toBe(
      "Invitation: this link is not valid — ask for a new one",
    );

    const fresh = await createInviteToken(org, ownerCookie);
    const existing = await createTestUser();
    const taken = await postInvite(fresh, { intent: "signup", email: existing.email, password: TEST_PASSWORD });
    expect(taken.status).toBe(409);
    expect((taken.body as { failure: { fieldErrors: Record<string, string> } }).failure.fieldErrors.email).toBe(
      "Email: already registered — log in instead with that account to accept",
    );
    const short = await postInvite(fresh, { intent: "signup", email: createUniqueEmail(), password: "short" });
    expect((short.body as { failure: { fieldErrors: Record<string, string> } }).failure.fieldErrors.password).toBe("Password: at least 12 characters");

    const twice = await postInvite(fresh, { intent: "join" }, ownerCookie);
    expect(twice.status).toBe(409);
    expect(formErrorOf(twice.body)).toBe("Invitation: you are already a member of this organisation");
    // The refused acceptance rolled back: the link still works for the person it was meant for.
    expect((await prisma.invitation.findFirstOrThrow({ where: { orgId: org.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } })).acceptedAt).toBeNull();
  });

  it("only one of two simultaneous acceptances of the same link succeeds", async () => {
    const org = await createTestOrganization();
    const token = await createInviteToken(org, await loginAs(org.owner));
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    const [cookieA, cookieB] = await Promise.all([loginAs(a), loginAs(b)]);
    const results = await Promise.all([postInvite(token, { intent: "join" }, cookieA), postInvite(token, { intent: "join" }, cookieB)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 410]);
    expect(await prisma.membership.count({ where: { orgId: org.id, userId: { in: [a.id, b.id] } } })).toBe(1);
  });
});
