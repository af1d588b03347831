/**
 * Kept scenario pages through the production server (docs/decisions/023-kept-pages.md,
 * server/kept-pages.ts): a saved scenario's results page is rendered once per viewer and state of
 * what it shows, then served again with each response's own nonce; any change to what it shows
 * renders it afresh. The server runs with KEPT_PAGES=verify, as every test server does: each page
 * served again is also rendered by Remix and compared, and a difference answers 500.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestMember, createTestOrganization, createUniqueEmail, loginAs, type TestOrganization } from "../factories/index.ts";
import { prisma } from "../factories/db.ts";
import { startProductionServer, type ProductionServer } from "../factories/production-server.ts";
import { createTestScenario, readExample } from "../factories/scenarios.ts";

let server: ProductionServer;
let org: TestOrganization;
let cookie: string;
let path: string;
let scenarioId: string;

beforeAll(async () => {
  org = await createTestOrganization({ name: "Kept Pages Org" });
  scenarioId = await createTestScenario(org, readExample("four-options-60-months"));
  path = `/o/${org.slug}/scenarios/${scenarioId}`;
  cookie = await loginAs(org.owner);
  // One process: every request meets the same kept pages.
  server = await startProductionServer({ WEB_CONCURRENCY: "1" });
}, 240_000);

// A session in use: seen within the minute, however long the server took to start on a busy machine
// (a session seen longer ago is left to Remix, as a test below shows).
beforeEach(async () => {
  await prisma.session.updateMany({ where: { userId: org.owner.id, revokedAt: null }, data: { lastSeenAt: new Date() } });
});

afterAll(async () => {
  await server?.stop();
});

type View = { status: number; kept: string | null; body: string; nonce: string | undefined; location: string | null };

/** A GET as a browser sends it (fetch accepts gzip and inflates it); `kept` is the Server-Timing outcome, if any. */
async function view(address: string, headers: Record<string, string> = {}): Promise<View> {
  const response = await fetch(`${server.baseUrl}${address}`, { headers: { Cookie: cookie, ...headers }, redirect: "manual" });
  const kept = /kept-page;desc=(\w+)/.exec(response.headers.get("Server-Timing") ?? "")?.[1] ?? null;
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1];
  return { status: response.status, kept, body: await response.text(), nonce, location: response.headers.get("Location") };
}

/** The page with its nonces blanked, and React's text separators gone. */
const comparable = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');
const text = (html: string) => html.replaceAll("<!-- -->", "");

