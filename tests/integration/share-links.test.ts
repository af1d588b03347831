/**
 * Share links (ADR 011) through the real routes and Postgres: a token reaches its one revision and
 * nothing else of the organisation; unknown, malformed, revoked and expired tokens get the same 404 from
 * every /s/ route; guessing is throttled per address; views are counted and audited; a signed-in
 * editor of another organisation copies the revision with its provenance; only editors manage links.
 */
import { refuseWritingMethods } from "~/utils/resource-route.server.ts";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SHARE_RESPONSE_HEADERS } from "~/auth/share-link.server.ts";
import { SHARED_PDF_ROUTE_EXISTS } from "~/components/shared-view/pdf-link.ts";
import { prisma } from "../factories/db.ts";
import { getRevision, saveRevision } from "~/models/scenario.server.ts";
import { MAX_SHARE_MISSES_PER_ADDRESS, MAX_SHARE_REQUESTS_PER_ADDRESS, SHARE_WINDOW_MS } from "~/models/share-link-request.server.ts";
import * as createRoute from "~/routes/o.$slug.scenarios.$id.share.tsx";
import * as sharesRoute from "~/routes/o.$slug.shares.tsx";
import * as sharedRoute from "~/routes/s.$token.tsx";
import { createTestMember, createTestOrganization, loginAs, type TestOrganization, type TestUser } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest, type RouteResult } from "../factories/requests.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

type RouteModule = { loader?: (args: LoaderFunctionArgs) => unknown; action?: (args: ActionFunctionArgs) => unknown };

const AS_OF = "2026-12-01";
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SLACKBOT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

