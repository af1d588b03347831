/**
 * What the fuzzed requests act on: per target a home organisation (owner, editor, viewer, a
 * scenario, a share link, an invitation) and a foreign one with the same, so "foreign ids" are real
 * ids of another tenant. Requests name these symbolically (`{ ref: "foreignScenarioId" }`) and are
 * resolved against the world as it is at that moment; a request that succeeded may have changed it
 * (deleted the scenario, revoked the link, renamed the organisation), so the target's `heal` puts
 * back what its action can take away.
 */
import { createHash, randomBytes } from "node:crypto";
import { createSession } from "~/auth/session.server.ts";
import { prisma } from "../factories/db.ts";
import { createInvitation } from "~/models/invitation.server.ts";
import { createScenario } from "~/models/scenario.server.ts";
import { createShareLink } from "~/models/share-link.server.ts";
import { getScenarioTemplate } from "~/templates/index.ts";
import { createTestMember, createTestOrganization, createTestUser, TEST_PASSWORD, type TestUser } from "../factories/index.ts";

export const AS_OF = "2026-12-01";

/** The blank template: two options, no tornado, no Monte Carlo; it computes in tens of milliseconds. */
export const BASE_SCENARIO = getScenarioTemplate("blank")?.inputs as Record<string, unknown>;

export type ActorName = "owner" | "editor" | "viewer" | "foreign" | "anonymous" | "revoked";

interface Session {
  cookie: string;
  /** The Session row's id: hex SHA-256 of the cookie's token. */
  id: string;
}

interface Tenant {
  org: { id: string; slug: string; name: string };
  owner: TestUser & { membershipId: string; session: Session };
  scenario: { id: string; name: string; latestRevision: number; fingerprint: string };
  share: { id: string; token: string };
  invitation: { id: string; token: string };
}

export interface World {
  home: Tenant & {
    editor: TestUser & { membershipId: string; session: Session };
    viewer: TestUser & { membershipId: string; session: Session };
    /** A second live session of the owner: ending it is allowed, ending the current one logs out. */
    ownerOtherSession: Session;
    /** A session that was revoked: its cookie is worth nothing. */
    revokedSession: Session;
    /** A user who logs in and signs up with TEST_PASSWORD; no organisation. */
    loginUser: TestUser;
  };
  foreign: Tenant;
  /** In the foreign tenant's names: a response to anyone but its members must never contain it. */
  marker: string;
  /**
   * Texts saying NaN or Infinity that an accepted request stored (an organisation named "Infinity",
   * a note): later answers may show them where the client put them (the organisation switcher).
   */
  chosen: Set<string>;
}

export const REF_NAMES = [
  "slug",
  "foreignSlug",
  "scenarioId",
  "foreignScenarioId",
  "revision",
  "scenarioName",
  "fingerprint",
  "foreignFingerprint",
  "shareToken",
  "foreignShareToken",
  "shareLinkId",
  "foreignShareLinkId",
  "invitationToken",
  "foreignInvitationToken",
  "invitationId",
  "foreignInvitationId",
  "membershipId",
  "ownMembershipId",
  "foreignMembershipId",
  "sessionId",
  "otherSessionId",
  "foreignSessionId",
  "email",
  "foreignEmail",
] as const;
export type RefName = (typeof REF_NAMES)[number];
/** Refs that are capabilities of the foreign tenant: whoever holds one may see its names. */
export const FOREIGN_CAPABILITIES: ReadonlySet<RefName> = new Set(["foreignShareToken", "foreignInvitationToken"]);

