/**
 * Tenant isolation across every organisation-scoped route module (app/routes/o.$slug*), ADR 003:
 * - foreign slug: a member of organisation A gets 404 for each loader and action of organisation B,
 *   read and write, exactly as for an organisation that does not exist;
 * - own slug, foreign id: under A's own URL, B's ids — a scenario in the path, a membership, an
 *   invitation or a share link in a form, a scenario in the query — answer 404 and change nothing.
 * New route files are picked up automatically, and a new id-named form field fails the completeness
 * check until it has a case here. The scenario page's own intents are covered in depth by
 * scenario-tenancy.test.ts.
 */
import { refuseWritingMethods } from "~/utils/resource-route.server.ts";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { createInvitation } from "~/models/invitation.server.ts";
import { createShareLink } from "~/models/share-link.server.ts";
import { createTestMember, createTestOrganization, loginAs, type TestOrganization } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest } from "../factories/requests.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

type RouteModule = { loader?: (args: LoaderFunctionArgs) => unknown; action?: (args: ActionFunctionArgs) => unknown };

const routesDir = fileURLToPath(new URL("../../app/routes/", import.meta.url));
const tenantRouteFiles = readdirSync(routesDir)
  .filter((file) => /^o\.\$slug(\.|\[|_|$)/.test(file) && /\.tsx?$/.test(file))
  .sort();
const modules = new Map<string, RouteModule>(await Promise.all(tenantRouteFiles.map(async (file) => [file, (await import(path.join(routesDir, file))) as RouteModule] as const)));
// A read-only resource route's action only answers 405 to every caller (refuseWritingMethods): it
// reads nothing, so it has nothing to keep from another organisation.
const filesWith = (kind: "loader" | "action") => tenantRouteFiles.filter((file) => modules.get(file)?.[kind] !== undefined && modules.get(file)?.[kind] !== refuseWritingMethods);
const withIdParam = (files: string[]) => files.filter((file) => file.includes(".$id"));
const loaderFiles = filesWith("loader");
const actionFiles = filesWith("action");

/** An id nobody owns, for the `$id` of routes whose organisation check comes first. */
const UNOWNED_ID = "c00000000000000000000000";

/** "o.$slug.scenarios.$id.tsx" → URL path for the slug and the params of every `$name` segment. */
function getRouteTarget(file: string, slug: string, id = UNOWNED_ID): { url: string; params: Record<string, string> } {
  const segments = file.replace(/\.tsx?$/, "").split(".");
  const params: Record<string, string> = {};
  const parts: string[] = [];
  for (const segment of segments) {
    if (segment === "_index" || segment.startsWith("_")) continue;
    if (segment === "$slug") {
      params.slug = slug;
      parts.push(slug);
    } else if (segment === "$") {
      params["*"] = "anything";
      parts.push("anything");
    } else if (segment.startsWith("$")) {
      params[segment.slice(1)] = id;
      parts.push(id);
    } else {
      parts.push(segment.replace(/\[|\]/g, ""));
    }
  }
  return { url: `/${parts.join("/")}`, params };
}

let orgA: TestOrganization;
let orgB: TestOrganization;
let ownerACookie: string;
let ownerBCookie: string;
/** Organisation B's rows that A's owner aims at with B's ids. */
let foreign: { membershipId: string; invitationId: string; scenarioId: string; linkId: string };

const example = readExample("four-options-60-months");

beforeAll(async () => {
  [orgA, orgB] = await Promise.all([createTestOrganization({ name: "Org A" }), createTestOrganization({ name: "Org B" })]);
  [ownerACookie, ownerBCookie] = await Promise.all([loginAs(orgA.owner), loginAs(orgB.owner)]);
  const member = await createTestMember(orgB, "viewer");
  await createInvitation({ orgId: orgB.id, actor: { userId: orgB.owner.id, role: "owner" }, role: "editor", email: null });
  const invitation = await prisma.invitation.findFirstOrThrow({ where: { orgId: orgB.id } });
  const scenarioId = await createTestScenario(orgB, { ...example, name: "B's scenario" });
  const link = await createShareLink({ orgId: orgB.id, userId: orgB.owner.id, scenarioId, label: "B's prospect", revisionNumber: 1, followLatest: false, expiresInDays: 30, allowPdf: true });
  if (!link) throw new Error("B's share link not created");
  foreign = { membershipId: member.membershipId, invitationId: invitation.id, scenarioId, linkId: link.linkId };
});

/** Plausible mutation bodies for every intent a tenant route knows. */
function formBodies(): Record<string, string>[] {
  return [
    {},
    { intent: "invite", role: "owner" },
    { intent: "change-role", membershipId: foreign.membershipId, role: "owner" },
    { intent: "remove", membershipId: foreign.membershipId },
    { intent: "revoke", invitationId: foreign.invitationId, linkId: foreign.linkId },
    { intent: "revoke-all" },
    { intent: "update", name: "Taken over", slug: "taken-over", defaultCurrency: "EUR" },
    { intent: "delete", confirmation: orgB.slug, confirmName: "B's scenario" },
    { intent: "create", label: "Taken over", mode: "follow", revision: "1", expiresInDays: "365" },
    { intent: "rename", name: "Taken over" },
    { intent: "archive" },
  ];
}

/** Everything of organisation B a write could touch. */
async function snapshotOrganization(orgId: string) {
  const [org, memberships, invitations, scenarios, revisions, shareLinks, auditEvents] = await Promise.all([
    prisma.organization.findUnique({ where: { id: orgId } }),
    prisma.membership.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    prisma.invitation.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    prisma.scenario.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    prisma.scenarioRevision.count({ where: { orgId } }),
    prisma.shareLink.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { orgId } }),
  ]);
  return { org, memberships, invitations, scenarios, revisions, shareLinks, auditEvents };
}

