/**
 * The server's refusals before Remix (server/request-guards.ts, ADR 014) on a bare Express app: a
 * flood of log-in posts from one address, cross-origin mutations, control characters in the address.
 * The real server is probed end to end in tests/integration/security-probe.test.ts.
 */
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthPostWindows, limitAuthFormPosts, refuseControlCharactersInUrl, refuseCrossOriginMutations } from "../../../server/request-guards.ts";

let baseUrl: string;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use(refuseControlCharactersInUrl, refuseCrossOriginMutations, limitAuthFormPosts(createAuthPostWindows({ limit: 3, windowMs: 60_000 })));
  app.all("*", (_req, res) => void res.send("passed"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => close());

function post(path: string, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${path}`, { method: "POST", headers, body: "a=b" });
}

describe("request guards", () => {
  it("refuses the log-in posts of one address over the limit with 429 and Retry-After; other paths are not counted", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post("/login")).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await post("/signup");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(50);
    expect((await post("/invite/abc.data")).status).toBe(429);
    expect((await post("/o/acme/settings")).status).toBe(200);
    expect((await fetch(`${baseUrl}/login`)).status).toBe(200);
  });

  it("answers 403 to a mutation from another origin, a null origin or garbage; same origin and no origin pass", async () => {
    for (const origin of ["https://evil.example", "null", "not a url"]) expect((await post("/o/acme/settings", { Origin: origin })).status, origin).toBe(403);
    expect((await post("/o/acme/settings", { Origin: baseUrl })).status).toBe(200);
    expect((await post("/o/acme/settings")).status).toBe(200);
    expect((await fetch(`${baseUrl}/o/acme`, { headers: { Origin: "https://evil.example" } })).status).toBe(200);
  });

  it("answers 400 to control characters in the path or a query value, and to a malformed escape", async () => {
    for (const path of ["/o/%00", "/o/a%0Ab", "/x?s=%00", "/x?s=a%1Bb", "/x%ZZ"]) {
      const answer = await fetch(`${baseUrl}${path}`);
      expect(answer.status, path).toBe(400);
    }
    expect(await (await fetch(`${baseUrl}/x?s=%00`)).text()).toContain('query parameter "s"');
    expect((await fetch(`${baseUrl}/o/caf%C3%A9?q=%E2%80%AE`)).status).toBe(200);
  });
});