const routesDir = fileURLToPath(new URL("../../app/routes/", import.meta.url));
const shareRouteFiles = readdirSync(routesDir)
  .filter((file) => /^s\.\$token(\.|\[|_|$)/.test(file) && /\.tsx?$/.test(file))
  .sort();

const example = readExample("hybrid-overflow-eur");

/** The EUR hybrid example without Monte Carlo (fast), named and sized as asked. */
function scenarioInputs(name: string, tokensPerMonth = "1200000000") {
  const { monteCarlo: _monteCarlo, ...sensitivity } = example.sensitivity;
  return { ...example, name, sensitivity, workload: { ...example.workload, volume: { ...example.workload.volume, tokensPerMonth } } };
}

async function saveNextRevision(org: TestOrganization, scenarioId: string, base: number, name: string, tokensPerMonth: string): Promise<void> {
  const saved = await saveRevision({ orgId: org.id, userId: org.owner.id, scenarioId, baseRevisionNumber: base, inputs: scenarioInputs(name, tokensPerMonth), asOf: AS_OF });
  if (!saved?.ok) throw new Error(`save failed: ${JSON.stringify(saved)}`);
}

/** A fresh documentation-range address, so tests never share a per-address count. */
function createUniqueAddress(): string {
  return `203.0.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function tokenOf(url: string): string {
  return new URL(url).pathname.replace(/^\/s\//, "");
}

let orgA: TestOrganization;
let orgB: TestOrganization;
let ownerACookie: string;
let editorA: TestUser;
let editorACookie: string;
let viewerACookie: string;
/** Two revisions: 1 at 1.2 bn tokens a month, 2 at 2 bn. */
let scenarioA: string;
let otherScenarioA: string;
let scenarioB: string;
let address: string;

beforeAll(async () => {
  [orgA, orgB] = await Promise.all([createTestOrganization({ name: "Acme Sales" }), createTestOrganization({ name: "Prospect Corp" })]);
  const [editor, viewer] = await Promise.all([createTestMember(orgA, "editor"), createTestMember(orgA, "viewer")]);
  editorA = editor;
  [ownerACookie, editorACookie, viewerACookie] = await Promise.all([loginAs(orgA.owner), loginAs(editor), loginAs(viewer)]);
  scenarioA = await createTestScenario(orgA, scenarioInputs("GPU plan for Prospect"));
  await saveNextRevision(orgA, scenarioA, 1, "GPU plan for Prospect", "2000000000");
  otherScenarioA = await createTestScenario(orgA, scenarioInputs("Internal budget, not shared"));
  scenarioB = await createTestScenario(orgB, scenarioInputs("Prospect's own plan"));
});

beforeEach(() => {
  address = createUniqueAddress();
});

/** Creates a link through the create route as `cookie`; returns the route's answer and the token. */
async function createLinkAs(cookie: string, fields: Record<string, string> = {}, org = orgA, scenarioId = scenarioA): Promise<{ result: RouteResult; token: string }> {
  const params = { slug: org.slug, id: scenarioId };
  const body = { intent: "create", label: "Prospect Corp", mode: "pinned", revision: "1", expiresInDays: "30", ...fields };
  const result = await callAction(createRoute.action, createPostRequest(`/o/${org.slug}/scenarios/${scenarioId}/share`, body, cookie), params);
  const created = (result.body as { created?: { url: string } } | null)?.created;
  return { result, token: created ? tokenOf(created.url) : "" };
}

async function createLink(fields: Record<string, string> = {}): Promise<string> {
  const { result, token } = await createLinkAs(ownerACookie, fields);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return token;
}

function openShared(token: string, { cookie, from = address, userAgent = CHROME }: { cookie?: string; from?: string; userAgent?: string } = {}): Promise<RouteResult> {
  const request = createGetRequest(`/s/${token}`, cookie);
  request.headers.set("X-Forwarded-For", from);
  request.headers.set("User-Agent", userAgent);
  return callLoader(sharedRoute.loader, request, { token });
}

function postShared(token: string, fields: Record<string, string>, { cookie, from = address }: { cookie?: string; from?: string } = {}): Promise<RouteResult> {
  return callAction(sharedRoute.action, createPostRequest(`/s/${token}`, fields, cookie, { "X-Forwarded-For": from }), { token });
}

type SharedPage = { orgName: string; scenarioName: string; revision: { number: number; fingerprint: string }; showPdf: boolean; copyTargets: { name: string; slug: string }[] | null };

async function fingerprintOf(scenarioId: string, number: number): Promise<string> {
  return (await prisma.scenarioRevision.findFirstOrThrow({ where: { scenarioId, number }, select: { fingerprint: true } })).fingerprint;
}

/** Every row of an organisation a share token could conceivably change. */
async function snapshotOrganization(orgId: string) {
  const [scenarios, revisions, links, auditEvents] = await Promise.all([
    prisma.scenario.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
    prisma.scenarioRevision.findMany({ where: { orgId }, orderBy: { id: "asc" }, select: { id: true, number: true, fingerprint: true, note: true } }),
    prisma.shareLink.findMany({ where: { orgId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true, expiresAt: true, label: true } }),
    prisma.auditEvent.count({ where: { orgId } }),
  ]);
  return { scenarios, revisions, links, auditEvents };
}

describe("creating a link", () => {
  it("returns a 256-bit base64url token once and stores only its SHA-256", async () => {
    const { result, token } = await createLinkAs(editorACookie, { label: "Jane at Prospect Corp", allowPdf: "on" });
    expect(result.status).toBe(200);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const link = await prisma.shareLink.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(link).toMatchObject({ orgId: orgA.id, scenarioId: scenarioA, label: "Jane at Prospect Corp", revisionNumber: 1, followLatest: false, allowPdf: true, createdById: editorA.id, viewCount: 0 });
    expect(JSON.stringify(link)).not.toContain(token);
    // Default expiry: 30 days.
    expect(Math.abs(link.expiresAt.getTime() - link.createdAt.getTime() - 30 * 24 * 3600 * 1000)).toBeLessThan(1000);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { orgId: orgA.id, action: "share.created", metadata: { path: ["shareLinkId"], equals: link.id } } });
    expect(audit).toMatchObject({ actorUserId: editorA.id, target: "Jane at Prospect Corp" });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("refuses an expiry beyond a year or below a day, an empty label and a revision that does not exist", async () => {
    for (const [fields, field] of [
      [{ expiresInDays: "366" }, "expiresInDays"],
      [{ expiresInDays: "0" }, "expiresInDays"],
      [{ label: "  " }, "label"],
      [{ mode: "forever" }, "mode"],
    ] as const) {
      const { result } = await createLinkAs(ownerACookie, fields);
      expect(result.status, JSON.stringify(fields)).toBe(400);
      expect((result.body as { failure: { fieldErrors: Record<string, string> } }).failure.fieldErrors[field]).toBeTruthy();
    }
    const { result } = await createLinkAs(ownerACookie, { revision: "3" });
    expect(result.status).toBe(404);
    const { result: yearLong } = await createLinkAs(ownerACookie, { expiresInDays: "365" });
    expect(yearLong.status).toBe(200);
  });

  it("is refused to viewers (404) on the page and the action, and to another organisation's scenario", async () => {
    const params = { slug: orgA.slug, id: scenarioA };
    expect((await callLoader(createRoute.loader, createGetRequest(`/o/${orgA.slug}/scenarios/${scenarioA}/share`, viewerACookie), params)).status).toBe(404);
    const before = await prisma.shareLink.count({ where: { orgId: orgA.id } });
    expect((await createLinkAs(viewerACookie)).result.status).toBe(404);
    // Organisation B's scenario id under organisation A's URL.
    expect((await createLinkAs(ownerACookie, {}, orgA, scenarioB)).result.status).toBe(404);
    expect(await prisma.shareLink.count({ where: { orgId: orgA.id } })).toBe(before);
    expect(await prisma.shareLink.count({ where: { orgId: orgB.id } })).toBe(0);
  });
});

describe("what a token reaches", () => {
  it("a pinned link shows its revision alone: no ids, slug, emails, other revisions or scenarios", async () => {
    const token = await createLink({ revision: "1" });
    const result = await openShared(token);
    expect(result.status).toBe(200);
    const page = result.body as SharedPage;
    expect(page).toMatchObject({ orgName: "Acme Sales", scenarioName: "GPU plan for Prospect", revision: { number: 1, fingerprint: await fingerprintOf(scenarioA, 1) }, copyTargets: null });
    const text = JSON.stringify(result.body);
    for (const secret of [orgA.id, orgA.slug, scenarioA, otherScenarioA, orgA.owner.email, editorA.email, await fingerprintOf(scenarioA, 2), "Internal budget", orgB.id, scenarioB]) {
      expect(text, secret).not.toContain(secret);
    }
    // The figures are revision 1's stored result, not revision 2's.
    const [first, second] = await Promise.all([1, 2].map((number) => getRevision({ orgId: orgA.id, scenarioId: scenarioA, number })));
    const shown = JSON.stringify((result.body as { result: unknown }).result);
    expect(shown === JSON.stringify(first?.result), "revision 1's result").toBe(true);
    expect(shown === JSON.stringify(second?.result), "revision 2's result").toBe(false);
  });

  it("a pinned link keeps showing its revision after an edit; a following link shows the latest at view time", async () => {
    const scenarioId = await createTestScenario(orgA, scenarioInputs("Moving target"));
    const pinned = (await createLinkAs(ownerACookie, { revision: "1" }, orgA, scenarioId)).token;
    const following = (await createLinkAs(ownerACookie, { revision: "1", mode: "follow" }, orgA, scenarioId)).token;
    expect(((await openShared(following)).body as SharedPage).revision.number).toBe(1);
    await saveNextRevision(orgA, scenarioId, 1, "Moving target", "3000000000");
    expect(((await openShared(pinned)).body as SharedPage).revision.number).toBe(1);
    const latest = (await openShared(following)).body as SharedPage;
    expect(latest.revision).toMatchObject({ number: 2, fingerprint: await fingerprintOf(scenarioId, 2) });
  });

  it("unknown, malformed, revoked and expired tokens get the same 404 from every /s/ route, loader and action", async () => {
    expect(shareRouteFiles).toContain("s.$token.tsx");
    const revoked = await createLink({ label: "to revoke" });
    const revokedLink = await prisma.shareLink.findUniqueOrThrow({ where: { tokenHash: sha256(revoked) } });
    const revoke = await callAction(sharesRoute.action, createPostRequest(`/o/${orgA.slug}/shares`, { intent: "revoke", linkId: revokedLink.id }, editorACookie), { slug: orgA.slug });
    expect(revoke.status).toBe(200);
    const expired = await createLink({ label: "to expire" });
    await prisma.shareLink.update({ where: { tokenHash: sha256(expired) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const unknown = randomBytes(32).toString("base64url");
    const cases = { unknown, malformed: "not-a-token", revoked, expired, empty: "" };

    // Per route and kind: a page and a PDF may word their 404 differently, but never per case.
    const answers = new Map<string, Set<string>>();
    const record = (key: string, body: unknown) => answers.set(key, (answers.get(key) ?? new Set()).add(JSON.stringify(body)));
    for (const file of shareRouteFiles) {
      const route = (await import(path.join(routesDir, file))) as RouteModule;
      for (const [name, token] of Object.entries(cases)) {
        const from = createUniqueAddress();
        if (route.loader) {
          const result = await openSharedWith(route.loader, file, token, from);
          expect(result.status, `${file} loader, ${name}`).toBe(404);
          record(`${file} loader`, result.body);
        }
        // A read-only route's action is the same 405 for every token (refuseWritingMethods).
        if (route.action && route.action !== refuseWritingMethods) {
          const result = await callAction(route.action, createPostRequest(`/s/${token}`, { intent: "copy", targetSlug: orgB.slug }, ownerACookie, { "X-Forwarded-For": from }), { token });
          expect(result.status, `${file} action, ${name}`).toBe(404);
          record(`${file} action`, result.body);
        }
      }
    }
    // Nothing tells the cases apart.
    expect(answers.size).toBeGreaterThan(0);
    for (const [key, bodies] of answers) expect(bodies.size, key).toBe(1);
  });

  it("does nothing else through a token: no intent of the scenario page, no copy into the link's own organisation", async () => {
    const token = await createLink();
    const before = await snapshotOrganization(orgA.id);
    const intents: Record<string, string>[] = [
      { intent: "save", baseRevision: "2", inputs: JSON.stringify(scenarioInputs("Hijacked")) },
      { intent: "rename", name: "Hijacked" },
      { intent: "archive" },
      { intent: "delete", confirmName: "GPU plan for Prospect" },
      { intent: "restore", revision: "1" },
      { intent: "revoke", linkId: "placeholder" },
      { intent: "revoke-all" },
      { intent: "create", label: "x", mode: "follow", revision: "1", expiresInDays: "365" },
    ];
    for (const fields of intents) {
      // Anonymous: sent to log in. Signed in (even as the owner of the link's organisation): a form error.
      expect((await postShared(token, fields)).status, JSON.stringify(fields)).toBe(302);
      expect((await postShared(token, fields, { cookie: ownerACookie })).status, JSON.stringify(fields)).toBe(400);
    }
    expect((await postShared(token, { intent: "copy", targetSlug: orgA.slug }, { cookie: ownerACookie })).status).toBe(404);
    expect(await snapshotOrganization(orgA.id)).toEqual(before);
  });

  it("sends the same robots, referrer and cache headers with every answer", () => {
    expect(SHARE_RESPONSE_HEADERS).toEqual({ "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer", "Cache-Control": "private, no-store" });
    type Args = Parameters<typeof sharedRoute.headers>[0];
    const none = { actionHeaders: new Headers(), loaderHeaders: new Headers(), parentHeaders: new Headers(), errorHeaders: undefined } as Args;
    expect(sharedRoute.headers(none)).toEqual(SHARE_RESPONSE_HEADERS);
    // A throttle refusal keeps its Retry-After on the page.
    expect(sharedRoute.headers({ ...none, errorHeaders: new Headers({ "Retry-After": "600" }) })).toEqual({ ...SHARE_RESPONSE_HEADERS, "Retry-After": "600" });
  });

  it("links the PDF only when allowed and the shared PDF route exists", async () => {
    const hasPdfRoute = ["s.$token.pdf.ts", "s.$token.pdf.tsx"].some((file) => existsSync(path.join(routesDir, file)));
    expect(SHARED_PDF_ROUTE_EXISTS, "set SHARED_PDF_ROUTE_EXISTS in the change that adds the shared PDF route").toBe(hasPdfRoute);
    const allowed = await createLink({ allowPdf: "on" });
    const refused = await createLink();
    expect(((await openShared(allowed)).body as SharedPage).showPdf).toBe(hasPdfRoute);
    expect(((await openShared(refused)).body as SharedPage).showPdf).toBe(false);
  });
});

/** A loader of any /s/ route, called for `token` from address `from`. */
function openSharedWith(loader: NonNullable<RouteModule["loader"]>, file: string, token: string, from: string): Promise<RouteResult> {
  // "s.$token.pdf.tsx" → "/pdf", "s.$token_.$.tsx" (a splat) → "/anything".
  const suffix = file.replace(/^s\.\$token_?/, "").replace(/\.tsx?$/, "").replace(/\$$/, "anything").replace(/\./g, "/");
  const request = createGetRequest(`/s/${token}${suffix}`);
  request.headers.set("X-Forwarded-For", from);
  return callLoader(loader, request, { token });
}

describe("views", () => {
  it("counts people and audits every view with the revision, a hashed address and the browser family; bots are audited, not counted", async () => {
    const token = await createLink({ label: "Counted" });
    const link = await prisma.shareLink.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect((await openShared(token)).status).toBe(200);
    expect((await openShared(token, { userAgent: SLACKBOT })).status).toBe(200);
    const after = await prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(after.viewCount).toBe(1);
    expect(after.lastViewedAt).not.toBeNull();

    const views = await prisma.auditEvent.findMany({ where: { orgId: orgA.id, action: "share.viewed", metadata: { path: ["shareLinkId"], equals: link.id } }, orderBy: { createdAt: "asc" } });
    expect(views.map((view) => view.metadata)).toEqual([
      { shareLinkId: link.id, revision: 1, client: sha256(address).slice(0, 16), browser: "Chrome" },
      { shareLinkId: link.id, revision: 1, client: sha256(address).slice(0, 16), browser: "Bot" },
    ]);
    expect(views.every((view) => view.actorUserId === null && view.target === "Counted")).toBe(true);
    expect(JSON.stringify(views)).not.toContain(address);
    expect(JSON.stringify(views)).not.toContain(token);
  });

  it("shows the organisation's links to editors with scenario, revision, creator, expiry, PDF, views and last view; not to viewers", async () => {
    const token = await createLink({ label: "Listed", mode: "follow", allowPdf: "on" });
    await openShared(token);
    const result = await callLoader(sharesRoute.loader, createGetRequest(`/o/${orgA.slug}/shares`, editorACookie), { slug: orgA.slug });
    expect(result.status).toBe(200);
    const { links, canRevokeAll } = result.body as { links: Record<string, unknown>[]; canRevokeAll: boolean };
    expect(canRevokeAll).toBe(false);
    expect(links.find((link) => link.label === "Listed")).toMatchObject({
      scenarioName: "GPU plan for Prospect",
      followLatest: true,
      latestRevisionNumber: 2,
      createdByEmail: orgA.owner.email,
      allowPdf: true,
      viewCount: 1,
      status: "active",
    });
    expect((await callLoader(sharesRoute.loader, createGetRequest(`/o/${orgA.slug}/shares`, viewerACookie), { slug: orgA.slug })).status).toBe(404);
  });
});

describe("revoking", () => {
  it("any editor revokes one link at once; viewers cannot; the next request gets 404", async () => {
    const token = await createLink({ label: "Revoke me" });
    const link = await prisma.shareLink.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    const revoke = (cookie: string) => callAction(sharesRoute.action, createPostRequest(`/o/${orgA.slug}/shares`, { intent: "revoke", linkId: link.id }, cookie), { slug: orgA.slug });
    expect((await revoke(viewerACookie)).status).toBe(404);
    expect((await openShared(token)).status).toBe(200);
    // Created by the owner, revoked by another editor.
    expect((await revoke(editorACookie)).status).toBe(200);
    expect((await openShared(token)).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { orgId: orgA.id, action: "share.revoked", actorUserId: editorA.id, metadata: { path: ["shareLinkId"], equals: link.id } } })).toBe(1);
  });

  it("an admin revokes every live link of the organisation, and only of it; an editor cannot", async () => {
    const org = await createTestOrganization({ name: "Revoke all" });
    const scenarioId = await createTestScenario(org, scenarioInputs("Shared twice"));
    const cookie = await loginAs(org.owner);
    const editor = await createTestMember(org, "editor");
    const tokens = [(await createLinkAs(cookie, {}, org, scenarioId)).token, (await createLinkAs(cookie, { mode: "follow" }, org, scenarioId)).token];
    const elsewhere = await createLink({ label: "Other organisation" });
    const revokeAll = (as: string) => callAction(sharesRoute.action, createPostRequest(`/o/${org.slug}/shares`, { intent: "revoke-all" }, as), { slug: org.slug });
    expect((await revokeAll(await loginAs(editor))).status).toBe(404);
    const result = await revokeAll(cookie);
    expect(result.body).toEqual({ notice: "2 live links revoked." });
    for (const token of tokens) expect((await openShared(token)).status).toBe(404);
    expect((await openShared(elsewhere)).status).toBe(200);
  });
});

describe("throttle", () => {
  it(`refuses an address after ${MAX_SHARE_MISSES_PER_ADDRESS} misses in 15 minutes, even with a valid token, and not other addresses`, async () => {
    const token = await createLink();
    for (let i = 0; i < MAX_SHARE_MISSES_PER_ADDRESS; i++) expect((await openShared(randomBytes(32).toString("base64url"))).status).toBe(404);
    const refused = await openShared(token);
    expect(refused.status).toBe(429);
    expect(refused.body).toBe("Too many requests from your network. Try again in 15 minutes.");
    expect((await openShared(token, { from: createUniqueAddress() })).status).toBe(200);
    // The window passes.
    await prisma.shareLinkRequest.updateMany({ where: { addressHash: sha256(address) }, data: { createdAt: new Date(Date.now() - SHARE_WINDOW_MS - 1000) } });
    expect((await openShared(token)).status).toBe(200);
  });

  it("answers 429 with Retry-After, and counts a parallel burst exactly", async () => {
    const guesses = Array.from({ length: MAX_SHARE_MISSES_PER_ADDRESS + 10 }, () => openShared(randomBytes(32).toString("base64url")));
    const statuses = (await Promise.all(guesses)).map((result) => result.status);
    expect(statuses.filter((status) => status === 404)).toHaveLength(MAX_SHARE_MISSES_PER_ADDRESS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    // The thrown answer itself, for its headers (callLoader keeps only status, Location and Set-Cookie).
    const request = createGetRequest(`/s/${randomBytes(32).toString("base64url")}`);
    request.headers.set("X-Forwarded-For", address);
    const thrown = await sharedRoute.loader({ request, params: { token: "x" }, context: { clientAddress: address } }).catch((error: unknown) => error);
    const init = (thrown as { init?: { status: number; headers: Record<string, string> } }).init;
    expect(init?.status).toBe(429);
    expect(Number(init?.headers["Retry-After"])).toBeGreaterThan(800);
    expect(init?.headers["X-Robots-Tag"]).toBe("noindex, nofollow");
  });

  it(`refuses an address after ${MAX_SHARE_REQUESTS_PER_ADDRESS} requests of any kind`, async () => {
    const token = await createLink();
    const now = Date.now();
    await prisma.shareLinkRequest.createMany({
      data: Array.from({ length: MAX_SHARE_REQUESTS_PER_ADDRESS }, (_, i) => ({ addressHash: sha256(address), found: true, createdAt: new Date(now - i * 1000) })),
    });
    expect((await openShared(token)).status).toBe(429);
  });
});

describe("copying into another organisation", () => {
  it("lets a signed-in editor of another organisation copy the shown revision there, with its provenance", async () => {
    const token = await createLink({ label: "For Jane" });
    // Editor in B, viewer in a third organisation, and a member of A too.
    const reader = await createTestMember(orgB, "editor");
    const third = await createTestOrganization({ name: "Third Org" });
    await prisma.membership.createMany({ data: [{ orgId: third.id, userId: reader.id, role: "viewer" }, { orgId: orgA.id, userId: reader.id, role: "viewer" }] });
    const cookie = await loginAs(reader);

    const page = (await openShared(token, { cookie })).body as SharedPage;
    expect(page.copyTargets).toEqual([{ name: "Prospect Corp", slug: orgB.slug }]);

    const beforeA = await snapshotOrganization(orgA.id);
    const beforeThird = await prisma.scenario.count({ where: { orgId: third.id } });
    expect((await postShared(token, { intent: "copy", targetSlug: third.slug }, { cookie })).status).toBe(404);
    expect((await postShared(token, { intent: "copy", targetSlug: orgA.slug }, { cookie })).status).toBe(404);
    expect(await prisma.scenario.count({ where: { orgId: third.id } })).toBe(beforeThird);

    const copied = await postShared(token, { intent: "copy", targetSlug: orgB.slug }, { cookie });
    expect(copied.status).toBe(302);
    const copyId = copied.location?.match(new RegExp(`^/o/${orgB.slug}/scenarios/([a-z0-9]+)$`))?.[1];
    expect(copyId).toBeTruthy();
    const revision = await prisma.scenarioRevision.findFirstOrThrow({ where: { orgId: orgB.id, scenarioId: copyId, number: 1 } });
    const fingerprint = await fingerprintOf(scenarioA, 1);
    expect(revision.note).toBe(`Copied from “Acme Sales” via a share link: revision 1, fingerprint ${fingerprint}`);
    expect(revision.fingerprint).toBe(fingerprint);
    expect(revision.createdById).toBe(reader.id);

    // Organisation A learns that the link was copied, not where to.
    const afterA = await snapshotOrganization(orgA.id);
    expect(afterA.scenarios).toEqual(beforeA.scenarios);
    expect(afterA.revisions).toEqual(beforeA.revisions);
    const copiedEvent = await prisma.auditEvent.findFirstOrThrow({ where: { orgId: orgA.id, action: "share.copied" }, orderBy: { createdAt: "desc" } });
    expect(copiedEvent).toMatchObject({ actorUserId: null, target: "For Jane", metadata: { revision: 1 } });
    expect(JSON.stringify(copiedEvent)).not.toContain(orgB.name);
  });

  it("sends an anonymous reader to log in and back to the link", async () => {
    const token = await createLink();
    const result = await postShared(token, { intent: "copy", targetSlug: orgB.slug });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/login?redirectTo=%2Fs%2F${token}`);
  });
});
