/**
 * Tenant isolation across every organisation-scoped route module (app/routes/o.$slug*): a member of
 * organisation A gets 404 for each loader and action of organisation B, read and write, exactly as
 * for an organisation that does not exist. New route files are picked up automatically.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server.ts";
import { createTestMember, createTestOrganization, loginAs, type TestOrganization } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest } from "../factories/requests.ts";

type RouteModule = { loader?: (args: LoaderFunctionArgs) => unknown; action?: (args: ActionFunctionArgs) => unknown };

const routesDir = fileURLToPath(new URL("../../app/routes/", import.meta.url));
const tenantRouteFiles = readdirSync(routesDir)
  .filter((file) => /^o\.\$slug(\.|\[|_|$)/.test(file) && /\.tsx?$/.test(file))
  .sort();

/** "o.$slug.scenarios.$id.tsx" → URL path for the slug and the params of every `$name` segment. */
function getRouteTarget(file: string, slug: string): { url: string; params: Record<string, string> } {
  const segments = file.replace(/\.tsx?$/, "").split(".");
  const params: Record<string, string> = {};
  const parts: string[] = [];
  for (const segment of segments) {
    if (segment === "_index" || segment.startsWith("_")) continue;
    if (segment === "$slug") {
      params.slug = slug;
      parts.push(slug);
    } else if (segment.startsWith("$")) {
      // An id nobody owns: the check under test happens before any row is looked up.
      params[segment.slice(1)] = "c00000000000000000000000";
      parts.push(params[segment.slice(1)] ?? "");
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
const modules = new Map<string, RouteModule>();

beforeAll(async () => {
  [orgA, orgB] = await Promise.all([createTestOrganization({ name: "Org A" }), createTestOrganization({ name: "Org B" })]);
  [ownerACookie, ownerBCookie] = await Promise.all([loginAs(orgA.owner), loginAs(orgB.owner)]);
  for (const file of tenantRouteFiles) modules.set(file, (await import(path.join(routesDir, file))) as RouteModule);
});

describe("organisation-scoped routes", () => {
  it("finds the tenant route modules", () => {
    expect(tenantRouteFiles).toEqual(expect.arrayContaining(["o.$slug.tsx", "o.$slug._index.tsx", "o.$slug.members.tsx", "o.$slug.settings.tsx", "o.$slug.audit.tsx"]));
  });

  it.each(tenantRouteFiles)("%s: loader answers 404 to a member of another organisation", async (file) => {
    const route = modules.get(file);
    if (!route?.loader) return;
    const foreign = getRouteTarget(file, orgB.slug);
    const result = await callLoader(route.loader, createGetRequest(foreign.url, ownerACookie), foreign.params);
    expect(result.status).toBe(404);

    const missing = getRouteTarget(file, "no-such-org-anywhere");
    expect((await callLoader(route.loader, createGetRequest(missing.url, ownerACookie), missing.params)).status).toBe(404);
  });

  it.each(tenantRouteFiles)("%s: action answers 404 to a member of another organisation and changes nothing", async (file) => {
    const route = modules.get(file);
    if (!route?.action) return;
    const before = await snapshotOrganization(orgB.id);
    const foreign = getRouteTarget(file, orgB.slug);
    for (const fields of FORM_BODIES) {
      const result = await callAction(route.action, createPostRequest(foreign.url, fields, ownerACookie), foreign.params);
      expect(result.status, JSON.stringify(fields)).toBe(404);
    }
    expect(await snapshotOrganization(orgB.id)).toEqual(before);
  });

  it.each(tenantRouteFiles)("%s: the same loader serves the organisation's own owner (control)", async (file) => {
    const route = modules.get(file);
    if (!route?.loader) return;
    const own = getRouteTarget(file, orgB.slug);
    const result = await callLoader(route.loader, createGetRequest(own.url, ownerBCookie), own.params);
    // Own-organisation routes with an unknown `$id` may 404 by design; the organisation itself must not.
    // The comparison PDF needs its scenarios in the query: without them it answers 400, not 404.
    if (Object.keys(own.params).length === 1) expect(result.status).toBe(file === "o.$slug.scenarios.compare.pdf.ts" ? 400 : 200);
  });

  it("redirects an anonymous visitor to log in instead of revealing anything", async () => {
    const route = modules.get("o.$slug._index.tsx");
    const result = await callLoader(route!.loader!, createGetRequest(`/o/${orgB.slug}`), { slug: orgB.slug });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/login?redirectTo=%2Fo%2F${orgB.slug}`);
  });

  it("ignores an orgId smuggled into form data", async () => {
    const admin = await createTestMember(orgA, "admin");
    const cookie = await loginAs(admin);
    const route = modules.get("o.$slug.settings.tsx")!;
    const before = await snapshotOrganization(orgB.id);
    const result = await callAction(
      route.action!,
      createPostRequest(`/o/${orgA.slug}/settings`, { intent: "update", orgId: orgB.id, name: "Hijacked", slug: orgA.slug, defaultCurrency: "EUR" }, cookie),
      { slug: orgA.slug },
    );
    expect(result.status).toBe(200);
    expect(await snapshotOrganization(orgB.id)).toEqual(before);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: orgA.id } })).name).toBe("Hijacked");
  });
});

/** Plausible mutation bodies for every intent a tenant route knows, each aimed at organisation B's rows. */
const FORM_BODIES: Record<string, string>[] = [
  {},
  { intent: "invite", role: "owner" },
  { intent: "change-role", membershipId: "placeholder", role: "owner" },
  { intent: "remove", membershipId: "placeholder" },
  { intent: "revoke", invitationId: "placeholder" },
  { intent: "update", name: "Taken over", slug: "taken-over", defaultCurrency: "EUR" },
  { intent: "delete", confirmation: "placeholder" },
];

async function snapshotOrganization(orgId: string) {
  const [org, memberships, invitations, auditEvents] = await Promise.all([
    prisma.organization.findUnique({ where: { id: orgId } }),
    prisma.membership.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    prisma.invitation.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    prisma.auditEvent.count({ where: { orgId } }),
  ]);
  return { org, memberships, invitations, auditEvents };
}