describe("kept scenario pages", () => {
  it("renders the page once, then serves it again with each answer's own nonce", async () => {
    const first = await view(path);
    const second = await view(path);
    expect([first.status, first.kept]).toEqual([200, "miss"]);
    expect([second.status, second.kept]).toEqual([200, "hit"]);
    expect(second.nonce).toBeDefined();
    expect(second.nonce).not.toBe(first.nonce);
    const inlineScripts = [...second.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1] ?? "");
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${second.nonce}"`);
    expect(comparable(second.body)).toBe(comparable(first.body));
  });

  // Each change is made in the database behind the app's back: whatever changes a row the page
  // shows, the next view must be rendered afresh (a miss), and the view after it, kept, must be what
  // Remix renders (verify mode compares them).
  const changes: { what: string; change: () => Promise<void>; shows?: () => string }[] = [
    {
      what: "the scenario renamed",
      change: async () => void (await prisma.scenario.update({ where: { id: scenarioId }, data: { name: "Renamed behind the page" } })),
      shows: () => "Renamed behind the page",
    },
    {
      what: "a new revision saved",
      change: async () => {
        const latest = await prisma.scenarioRevision.findFirstOrThrow({ where: { scenarioId }, orderBy: { number: "desc" } });
        const { id: _id, number, createdAt: _createdAt, ...rest } = latest;
        await prisma.$transaction([
          prisma.scenarioRevision.create({ data: { ...rest, inputs: rest.inputs as object, number: number + 1, note: "Saved behind the page" } }),
          prisma.scenario.update({ where: { id: scenarioId }, data: { latestRevisionNumber: number + 1 } }),
        ]);
      },
      shows: () => "Saved behind the page",
    },
    {
      what: "the viewer's role lowered to viewer",
      change: async () => void (await prisma.membership.updateMany({ where: { orgId: org.id, userId: org.owner.id }, data: { role: "viewer" } })),
    },
    {
      what: "the viewer's role raised to admin",
      change: async () => void (await prisma.membership.updateMany({ where: { orgId: org.id, userId: org.owner.id }, data: { role: "admin" } })),
    },
    {
      what: "the organisation renamed",
      change: async () => void (await prisma.organization.update({ where: { id: org.id }, data: { name: "Org Renamed Behind" } })),
      shows: () => "Org Renamed Behind",
    },
    {
      what: "the viewer made a member of another organisation",
      change: async () => {
        const other = await createTestOrganization({ name: "Second Org Of The Viewer" });
        await prisma.membership.create({ data: { orgId: other.id, userId: org.owner.id, role: "viewer" } });
      },
      shows: () => "Second Org Of The Viewer",
    },
    {
      what: "a new version of the organisation's catalogue",
      change: async () => {
        const count = await prisma.organizationCatalogueVersion.count({ where: { orgId: org.id } });
        await prisma.organizationCatalogueVersion.create({ data: { orgId: org.id, number: count + 1, reason: "Changed behind the page", entries: [] } });
      },
    },
    {
      what: "the viewer's email changed",
      change: async () => {
        const email = createUniqueEmail("renamed");
        await prisma.user.update({ where: { id: org.owner.id }, data: { email } });
        org.owner.email = email;
      },
      shows: () => org.owner.email,
    },
    {
      what: "the scenario archived",
      change: async () => void (await prisma.scenario.update({ where: { id: scenarioId }, data: { archivedAt: new Date() } })),
    },
  ];

  it.each(changes)("renders afresh after $what", async ({ change, shows }) => {
    await view(path);
    expect((await view(path)).kept).toBe("hit");
    await change();
    const fresh = await view(path);
    expect([fresh.status, fresh.kept]).toEqual([200, "miss"]);
    if (shows) expect(text(fresh.body)).toContain(shows());
    const again = await view(path);
    expect([again.status, again.kept]).toEqual([200, "hit"]);
  });

  it("never serves another organisation's member the page: the tenant 404", async () => {
    await view(path);
    const stranger = await createTestOrganization({ name: "Stranger Org" });
    const strangerCookie = await loginAs(stranger.owner);
    const answer = await view(path, { Cookie: strangerCookie });
    expect(answer.status).toBe(404);
    expect(answer.kept).toBeNull();
    expect(answer.body).not.toContain(org.name);
  });

  it("keeps a page per viewer: another member of the organisation gets their own", async () => {
    const member = await createTestMember(org, "viewer");
    const memberCookie = await loginAs(member);
    const first = await view(path, { Cookie: memberCookie });
    expect([first.status, first.kept]).toEqual([200, "miss"]);
    expect(text(first.body)).toContain(member.email);
    expect(text(first.body)).not.toContain(org.owner.email);
  });

  it("sends an ended session to log in", async () => {
    const ownCookie = await loginAs(org.owner);
    expect((await view(path, { Cookie: ownCookie })).status).toBe(200);
    await prisma.session.updateMany({ where: { userId: org.owner.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const answer = await view(path, { Cookie: ownCookie });
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/^\/login\?/);
    cookie = await loginAs(org.owner);
  });

  it("leaves a session not seen for a minute to Remix, which records the visit", async () => {
    await view(path);
    const minutesAgo = new Date(Date.now() - 2 * 60_000);
    await prisma.session.updateMany({ where: { userId: org.owner.id, revokedAt: null }, data: { lastSeenAt: minutesAgo } });
    const answer = await view(path);
    expect([answer.status, answer.kept]).toEqual([200, null]);
    const sessions = await prisma.session.findMany({ where: { userId: org.owner.id, revokedAt: null }, select: { lastSeenAt: true } });
    expect(sessions.some(({ lastSeenAt }) => lastSeenAt > minutesAgo)).toBe(true);
    expect((await view(path)).kept).toBe("hit");
  });

  it("leaves to Remix, unkept, an address with a query and a client that does not take gzip", async () => {
    await view(path);
    const withQuery = await view(`${path}?revision=1`);
    expect([withQuery.status, withQuery.kept]).toEqual([200, null]);
    const plain = await view(path, { "Accept-Encoding": "identity" });
    expect([plain.status, plain.kept]).toEqual([200, null]);
  });
});
