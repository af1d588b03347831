/**
 * Sessions per user are bounded and visible (issue 10, item 11): a user holds at most
 * MAX_LIVE_SESSIONS_PER_USER live sessions, and /account lists them with a way to end each, its own
 * user's only.
 */
import { describe, expect, it } from "vitest";
import { getSession } from "~/auth/session.server.ts";
import { MAX_LIVE_SESSIONS_PER_USER, type SessionRow } from "~/models/session.server.ts";
import { prisma } from "../factories/db.ts";
import * as accountRoute from "~/routes/account.tsx";
import { createTestUser, loginAs } from "../factories/index.ts";
import { callAction, callLoader, createGetRequest, createPostRequest } from "../factories/requests.ts";

async function isLive(cookie: string): Promise<boolean> {
  return (await getSession(createGetRequest("/", cookie))) !== null;
}

async function listSessions(cookie: string): Promise<SessionRow[]> {
  const page = await callLoader(accountRoute.loader, createGetRequest("/account", cookie));
  expect(page.status).toBe(200);
  return (page.body as { sessions: SessionRow[] }).sessions;
}

function post(cookie: string, fields: Record<string, string>) {
  return callAction(accountRoute.action, createPostRequest("/account", fields, cookie));
}

describe("sessions per user", () => {
  it(`keeps at most ${MAX_LIVE_SESSIONS_PER_USER} live: a new log-in ends the one unused longest`, async () => {
    const user = await createTestUser("many");
    const cookies: string[] = [];
    for (let i = 0; i < MAX_LIVE_SESSIONS_PER_USER + 3; i++) cookies.push(await loginAs(user));
    expect(await prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(MAX_LIVE_SESSIONS_PER_USER);
    expect(await Promise.all(cookies.map(isLive))).toEqual([...Array(3).fill(false), ...Array(MAX_LIVE_SESSIONS_PER_USER).fill(true)]);
  });

  it("lists them on /account, this browser's marked, and ends any of them", async () => {
    const user = await createTestUser("account");
    const [first, second, third] = [await loginAs(user), await loginAs(user), await loginAs(user)];
    const sessions = await listSessions(third!);
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions[0]?.current).toBe(true);

    const other = sessions.find((session) => !session.current)!;
    expect(await post(third!, { intent: "end", sessionId: other.id })).toMatchObject({ status: 200, body: { notice: "Session ended." } });
    expect((await Promise.all([first!, second!].map(isLive))).filter(Boolean)).toHaveLength(1);

    expect((await post(third!, { intent: "end-others" })).status).toBe(200);
    expect(await Promise.all([first!, second!, third!].map(isLive))).toEqual([false, false, true]);

    // Ending this browser's own session logs out.
    const own = await post(third!, { intent: "end", sessionId: sessions[0]!.id });
    expect(own.status).toBe(302);
    expect(own.location).toBe("/login");
    expect(own.setCookie).toMatch(/^opentco_session=;/);
    expect(await isLive(third!)).toBe(false);
  });

  it("answers 404 to another user's session id and leaves it live", async () => {
    const [me, them] = [await createTestUser("me"), await createTestUser("them")];
    const [myCookie, theirCookie] = [await loginAs(me), await loginAs(them)];
    const theirs = (await listSessions(theirCookie))[0]!;
    expect((await post(myCookie, { intent: "end", sessionId: theirs.id })).status).toBe(404);
    expect(await isLive(theirCookie)).toBe(true);
    // A malformed id is a form error, a NUL a 400 before anything is looked up.
    expect((await post(myCookie, { intent: "end", sessionId: "x" })).status).toBe(400);
    expect((await post(myCookie, { intent: "end", sessionId: "\u0000" })).status).toBe(400);
  });

  it("sends an anonymous visitor to log in", async () => {
    const page = await callLoader(accountRoute.loader, createGetRequest("/account"));
    expect(page.status).toBe(302);
    expect(page.location).toBe("/login?redirectTo=%2Faccount");
  });
});
