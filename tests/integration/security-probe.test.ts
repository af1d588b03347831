/**
 * The outside probe of issue 10, repeated against the production server (`npm start`'s server,
 * NODE_ENV=production, no TRUST_PROXY): every path it found answers with the stated status, and the
 * answers carry the security headers. Route-level details live in the other integration tests; this
 * file checks what a client on the wire sees.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { MAX_FAILURES_PER_ADDRESS } from "~/models/login-attempt.server.ts";
import { hashClientAddress, MAX_SHARE_MISSES_PER_ADDRESS } from "~/models/share-link-request.server.ts";
import { findControlCharacter } from "~/utils/control-characters.ts";
import { sleep } from "../../scripts/lib/net.ts";
import { createTestMember, createTestOrganization, createUniqueEmail, createUniqueSlug, TEST_PASSWORD, type TestOrganization } from "../factories/index.ts";
import { requestFrom, startProductionServer, type ProductionServer } from "../factories/production-server.ts";

let server: ProductionServer;
let org: TestOrganization;
let ownerCookie: string;
let adminCookie: string;
/** Logs in once per redirect case: a user of its own, since each log-in is a session and a user keeps 10. */
let redirectUser: { email: string };
// Each group of checks comes from a loopback address of its own, so their throttle counts stay apart.
const CLIENT = "127.0.0.11";
const SPRAYER = "127.0.0.12";
const GUESSER = "127.0.0.13";

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

function post(path: string, fields: Record<string, string> | string, { cookie, origin, from = CLIENT }: { cookie?: string; origin?: string; from?: string } = {}) {
  return requestFrom(server, from, path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin ?? server.baseUrl, ...(cookie ? { Cookie: cookie } : {}) },
    body: typeof fields === "string" ? fields : form(fields),
  });
}

function get(path: string, { cookie, from = CLIENT }: { cookie?: string; from?: string } = {}) {
  return requestFrom(server, from, path, { headers: cookie ? { Cookie: cookie } : {} });
}

async function logIn(email: string, redirectTo = "/"): Promise<{ status: number; location: string | undefined; cookie: string }> {
  const answer = await post("/login", { email, password: TEST_PASSWORD, redirectTo });
  const setCookie = answer.headers["set-cookie"]?.[0] ?? "";
  return { status: answer.status, location: answer.headers.location, cookie: setCookie.split(";")[0] ?? "" };
}

/** Where a browser goes with this Location: the WHATWG URL parser is the browser's. */
function browserTarget(location: string | undefined): URL {
  return new URL(location ?? "", server.baseUrl);
}

async function clearLoopbackAttempts(): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { ip: { startsWith: "127." } } });
}

beforeAll(async () => {
  await clearLoopbackAttempts();
  org = await createTestOrganization({ name: "Probe Org" });
  const admin = await createTestMember(org, "admin");
  redirectUser = await createTestMember(org, "viewer");
  server = await startProductionServer();
  ownerCookie = (await logIn(org.owner.email)).cookie;
  adminCookie = (await logIn(admin.email)).cookie;
}, 240_000);

afterAll(async () => {
  await server?.stop();
  // Loopback failures would otherwise throttle the next real-server test for 15 minutes.
  await clearLoopbackAttempts();
});

/** Known open-redirect bypasses: tabs, newlines, backslashes, encoded slashes, schemes, userinfo, unicode. */
const REDIRECT_BYPASSES = [
  "/\t/evil.example",
  "/\t\\evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/.//evil.example",
  "/%2F/evil.example",
  "/%5Cevil.example",
  "%2F%2Fevil.example",
  "https://evil.example",
  "https:evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "/\u0000/evil.example",
  "//localhost@evil.example",
  "/@evil.example",
  "http://localhost@evil.example/",
  "/\u3002evil.example",
  "//evil\u3002example",
  "/\uff0f/evil.example",
  "//\u2024evil.example",
];

