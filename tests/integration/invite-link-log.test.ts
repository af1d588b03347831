/**
 * Invitation links on the real server (issue 12): an unknown or used link answers 404, and the token
 * never reaches the server's output, in any form a browser sends it (the redaction of ADR 011,
 * "The token stays out of logs", extended to /invite/<token>).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation, createInvitation } from "~/models/invitation.server.ts";
import { sleep } from "../../scripts/lib/net.ts";
import { createTestOrganization, createTestUser, type TestOrganization } from "../factories/index.ts";
import { startProductionServer, type ProductionServer } from "../factories/production-server.ts";

let server: ProductionServer;
let org: TestOrganization;
let token: string;

function request(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(path, server.baseUrl), { redirect: "manual", ...init });
}

beforeAll(async () => {
  org = await createTestOrganization({ name: "Invite Log Org" });
  ({ token } = await createInvitation({ orgId: org.id, actor: { userId: org.owner.id, role: "owner" }, role: "viewer", email: "invitee@example.test" }));
  server = await startProductionServer();
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

describe("invitation links on the production server", () => {
  it("answers a live link with 200, an unknown or used one with 404, and never logs the token", async () => {
    const live = await request(`/invite/${token}`);
    expect(live.status, server.output()).toBe(200);
    expect(await live.text()).toMatch(/Join (<!-- -->)?Invite Log Org/);
    const encoded = encodeURIComponent(`/invite/${token}`);
    for (const path of [`/invite/${token}.data`, `/__manifest?p=${encoded}&version=x`, `/login?redirectTo=${encoded}`, `/invite/${token}/anything`]) await request(path);
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      for (const path of [`/invite/${token}`, `/invite/${token}/anything`]) await request(path, { method, headers: { Origin: server.baseUrl } });
    }

    const unknown = await request(`/invite/${randomBytes(32).toString("base64url")}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("this link is not valid");
    await acceptInvitation({ token, userId: (await createTestUser("joiner")).id });
    const used = await request(`/invite/${token}`);
    expect(used.status).toBe(404);
    expect(await used.text()).toContain("has already been used");
    // morgan writes its line when the response ends; give the last one a moment.
    await sleep(200);

    const output = server.output();
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.slice(0, 16));
    // The requests were logged, redacted: the log is on, and the redaction is what hides the token.
    expect(output).toContain("GET /invite/<redacted> 200");
    expect(output).toContain("GET /invite/<redacted> 404");
    expect(output).toContain("GET /invite/<redacted>.data 200");
    expect(output).toContain("redirectTo=%2Finvite%2F<redacted>");
    expect(output).toContain("p=%2Finvite%2F<redacted>");
  });
});
