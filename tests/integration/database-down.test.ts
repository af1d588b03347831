/**
 * While PostgreSQL is down (issue 10, item 9), signed-in pages — and the public ones that reach the
 * database: log-in, sign-up, log-out, invitations, share links — answer 503 with a page that says so,
 * not 500: the production server started on a database address where nothing listens.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startProductionServer, type ProductionServer } from "../factories/production-server.ts";

let server: ProductionServer;

beforeAll(async () => {
  server = await startProductionServer({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await freePort()}/gone` });
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

describe("with the database down", () => {
  it("signed-in pages answer 503 and say the database cannot be reached", async () => {
    const cookie = `opentco_session=${randomBytes(32).toString("base64url")}`;
    for (const path of ["/o/demo", "/o/demo/scenarios", "/o/demo/members", "/"]) {
      const answer = await fetch(new URL(path, server.baseUrl), { headers: { Cookie: cookie }, redirect: "manual" });
      expect(answer.status, path).toBe(503);
      const html = await answer.text();
      expect(html).toContain("Service unavailable");
      expect(html).toContain("cannot reach its database");
    }
    const data = await fetch(new URL("/o/demo.data", server.baseUrl), { headers: { Cookie: cookie } });
    expect(data.status).toBe(503);
  });

  it("the public pages and forms that need the database answer 503 too", async () => {
    const token = randomBytes(32).toString("base64url");
    for (const path of [`/invite/${token}`, `/s/${token}`, `/s/${token}/verify`, `/s/${token}/pdf`]) {
      const answer = await fetch(new URL(path, server.baseUrl), { redirect: "manual" });
      expect(answer.status, path).toBe(503);
      expect(await answer.text(), path).toContain("cannot reach its database");
    }
    const form = { email: "someone@example.com", password: "a long enough password", orgName: "Acme", slug: "acme", name: "Someone" };
    for (const path of ["/login", "/signup", "/logout", `/invite/${token}`, `/s/${token}`]) {
      const answer = await fetch(new URL(path, server.baseUrl), {
        method: "POST",
        headers: { Origin: server.baseUrl, "Content-Type": "application/x-www-form-urlencoded", Cookie: `opentco_session=${token}` },
        body: new URLSearchParams(form),
        redirect: "manual",
      });
      expect(answer.status, `POST ${path}`).toBe(503);
      // /logout has no page of its own to show the message on; its status says it.
      if (path !== "/logout") expect(await answer.text(), `POST ${path}`).toContain("cannot reach its database");
    }
  });

  it("healthz says so too, and pages without the database still work", async () => {
    expect((await fetch(new URL("/healthz", server.baseUrl))).status).toBe(503);
    expect((await fetch(new URL("/login", server.baseUrl))).status).toBe(200);
  });
});
