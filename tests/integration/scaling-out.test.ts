/**
 * App servers hold no state (issue 13, "Scaling out"; ADR 018): two production servers on two ports
 * against one database, behind a round-robin proxy that sends each request to the other server in
 * turn. A session made through one is valid on the other (and ended on both); ten editors saving the
 * same scenario at once, round after round, lose no update: each round exactly one save wins, every
 * other writer gets the conflict answer, and the revisions are numbered without a gap.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../factories/db.ts";
import { getScenarioTemplate } from "~/templates/index.ts";
import { createTestMember, createTestOrganization, loginAs, TEST_PASSWORD, type TestOrganization } from "../factories/index.ts";
import { startProductionServer, type ProductionServer } from "../factories/production-server.ts";
import { startRoundRobinProxy, type RoundRobinProxy } from "../factories/round-robin-proxy.ts";
import { createTestScenario } from "../factories/scenarios.ts";

const WRITERS = 10;
const ROUNDS = 100;

/** The blank template cut to one option and 12 months: a save computes in a few milliseconds. */
function lightScenario(): Record<string, unknown> {
  const blank = getScenarioTemplate("blank")?.inputs as { options: unknown[] };
  return { ...blank, name: "Scaling out", horizonMonths: 12, options: blank.options.slice(0, 1) };
}

let servers: ProductionServer[] = [];
let proxy: RoundRobinProxy;
let org: TestOrganization;

beforeAll(async () => {
  org = await createTestOrganization({ name: "Scaling Out Org" });
  // One process each: two app servers, as two machines would run them.
  servers = await Promise.all([startProductionServer({ WEB_CONCURRENCY: "1" }), startProductionServer({ WEB_CONCURRENCY: "1" })]);
  proxy = await startRoundRobinProxy(servers.map((server) => server.port));
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all(servers.map((server) => server.stop()));
});

/** A request through the proxy, as a browser on the proxy's origin sends it. */
function viaProxy(path: string, { cookie, form }: { cookie?: string; form?: Record<string, string> } = {}) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  if (form) Object.assign(headers, { Origin: proxy.baseUrl, "Content-Type": "application/x-www-form-urlencoded" });
  return fetch(`${proxy.baseUrl}${path}`, { method: form ? "POST" : "GET", headers, body: form ? new URLSearchParams(form).toString() : undefined, redirect: "manual" });
}

function direct(server: ProductionServer, path: string, cookie: string) {
  return fetch(`${server.baseUrl}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
}

describe("two app servers behind a round-robin proxy", () => {
  it("accept a session made through either of them, and forget it on both once it ends", async () => {
    const member = await createTestMember(org, "viewer");
    const login = await viaProxy("/login", { form: { email: member.email, password: TEST_PASSWORD, redirectTo: "/" } });
    expect(login.status).toBe(302);
    const cookie = login.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    for (const server of servers) expect((await direct(server, `/o/${org.slug}`, cookie)).status, `port ${server.port}`).toBe(200);

    // Logging out through one server ends the session on the other too: nothing is held in a process.
    const [first, second] = servers as [ProductionServer, ProductionServer];
    const logout = await fetch(`${first.baseUrl}/logout`, { method: "POST", headers: { Cookie: cookie, Origin: first.baseUrl }, redirect: "manual" });
    expect(logout.status).toBe(302);
    const after = await direct(second, `/o/${org.slug}`, cookie);
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/login/);
  });

  it(`keep ${WRITERS} editors saving one scenario for ${ROUNDS} rounds consistent: one winner a round, conflicts for the rest, no gap`, async () => {
    const inputs = lightScenario();
    const scenarioId = await createTestScenario(org, inputs);
    const editors = await Promise.all(Array.from({ length: WRITERS }, () => createTestMember(org, "editor")));
    const cookies = await Promise.all(editors.map((editor) => loginAs(editor)));
    const savePath = `/o/${org.slug}/scenarios/${scenarioId}.data?index`;
    const servedBefore = [...proxy.served.values()];
    const json = JSON.stringify(inputs);
    const winners: string[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const answers = await Promise.all(
        cookies.map(async (cookie, writer) => {
          const note = `writer ${writer}, round ${round}`;
          const answer = await viaProxy(savePath, { cookie, form: { intent: "save", baseRevision: String(round), inputs: json, note } });
          return { note, status: answer.status, body: await answer.text() };
        }),
      );
      const won = answers.filter((answer) => answer.status === 200);
      const lost = answers.filter((answer) => answer.status === 409);
      expect(won, `round ${round}: ${answers.map((answer) => answer.status).join(" ")}`).toHaveLength(1);
      expect(lost).toHaveLength(WRITERS - 1);
      expect(won[0]?.body).toContain('"saved"');
      for (const answer of lost) expect(answer.body).toContain('"conflict"');
      winners.push(won[0]?.note ?? "");
    }

    // Every acknowledged save is there, at the number it was given, and nothing else is.
    const revisions = await prisma.scenarioRevision.findMany({ where: { scenarioId: scenarioId }, orderBy: { number: "asc" }, select: { number: true, note: true } });
    expect(revisions.map((revision) => revision.number)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, index) => index + 1));
    expect(revisions.slice(1).map((revision) => revision.note)).toEqual(winners);
    const scenario = await prisma.scenario.findUniqueOrThrow({ where: { id: scenarioId }, select: { latestRevisionNumber: true } });
    expect(scenario.latestRevisionNumber).toBe(ROUNDS + 1);
    // Both servers took their half of the saves.
    const servedNow = [...proxy.served.values()].map((count, index) => count - (servedBefore[index] ?? 0));
    for (const count of servedNow) expect(count).toBe((WRITERS * ROUNDS) / 2);
  }, 180_000);
});
