/**
 * The in-process cache of public answers (server/public-cache.ts) and its spliced gzip
 * (server/spliced-gzip.ts), on a bare Express app whose "Remix" renders a page with the response's
 * nonce and counts its renders.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPublicCache, getSharedMaxAge, isAnonymousGet } from "../../../server/public-cache.ts";
import { combineCrc32, preparePieces, spliceGzip } from "../../../server/spliced-gzip.ts";

let baseUrl: string;
let close: () => void;
let renders = 0;
let clock = 1_000_000;

/** The page as rendered for `nonce`: non-ASCII text, the nonce in two script tags. */
const page = (nonce: string) => `<!DOCTYPE html><html><body><p>Catalogue – 25 € ≤ 30 €</p><script nonce="${nonce}">boot()</script><script nonce="${nonce}">data()</script></body></html>`;

beforeAll(async () => {
  const cache = createPublicCache(() => clock);
  const app = express();
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${res.locals.cspNonce as string}'`);
    next();
  });
  app.get("*", async (req, res) => {
    const key = isAnonymousGet(req) ? req.originalUrl : null;
    if (key !== null && cache.serve(req, res, key)) return;
    renders++;
    const status = req.path === "/missing" ? 404 : 200;
    const headers: Record<string, string> = { "Content-Type": "text/html", "Cache-Control": String(req.query.cc ?? "public, max-age=0, must-revalidate, s-maxage=60") };
    if (req.query.cookie) headers["Set-Cookie"] = "a=b";
    const response = new Response(page(res.locals.cspNonce as string), { status, headers });
    if (key !== null && (await cache.keepAndServe(req, res, key, response))) return;
    res.status(response.status).send(await response.text());
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => close());

beforeEach(() => {
  renders = 0;
  clock += 3_600_000;
});

/** The answer's bytes as sent (fetch would decode gzip itself), and the nonce of its CSP. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; nonce: string | undefined; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}${path}`, { headers: { "Accept-Encoding": "identity", ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("end", () => {
          const nonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"] ?? ""))?.[1];
          resolve({ status: res.statusCode ?? 0, headers: res.headers, nonce, bytes: Buffer.concat(chunks) });
        });
      })
      .once("error", reject);
  });
}

describe("the public answer cache", () => {
  it("renders a public page once and answers again with each response's own nonce, as gzip or plain", async () => {
    const first = await get("/catalog?a=1");
    const plain = await get("/catalog?a=1");
    const zipped = await get("/catalog?a=1", { "Accept-Encoding": "gzip, deflate, br" });
    expect(renders).toBe(1);
    expect(first.bytes.toString()).toBe(page(first.nonce ?? "?"));
    expect(plain.nonce).not.toBe(first.nonce);
    expect(plain.bytes.toString()).toBe(page(plain.nonce ?? "?"));
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toContain("Accept-Encoding");
    // Strictly: gunzip checks the CRC-32 and the length.
    expect(zlib.gunzipSync(zipped.bytes).toString()).toBe(page(zipped.nonce ?? "?"));
    expect(zipped.nonce).not.toBe(plain.nonce);
  });

  it("answers a matching If-None-Match with 304 and no Content-Security-Policy", async () => {
    const first = await get("/catalog?b=1");
    const etag = first.headers.etag ?? "";
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    const again = await get("/catalog?b=1", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.headers["content-security-policy"]).toBeUndefined();
    expect(again.headers.etag).toBe(etag);
    // Another tag is another page: the whole answer.
    expect((await get("/catalog?b=1", { "If-None-Match": 'W/"other"' })).status).toBe(200);
    expect(renders).toBe(1);
  });

  it("renders again once s-maxage has passed", async () => {
    await get("/catalog?c=1");
    clock += 59_000;
    await get("/catalog?c=1");
    expect(renders).toBe(1);
    clock += 2_000;
    await get("/catalog?c=1");
    expect(renders).toBe(2);
  });

  it("never serves or keeps an answer for a request with a cookie or credentials", async () => {
    await get("/catalog?d=1", { Cookie: "opentco_session=x" });
    await get("/catalog?d=1", { Authorization: "Bearer x" });
    expect(renders).toBe(2);
    await get("/catalog?d=1");
    await get("/catalog?d=1", { Cookie: "opentco_session=x" });
    expect(renders).toBe(4);
  });

  it("keeps nothing that is not public, not a 200, or sets a cookie", async () => {
    for (const path of ["/catalog?cc=no-store", "/catalog?cc=public%2C%20max-age%3D60", "/catalog?cc=private%2C%20s-maxage%3D60", "/missing", "/catalog?cookie=1"]) {
      renders = 0;
      await get(path);
      await get(path);
      expect(renders, path).toBe(2);
    }
  });

  it("reads s-maxage only from a public Cache-Control", () => {
    expect(getSharedMaxAge("public, max-age=0, must-revalidate, s-maxage=60")).toBe(60);
    expect(getSharedMaxAge("public, s-maxage=0")).toBe(0);
    expect(getSharedMaxAge("private, s-maxage=60")).toBe(0);
    expect(getSharedMaxAge("public, no-store, s-maxage=60")).toBe(0);
    expect(getSharedMaxAge("s-maxage=60")).toBe(0);
    expect(getSharedMaxAge(null)).toBe(0);
  });
});

describe("spliced gzip", () => {
  it("combines CRC-32s as one CRC-32 over the joined bytes", () => {
    for (const [a, b] of [[randomBytes(1), randomBytes(1)], [randomBytes(1_000), randomBytes(70_000)], [Buffer.alloc(0), randomBytes(5)], [randomBytes(5), Buffer.alloc(0)], [randomBytes(3), randomBytes(1 << 20)]] as const) {
      const crc = (data: Buffer) => (data.length > 0 ? zlib.crc32(data) : 0);
      expect(combineCrc32(crc(a), crc(b), b.length)).toBe(crc(Buffer.concat([a, b])));
    }
  });

  it("is one valid gzip member for any pieces and insert, stored blocks over 64 KB included", () => {
    const pieces = [randomBytes(100_000), Buffer.from(""), Buffer.from("tail ✓")];
    for (const insert of [Buffer.from("nonce"), Buffer.alloc(0), randomBytes(70_000)]) {
      const gzip = Buffer.concat(spliceGzip(preparePieces(pieces), insert));
      expect(zlib.gunzipSync(gzip).equals(Buffer.concat([pieces[0] as Buffer, insert, pieces[1] as Buffer, insert, pieces[2] as Buffer]))).toBe(true);
    }
  });
});
