/**
 * Express ⇄ Remix: the request as a Fetch Request, the load context (client address, CSP nonce), and
 * the answer back with headers *set*, not appended, so a route's own header (Referrer-Policy:
 * no-referrer on share links, Cache-Control) replaces the server's default instead of joining it.
 * Public answers are kept and served again by server/public-cache.ts, a saved scenario's results
 * page by server/kept-pages.ts.
 */
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { RETRY_AFTER_SECONDS } from "../app/utils/server-busy.server.ts";
import { normaliseAddress } from "./client-address.ts";
import type { KeptPages } from "./kept-pages.ts";
import { createPublicCache, isAnonymousGet } from "./public-cache.ts";
import { findDataRequestProblem } from "./request-guards.ts";

/** The Fetch Request Remix sees: the URL from the protocol and host Express resolved (trust proxy applies). */
function createRemixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // X-Forwarded-Host is only still there when TRUST_PROXY lets our proxies set it (server/app.ts).
  const host = req.get("X-Forwarded-Host")?.split(",")[0]?.trim() || req.get("Host") || "localhost";
  const url = new URL(req.originalUrl, `${req.protocol}://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Loaders and actions stop when the client goes away before the answer is written.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url, init);
}

async function sendRemixResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  // Pages and data answers are personal unless a route says otherwise: nothing between us and the
  // browser may keep them (a signed-in page, a page that names the signed-in user).
  if (!response.headers.has("Cache-Control")) res.setHeader("Cache-Control", "no-store");
  // Every 503 says when to come back. A Response a loader or action throws keeps its own headers on a
  // fetcher's answer only: on a page, Remix drops them unless the route exports `headers`.
  if (response.status === 503 && !response.headers.has("Retry-After")) res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** The handler for everything Remix serves; `getBuild` may return a fresh build (development). */
export function createRemixHandler({ getBuild, mode, keptPages }: { getBuild: () => Promise<ServerBuild>; mode: string; keptPages: KeptPages | null }): RequestHandler {
  let current: { build: ServerBuild; handle: ReturnType<typeof createRequestHandler>; routeIds: Set<string> } | undefined;
  const publicCache = createPublicCache();
  return async (req, res, next) => {
    try {
      const build = await getBuild();
      if (current?.build !== build) current = { build, handle: createRequestHandler(build, mode), routeIds: new Set(Object.keys(build.routes)) };
      // A new build (development) never serves a page the previous one rendered.
      const cacheKey = isAnonymousGet(req) ? `${build.assets.version}\0${req.originalUrl}` : null;
      if (cacheKey !== null && publicCache.serve(req, res, cacheKey)) return;
      const candidate = keptPages ? await keptPages.find(req, res, build.assets.version) : null;
      if (candidate?.kept && keptPages?.mode === "on") {
        keptPages.send(req, res, candidate.kept);
        return;
      }
      const remixRequest = createRemixRequest(req, res);
      const dataRequestProblem = findDataRequestProblem(new URL(remixRequest.url), current.routeIds);
      if (dataRequestProblem !== null) {
        res.status(400).type("text/plain").set("Cache-Control", "no-store").send(`${dataRequestProblem}\n`);
        return;
      }
      const context: AppLoadContext = { cspNonce: res.locals.cspNonce as string | undefined };
      const clientAddress = normaliseAddress(req.ip);
      if (clientAddress !== null) context.clientAddress = clientAddress;
      const response = await current.handle(remixRequest, context);
      if (cacheKey !== null && (await publicCache.keepAndServe(req, res, cacheKey, response))) return;
      if (candidate && keptPages && (await keptPages.answer(req, res, candidate, response))) return;
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
