/**
 * Resource routes (PDFs, /healthz, the JSON schema) answer refusals in words through Remix's own
 * handling of the production build: before, a PDF route's 404 or 400 and any post to them came out
 * as {"message":"Unexpected Server Error"} (issue 13, fuzz findings).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/auth/session.server.ts";
import { send } from "./harness.ts";
import { createTestOrganization, type TestOrganization } from "../factories/index.ts";

let org: TestOrganization;
let cookie: string;

beforeAll(async () => {
  org = await createTestOrganization();
  cookie = (await createSession(org.owner.id)).split(";")[0] ?? "";
});

function get(url: string) {
  return send({ method: "GET", url, headers: { Cookie: cookie }, clientAddress: "198.51.100.20" });
}

describe("refusals of the PDF routes", () => {
  it("a scenario that is not there: 404 in plain text", async () => {
    const answer = await get(`/o/${org.slug}/scenarios/c00000000000000000000000/pdf`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(answer.text).toBe("Not found: this address does not exist, or your role does not give access to it.");
  });

  it("a comparison of fewer than two scenarios: 400 with the route's own message", async () => {
    const answer = await get(`/o/${org.slug}/scenarios/compare/pdf?s=c00000000000000000000000`);
    expect(answer.status).toBe(400);
    expect(answer.text).toBe("Compare: choose 2 to 4 scenarios (?s=<id>&s=<id>)");
  });

  it("a share link that opens nothing: 404 in plain text", async () => {
    const answer = await get(`/s/${"A".repeat(43)}/pdf`);
    expect(answer.status).toBe(404);
    expect(answer.text).toMatch(/^Not found: /);
  });
});

describe("methods the resource routes do not take", () => {
  it.each(["/healthz", "/schema/scenario.v1.json", "/o/x/scenarios/y/pdf", "/o/x/scenarios/compare/pdf", `/s/${"A".repeat(43)}/pdf`])("POST %s: 405 with Allow: GET, HEAD", async (url) => {
    const answer = await send({ method: "POST", url, headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=1", clientAddress: "198.51.100.20" });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("Allow")).toBe("GET, HEAD");
    expect(answer.text).toBe("Method not allowed: this address answers GET and HEAD only.");
  });
});