export function resolveRef(world: World, ref: RefName): string {
  const { home, foreign } = world;
  switch (ref) {
    case "slug":
      return home.org.slug;
    case "foreignSlug":
      return foreign.org.slug;
    case "scenarioId":
      return home.scenario.id;
    case "foreignScenarioId":
      return foreign.scenario.id;
    case "revision":
      return String(home.scenario.latestRevision);
    case "scenarioName":
      return home.scenario.name;
    case "fingerprint":
      return home.scenario.fingerprint;
    case "foreignFingerprint":
      return foreign.scenario.fingerprint;
    case "shareToken":
      return home.share.token;
    case "foreignShareToken":
      return foreign.share.token;
    case "shareLinkId":
      return home.share.id;
    case "foreignShareLinkId":
      return foreign.share.id;
    case "invitationToken":
      return home.invitation.token;
    case "foreignInvitationToken":
      return foreign.invitation.token;
    case "invitationId":
      return home.invitation.id;
    case "foreignInvitationId":
      return foreign.invitation.id;
    case "membershipId":
      return home.viewer.membershipId;
    case "ownMembershipId":
      return home.owner.membershipId;
    case "foreignMembershipId":
      return foreign.owner.membershipId;
    case "sessionId":
      return home.owner.session.id;
    case "otherSessionId":
      return home.ownerOtherSession.id;
    case "foreignSessionId":
      return foreign.owner.session.id;
    case "email":
      return home.loginUser.email;
    case "foreignEmail":
      return foreign.owner.email;
  }
}

/** The Cookie header of `actor`, or none. */
export function cookieOf(world: World, actor: ActorName): string | undefined {
  switch (actor) {
    case "owner":
      return world.home.owner.session.cookie;
    case "editor":
      return world.home.editor.session.cookie;
    case "viewer":
      return world.home.viewer.session.cookie;
    case "foreign":
      return world.foreign.owner.session.cookie;
    case "revoked":
      return world.home.revokedSession.cookie;
    case "anonymous":
      return undefined;
  }
}

async function openSession(userId: string): Promise<Session> {
  const cookie = (await createSession(userId)).split(";")[0] ?? "";
  const token = cookie.slice(cookie.indexOf("=") + 1);
  return { cookie, id: createHash("sha256").update(token).digest("hex") };
}

async function addScenario(org: { id: string }, userId: string, name: string): Promise<Tenant["scenario"]> {
  const created = await createScenario({ orgId: org.id, userId, inputs: { ...BASE_SCENARIO, name }, asOf: AS_OF });
  if (!created.ok) throw new Error(`the base scenario does not parse: ${JSON.stringify(created.issues)}`);
  return readScenario(created.scenarioId);
}

async function readScenario(scenarioId: string): Promise<Tenant["scenario"]> {
  const scenario = await prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { id: true, name: true, latestRevisionNumber: true } });
  const revision = await prisma.scenarioRevision.findFirstOrThrow({ where: { scenarioId, number: scenario.latestRevisionNumber }, select: { fingerprint: true } });
  return { id: scenario.id, name: scenario.name, latestRevision: scenario.latestRevisionNumber, fingerprint: revision.fingerprint };
}

async function addShareLink(org: { id: string }, userId: string, scenarioId: string): Promise<Tenant["share"]> {
  const link = await createShareLink({ orgId: org.id, userId, scenarioId, label: "Prospect", revisionNumber: 1, followLatest: true, expiresInDays: 30, allowPdf: true });
  if (!link) throw new Error("share link not created");
  return { id: link.linkId, token: link.token };
}

async function addInvitation(org: { id: string }, userId: string): Promise<Tenant["invitation"]> {
  const { token } = await createInvitation({ orgId: org.id, actor: { userId, role: "owner" }, role: "editor" });
  const invitation = await prisma.invitation.findFirstOrThrow({ where: { orgId: org.id }, orderBy: { createdAt: "desc" }, select: { id: true } });
  return { id: invitation.id, token };
}

async function createTenant(label: string): Promise<Tenant> {
  const created = await createTestOrganization({ name: `${label} Org` });
  const membership = await prisma.membership.findFirstOrThrow({ where: { orgId: created.id, userId: created.owner.id }, select: { id: true } });
  const owner = { ...created.owner, membershipId: membership.id, session: await openSession(created.owner.id) };
  const org = { id: created.id, slug: created.slug, name: created.name };
  const scenario = await addScenario(org, owner.id, `${label} plan`);
  return { org, owner, scenario, share: await addShareLink(org, owner.id, scenario.id), invitation: await addInvitation(org, owner.id) };
}