describe("foreign slug", () => {
  it("finds the tenant route modules", () => {
    expect(tenantRouteFiles).toEqual(expect.arrayContaining(["o.$slug.tsx", "o.$slug._index.tsx", "o.$slug.members.tsx", "o.$slug.settings.tsx", "o.$slug.audit.tsx"]));
    expect(loaderFiles.length).toBeGreaterThan(10);
    expect(actionFiles.length).toBeGreaterThan(4);
  });

  it.each(loaderFiles)("%s: loader answers 404 to a member of another organisation", async (file) => {
    const { loader } = modules.get(file) as Required<RouteModule>;
    const target = getRouteTarget(file, orgB.slug);
    expect((await callLoader(loader, createGetRequest(target.url, ownerACookie), target.params)).status).toBe(404);
    const missing = getRouteTarget(file, "no-such-org-anywhere");
    expect((await callLoader(loader, createGetRequest(missing.url, ownerACookie), missing.params)).status).toBe(404);
  });

  it.each(actionFiles)("%s: action answers 404 to a member of another organisation and changes nothing", async (file) => {
    const { action } = modules.get(file) as Required<RouteModule>;
    const before = await snapshotOrganization(orgB.id);
    const target = getRouteTarget(file, orgB.slug);
    for (const fields of formBodies()) {
      const result = await callAction(action, createPostRequest(target.url, fields, ownerACookie), target.params);
      expect(result.status, JSON.stringify(fields)).toBe(404);
    }
    expect(await snapshotOrganization(orgB.id)).toEqual(before);
  });

  // Control: routes that take no id serve the organisation's own owner.
  it.each(loaderFiles.filter((file) => !file.includes(".$")))("%s: the same loader serves the organisation's own owner", async (file) => {
    const { loader } = modules.get(file) as Required<RouteModule>;
    const own = getRouteTarget(file, orgB.slug);
    // The comparison PDF needs its scenarios in the query: without them it answers 400, not 404.
    const expected = file === "o.$slug.scenarios.compare.pdf.ts" ? 400 : 200;
    expect((await callLoader(loader, createGetRequest(own.url, ownerBCookie), own.params)).status).toBe(expected);
  });

  it("redirects an anonymous visitor to log in instead of revealing anything", async () => {
    const route = modules.get("o.$slug._index.tsx") as Required<RouteModule>;
    const result = await callLoader(route.loader, createGetRequest(`/o/${orgB.slug}`), { slug: orgB.slug });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/login?redirectTo=%2Fo%2F${orgB.slug}`);
  });

  it("ignores an orgId smuggled into form data", async () => {
    const admin = await createTestMember(orgA, "admin");
    const cookie = await loginAs(admin);
    const route = modules.get("o.$slug.settings.tsx") as Required<RouteModule>;
    const before = await snapshotOrganization(orgB.id);
    const result = await callAction(
      route.action,
      createPostRequest(`/o/${orgA.slug}/settings`, { intent: "update", orgId: orgB.id, name: "Hijacked", slug: orgA.slug, defaultCurrency: "EUR" }, cookie),
      { slug: orgA.slug },
    );
    expect(result.status).toBe(200);
    expect(await snapshotOrganization(orgB.id)).toEqual(before);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: orgA.id } })).name).toBe("Hijacked");
  });
});

describe("own slug, foreign id", () => {
  it.each(withIdParam(loaderFiles))("%s: loader answers 404 to B's scenario id under A's own slug", async (file) => {
    const { loader } = modules.get(file) as Required<RouteModule>;
    const target = getRouteTarget(file, orgA.slug, foreign.scenarioId);
    expect((await callLoader(loader, createGetRequest(target.url, ownerACookie), target.params)).status).toBe(404);
  });

  it.each(withIdParam(actionFiles))("%s: action treats B's scenario id under A's own slug as one nobody owns, and changes nothing", async (file) => {
    const { action } = modules.get(file) as Required<RouteModule>;
    const before = await snapshotOrganization(orgB.id);
    const target = getRouteTarget(file, orgA.slug, foreign.scenarioId);
    const unowned = getRouteTarget(file, orgA.slug);
    const statuses: number[] = [];
    for (const fields of formBodies()) {
      const result = await callAction(action, createPostRequest(target.url, fields, ownerACookie), target.params);
      const control = await callAction(action, createPostRequest(unowned.url, fields, ownerACookie), unowned.params);
      // A malformed form may be refused (400) before any lookup; either way the answer is the one an
      // id that does not exist gets, so it reveals nothing.
      expect(result.status, JSON.stringify(fields)).toBe(control.status);
      expect([400, 404], JSON.stringify(fields)).toContain(result.status);
      statuses.push(result.status);
    }
    expect(statuses).toContain(404);
    expect(await snapshotOrganization(orgB.id)).toEqual(before);
  });

  /** Every intent that names a row by an id in its form, aimed at B's row from A's own page. */
  const ID_FIELD_CASES: { file: string; fields: () => Record<string, string> }[] = [
    { file: "o.$slug.members.tsx", fields: () => ({ intent: "change-role", membershipId: foreign.membershipId, role: "viewer" }) },
    { file: "o.$slug.members.tsx", fields: () => ({ intent: "remove", membershipId: foreign.membershipId }) },
    { file: "o.$slug.members.tsx", fields: () => ({ intent: "revoke", invitationId: foreign.invitationId }) },
    { file: "o.$slug.shares.tsx", fields: () => ({ intent: "revoke", linkId: foreign.linkId }) },
  ];

  it.each(ID_FIELD_CASES)("$file: B's id in the form answers 404 and changes nothing", async ({ file, fields }) => {
    const { action } = modules.get(file) as Required<RouteModule>;
    const before = await snapshotOrganization(orgB.id);
    const target = getRouteTarget(file, orgA.slug);
    const body = fields();
    const result = await callAction(action, createPostRequest(target.url, body, ownerACookie), target.params);
    expect(result.status, JSON.stringify(body)).toBe(404);
    expect(await snapshotOrganization(orgB.id)).toEqual(before);
  });

  it.each(["o.$slug.scenarios.compare.tsx", "o.$slug.scenarios.compare.pdf.ts"])("%s: B's scenario in the query answers 404", async (file) => {
    const { loader } = modules.get(file) as Required<RouteModule>;
    const target = getRouteTarget(file, orgA.slug);
    const request = createGetRequest(`${target.url}?s=${foreign.scenarioId}&s=${foreign.scenarioId}@1`, ownerACookie);
    expect((await callLoader(loader, request, target.params)).status).toBe(404);
  });

  it("covers every id-named form field of the tenant routes", () => {
    // templateId names a built-in template, not a row of any organisation.
    const NOT_TENANT_IDS = new Set(["templateId"]);
    const fieldsInRoutes = new Set(
      tenantRouteFiles.flatMap((file) => [...readFileSync(path.join(routesDir, file), "utf8").matchAll(/name="(\w+Id)"/g)].map((match) => match[1] ?? "")),
    );
    const covered = new Set(ID_FIELD_CASES.flatMap(({ fields }) => Object.keys(fields())));
    expect([...fieldsInRoutes].filter((field) => !NOT_TENANT_IDS.has(field) && !covered.has(field))).toEqual([]);
  });
});