describe("open redirects after log-in (item 1)", () => {
  it.each(REDIRECT_BYPASSES)("POST /login with redirectTo=%j stays on this origin", async (redirectTo) => {
    const answer = await logIn(redirectUser.email, redirectTo);
    // A form field with NUL is refused outright (item 3); tabs and line breaks are allowed in forms.
    if (findControlCharacter(redirectTo, { allowLineBreaks: true })) return expect(answer.status).toBe(400);
    expect(answer.status).toBe(302);
    expect(browserTarget(answer.location).origin).toBe(new URL(server.baseUrl).origin);
  });

  it.each(REDIRECT_BYPASSES)("GET /login?redirectTo=%j while logged in stays on this origin", async (redirectTo) => {
    const answer = await get(`/login?${form({ redirectTo })}`, { cookie: ownerCookie });
    // A control character in the address is refused outright (item 3); anything else redirects home.
    expect([302, 400]).toContain(answer.status);
    if (answer.status === 302) expect(browserTarget(answer.headers.location).origin).toBe(new URL(server.baseUrl).origin);
  });

  it("still follows a same-site path with its query", async () => {
    const answer = await logIn(redirectUser.email, `/o/${org.slug}/members?tab=1`);
    expect(answer.location).toBe(`/o/${org.slug}/members?tab=1`);
  });
});

describe("non-ASCII and control characters in redirectTo (item 2)", () => {
  it.each(["/😀", "/a%0Ab", "/\u202eevil", "/a\u2028b", "/caf\u00e9?q=\u00fc"])("GET /login?redirectTo=%j while logged in is no 500", async (redirectTo) => {
    const answer = await get(`/login?${form({ redirectTo })}`, { cookie: ownerCookie });
    expect([302, 400]).toContain(answer.status);
    if (answer.status === 302) {
      expect(answer.headers.location).toMatch(/^\/[\x21-\x7e]*$/);
      expect(browserTarget(answer.headers.location).origin).toBe(new URL(server.baseUrl).origin);
    }
  });
});

describe("NUL bytes and hidden characters (item 3)", () => {
  it("a NUL in a sign-up field is a 400 that names the field", async () => {
    const answer = await post("/signup", `email=${encodeURIComponent(createUniqueEmail("nul"))}&password=${encodeURIComponent(TEST_PASSWORD)}&orgName=a%00b&slug=${createUniqueSlug("nul")}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Organisation name");
  });

  it("a NUL in the settings name or a membership id is a 400, not a database error", async () => {
    const settings = await post(`/o/${org.slug}/settings`, `intent=update&name=a%00b&slug=${org.slug}&defaultCurrency=EUR`, { cookie: adminCookie });
    expect(settings.status).toBe(400);
    expect(settings.body).toContain("Organisation name");
    const members = await post(`/o/${org.slug}/members`, "intent=remove&membershipId=%00", { cookie: adminCookie });
    expect(members.status).toBe(400);
  });

  it("a NUL in the address is a 400", async () => {
    expect((await get("/o/%00", { cookie: ownerCookie })).status).toBe(400);
    expect((await get(`/o/${org.slug}/scenarios/%00`, { cookie: ownerCookie })).status).toBe(400);
    expect((await get(`/o/${org.slug}/scenarios/compare?s=%00`, { cookie: ownerCookie })).status).toBe(400);
  });

  it("a name with a bidirectional override is refused, naming the field", async () => {
    const answer = await post("/signup", { email: createUniqueEmail("bidi"), password: TEST_PASSWORD, orgName: "Invoice\u202Efdp.exe", slug: createUniqueSlug("bidi") });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Organisation name");
  });

  it("a data request for routes the app does not have, or in the pre-single-fetch protocol, is a 400 naming the parameter; the app's own route ids pass", async () => {
    for (const path of ["/s//verify.data?_routes=NaN", "/login.data?_routes=root,nope"]) {
      const answer = await get(path, { cookie: ownerCookie });
      expect(answer.status, path).toBe(400);
      expect(answer.body, path).toContain("the _routes parameter names");
    }
    expect((await get("/login.data?_routes=root,routes/login")).status).toBe(200);
    const oldProtocol = await get("/login?_data=routes%2Flogin");
    expect(oldProtocol.status).toBe(400);
    expect(oldProtocol.body).toContain("the _data parameter");
  });
});

describe("cross-origin mutations (item 4)", () => {
  it("answers 403 to every refused cross-origin POST, with one log line each and no stack trace", async () => {
    const paths = ["/login", "/signup", "/logout", "/orgs/new", `/o/${org.slug}/settings`, `/o/${org.slug}/members`, `/o/${org.slug}/scenarios`, "/invite/abc", "/s/abc", `/o/${org.slug}/settings.data`];
    // The previous test's last log line is written when its response has ended.
    await sleep(200);
    const before = server.output();
    for (const origin of ["https://evil.example", "null", `http://localhost:${server.port + 1}`]) {
      for (const path of paths) {
        const answer = await post(path, { intent: "delete", confirmation: org.slug }, { cookie: ownerCookie, origin });
        expect(answer.status, `${origin} → ${path}`).toBe(403);
      }
    }
    await sleep(200);
    const logged = server.output().slice(before.length).split("\n").filter((line) => line.trim() !== "");
    expect(logged, logged.join("\n")).toHaveLength(paths.length * 3);
    for (const line of logged) expect(line).toMatch(/^POST \S+ 403 /);
    expect(await prisma.organization.count({ where: { id: org.id } })).toBe(1);
  });
});