export async function createWorld(): Promise<World> {
  const marker = `FOREIGN${randomBytes(4).toString("hex").toUpperCase()}`;
  const tenant = await createTenant("Home");
  const editor = await createTestMember(tenant.org, "editor");
  const viewer = await createTestMember(tenant.org, "viewer");
  const revokedSession = await openSession(tenant.owner.id);
  await prisma.session.update({ where: { id: revokedSession.id }, data: { revokedAt: new Date() } });
  const home = {
    ...tenant,
    editor: { ...editor, session: await openSession(editor.id) },
    viewer: { ...viewer, session: await openSession(viewer.id) },
    ownerOtherSession: await openSession(tenant.owner.id),
    revokedSession,
    loginUser: await createTestUser("login"),
  };
  return { home, foreign: await createTenant(marker), marker, chosen: new Set() };
}

/** Every password the fuzz sends that is right for somebody. */
export const KNOWN_PASSWORD = TEST_PASSWORD;

// ————— Healing: what a successful request of each kind may have taken away —————

/** Sessions ended (log-out, "end", "end-others"): each actor gets a live one again. */
export async function healSessions(world: World): Promise<void> {
  const { home, foreign } = world;
  const holders = [home.owner, home.editor, home.viewer, foreign.owner];
  const live = new Set(
    (await prisma.session.findMany({ where: { id: { in: [...holders.map((h) => h.session.id), home.ownerOtherSession.id] }, revokedAt: null }, select: { id: true } })).map((s) => s.id),
  );
  for (const holder of holders) if (!live.has(holder.session.id)) holder.session = await openSession(holder.id);
  if (!live.has(home.ownerOtherSession.id)) home.ownerOtherSession = await openSession(home.owner.id);
}

/** Settings: the home organisation renamed, moved to another slug, or deleted (then it is made anew). */
export async function healOrganization(world: World): Promise<void> {
  const org = await prisma.organization.findUnique({ where: { id: world.home.org.id }, select: { slug: true, name: true } });
  if (org) {
    world.home.org.slug = org.slug;
    world.home.org.name = org.name;
    return;
  }
  const fresh = await createWorld();
  world.home = fresh.home;
}

/** Members: roles changed, members removed, invitations revoked or accepted, someone joined the foreign tenant. */
export async function healMemberships(world: World): Promise<void> {
  const { home, foreign } = world;
  for (const [member, role] of [
    [home.owner, "owner"],
    [home.editor, "editor"],
    [home.viewer, "viewer"],
  ] as const) {
    const membership = await prisma.membership.upsert({
      where: { orgId_userId: { orgId: home.org.id, userId: member.id } },
      create: { orgId: home.org.id, userId: member.id, role },
      update: { role },
      select: { id: true },
    });
    member.membershipId = membership.id;
  }
  await prisma.membership.deleteMany({ where: { orgId: home.org.id, userId: foreign.owner.id } });
  await prisma.membership.deleteMany({ where: { orgId: foreign.org.id, userId: { not: foreign.owner.id } } });
  await prisma.membership.updateMany({ where: { orgId: foreign.org.id, userId: foreign.owner.id }, data: { role: "owner" } });
  for (const tenant of [home, foreign]) {
    const invitation = await prisma.invitation.findUnique({ where: { id: tenant.invitation.id }, select: { acceptedAt: true, revokedAt: true } });
    if (!invitation || invitation.acceptedAt || invitation.revokedAt) tenant.invitation = await addInvitation(tenant.org, tenant.owner.id);
  }
}

/** The scenario page: archived, renamed, deleted, or new revisions saved. */
export async function healScenario(world: World): Promise<void> {
  const { home } = world;
  const scenario = await prisma.scenario.findUnique({ where: { id: home.scenario.id }, select: { archivedAt: true } });
  if (!scenario) {
    home.scenario = await addScenario(home.org, home.owner.id, "Home plan");
    home.share = await addShareLink(home.org, home.owner.id, home.scenario.id);
    return;
  }
  if (scenario.archivedAt) await prisma.scenario.update({ where: { id: home.scenario.id }, data: { archivedAt: null } });
  home.scenario = await readScenario(home.scenario.id);
}

/** Share links: the home link revoked. */
export async function healShareLinks(world: World): Promise<void> {
  const { home } = world;
  const link = await prisma.shareLink.findUnique({ where: { id: home.share.id }, select: { revokedAt: true } });
  if (!link || link.revokedAt) home.share = await addShareLink(home.org, home.owner.id, home.scenario.id);
}
