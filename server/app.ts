/**
 * The Express app that serves the Remix build (docs/decisions/014-app-server.md). In order: who is
 * asking (TRUST_PROXY), headers with a per-response CSP nonce, compression, static files, the request
 * log, refusals that need no Remix (control characters in the address, cross-origin mutations, a flood
 * of log-in posts), then
 * Remix with the client address and nonce in its load context.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import type { KeptPages } from "./kept-pages.ts";
import { createRemixHandler } from "./remix-handler.ts";
import { createRequestLog } from "./request-log.ts";
import { createAuthPostWindows, limitAuthFormPosts, refuseControlCharactersInUrl, refuseCrossOriginMutations, type AuthPostCounter } from "./request-guards.ts";
import { assignCspNonce, createSecurityHeaders } from "./security-headers.ts";

export interface ServerAppOptions {
  /** The Remix build to serve; called per request, so development can hand out a fresh one. */
  getBuild: () => Promise<ServerBuild>;
  /** The static-file layout of the build (publicPath, assetsBuildDirectory). */
  build: Pick<ServerBuild, "publicPath" | "assetsBuildDirectory">;
  mode: string;
  /** How many reverse proxies of ours stand in front (server/client-address.ts). */
  trustedProxies: number;
  /** Extra handlers that run first (the drain's "Connection: close" while stopping). */
  before?: RequestHandler[];
  /** Who counts log-in, sign-up and invitation posts per address: by default this process (AUTH_FORM_POST_LIMIT). */
  countAuthPosts?: AuthPostCounter;
  /** Saved scenarios' results pages kept per viewer (server/kept-pages.ts), or null. */
  keptPages?: KeptPages | null;
}

/** Log-in, sign-up and invitation posts one address may make per minute before the server answers 429 itself. */
export const AUTH_FORM_POST_LIMIT = { limit: 120, windowMs: 60_000 };

/** X-Forwarded-* are written by whoever sends the request: without proxies of ours, nobody may set them. */
const stripForwardedHeaders: RequestHandler = (req, _res, next) => {
  for (const name of Object.keys(req.headers)) if (name.startsWith("x-forwarded-") || name === "forwarded") delete req.headers[name];
  next();
};

/**
 * The files under `dir` (the favicon, the example scenarios), served as static files. Only the paths
 * of files there at start-up are looked for: any other request (every page) goes on without a disk
 * lookup, which express.static would make for each.
 */
function servePublicFiles(dir: string): RequestHandler {
  const paths = new Set(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`));
  const serve = express.static(dir, { maxAge: "1h" });
  return (req, res, next) => (paths.has(req.path) ? serve(req, res, next) : next());
}

/** An error nothing else answered: logged once with its stack, a plain 500 to the client. */
const answerUnexpectedError: ErrorRequestHandler = (error, _req, res, next) => {
  console.error(error);
  if (res.headersSent) return next(error);
  res.status(500).type("text/plain").set("Cache-Control", "no-store").send("Unexpected server error.\n");
};

export function createServerApp({ getBuild, build, mode, trustedProxies, before = [], countAuthPosts = createAuthPostWindows(AUTH_FORM_POST_LIMIT), keptPages = null }: ServerAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustedProxies);
  if (trustedProxies === 0) app.use(stripForwardedHeaders);
  if (before.length > 0) app.use(...before);
  app.use(assignCspNonce, createSecurityHeaders({ production: mode === "production" }));
  app.use(compression());
  // Fingerprinted bundles never change under their name; other public files may.
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(servePublicFiles("public"));
  app.use(createRequestLog());
  app.use(refuseControlCharactersInUrl, refuseCrossOriginMutations, limitAuthFormPosts(countAuthPosts));
  app.all("*", createRemixHandler({ getBuild, mode, keptPages }));
  app.use(answerUnexpectedError);
  return app;
}