describe("security headers (item 5)", () => {
  it("every page has a nonce-based CSP, no framing, no sniffing, a referrer policy and HSTS", async () => {
    const anonymous = ["/login", "/signup", "/catalog", "/no-such-page"].map((path) => ({ path, cookie: undefined }));
    const signedIn = [`/o/${org.slug}`, `/o/${org.slug}/settings`, `/o/${org.slug}/nope`].map((path) => ({ path, cookie: ownerCookie }));
    const pages = [...anonymous, ...signedIn];
    for (const { path, cookie } of pages) {
      const answer = await get(path, { cookie });
      const csp = String(answer.headers["content-security-policy"]);
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeDefined();
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self'");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["referrer-policy"]).toBe("same-origin");
      expect(answer.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      // Every inline script Remix wrote carries this response's nonce, and no other.
      const scripts = [...answer.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1] ?? "");
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    }
  });

  it("gives every response its own nonce", async () => {
    const [a, b] = await Promise.all([get("/login"), get("/login")]);
    expect(a.headers["content-security-policy"]).not.toBe(b.headers["content-security-policy"]);
  });

  it("keeps signed-in pages out of every cache", async () => {
    for (const path of [`/o/${org.slug}`, `/o/${org.slug}/members`, `/o/${org.slug}/settings`]) {
      expect((await get(path, { cookie: ownerCookie })).headers["cache-control"], path).toContain("no-store");
    }
  });
});

describe("throttling (items 6 and 7)", () => {
  it("a 429 carries Retry-After", async () => {
    const email = createUniqueEmail("retry");
    for (let i = 0; i < 5; i++) expect((await post("/login", { email, password: "wrong password", redirectTo: "/" }, { from: GUESSER })).status).toBe(400);
    const refused = await post("/login", { email, password: "wrong password", redirectTo: "/" }, { from: GUESSER });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("a share-link 429 carries Retry-After too", async () => {
    const guesser = "127.0.0.14";
    await prisma.shareLinkRequest.deleteMany({ where: { addressHash: hashClientAddress(guesser) } });
    let answer = await get(`/s/${"x".repeat(43)}`, { from: guesser });
    for (let i = 0; i < MAX_SHARE_MISSES_PER_ADDRESS && answer.status === 404; i++) answer = await get(`/s/${"x".repeat(43)}`, { from: guesser });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
    expect(answer.headers["x-robots-tag"]).toBe("noindex, nofollow");
  });

  it("throttles a log-in spray from one client address without TRUST_PROXY", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 3; i++) {
      statuses.push((await post("/login", { email: createUniqueEmail("spray"), password: "wrong password", redirectTo: "/" }, { from: SPRAYER })).status);
    }
    expect(statuses.slice(0, MAX_FAILURES_PER_ADDRESS).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(MAX_FAILURES_PER_ADDRESS)).toEqual([429, 429, 429]);
    // Another client is not affected.
    expect((await logIn(redirectUser.email)).status).toBe(302);
  }, 120_000);
});
