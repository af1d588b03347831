/**
 * Refusals the server makes before a request reaches Remix (docs/decisions/014-app-server.md), each
 * answered with a short plain-text body and logged as the request's one log line.
 */
import type { RequestHandler } from "express";
import { findControlCharacter } from "../app/utils/control-characters.ts";

/** Methods that change something: the ones Remix's own CSRF check covers, and every other non-safe one. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function refuse(res: Parameters<RequestHandler>[1], status: 400 | 403 | 429, message: string): void {
  res.status(status).type("text/plain").set("Cache-Control", "no-store").send(`${message}\n`);
}

/**
 * A mutation whose Origin names another host (or "null", or garbage) answers 403 here. Remix 2 would
 * otherwise throw from its own check, answer 500 and log a stack trace. The host compared is the one
 * Remix compares: X-Forwarded-Host when our proxies set it (it is stripped otherwise), else Host.
 * Requests without Origin (non-browser clients) pass, as in ADR 004.
 */
export const refuseCrossOriginMutations: RequestHandler = (req, res, next) => {
  const origin = req.get("Origin");
  if (SAFE_METHODS.has(req.method) || origin === undefined) return next();
  const host = req.get("X-Forwarded-Host")?.split(",")[0]?.trim() || req.get("Host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, privacy redirects) or garbage: not our origin.
  }
  if (originHost !== null && originHost === host) return next();
  refuse(res, 403, "Cross-site form submissions are not accepted.");
};

/**
 * An address whose path or query carries a control character once decoded (/o/%00, ?s=%0A) answers
 * 400 naming the part, before any of it can reach a database query or a log line. A malformed
 * percent-escape is refused the same way.
 */
export const refuseControlCharactersInUrl: RequestHandler = (req, res, next) => {
  const url = req.originalUrl;
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return refuse(res, 400, "Bad request: the address has a malformed percent-escape.");
  }
  const inPath = findControlCharacter(decodedPath);
  if (inPath) return refuse(res, 400, `Bad request: the address contains a control character (${inPath}).`);
  if (queryStart !== -1) {
    for (const [name, value] of new URLSearchParams(url.slice(queryStart + 1))) {
      const found = findControlCharacter(name) ?? findControlCharacter(value);
      if (found) return refuse(res, 400, `Bad request: the query parameter ${JSON.stringify(name.replace(/[^\x20-\x7e]/g, "?"))} contains a control character (${found}).`);
    }
  }
  next();
};

/** The forms that create sessions or accounts: log-in, sign-up, accepting an invitation (and their .data). */
const AUTH_FORM_PATH = /^\/(login|signup|invite\/[^/?]+)(\.data)?(\?|$)/;

/** Seconds until `address` may post again, or null when this post is allowed (and counted). */
export type AuthPostCounter = (address: string) => number | null | Promise<number | null>;

/**
 * Counts posts per address in this process's memory: at most `limit` per fixed window of `windowMs`.
 * With several server processes only one of them counts (the cluster's primary, server/cluster.ts),
 * so the limit holds for the whole server rather than per process.
 */
export function createAuthPostWindows({ limit, windowMs }: { limit: number; windowMs: number }): (address: string) => number | null {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return (address) => {
    const now = Date.now();
    let window = windows.get(address);
    if (window === undefined || now - window.startedAt >= windowMs) {
      // Bounded: a flood of distinct addresses empties the table rather than growing it.
      if (windows.size >= 10_000) windows.clear();
      window = { startedAt: now, count: 0 };
      windows.set(address, window);
    }
    if (++window.count <= limit) return null;
    return Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
  };
}

/**
 * A cheap first gate in front of the database throttles of ADR 004: the log-in, sign-up and
 * invitation posts of one client address, counted by `count` (createAuthPostWindows), are refused
 * with 429 and Retry-After over the limit, before Remix renders anything. The database throttles
 * stay the rule (per account and address); this one only keeps a flood from costing a page render
 * each (bench login-spray-impact). People never come near it: the limit is per minute.
 */
export function limitAuthFormPosts(count: AuthPostCounter): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "POST" || !AUTH_FORM_PATH.test(req.originalUrl)) return next();
    Promise.resolve(count(req.ip ?? "unknown")).then((retryAfterSeconds) => {
      if (retryAfterSeconds === null) return next();
      res.set("Retry-After", String(retryAfterSeconds));
      refuse(res, 429, `Too many attempts from your network. Try again in ${retryAfterSeconds} seconds.`);
    }, next);
  };
}

/**
 * Data requests Remix would answer with an empty or misleading payload, refused here with a message
 * naming the parameter. Browsers running this build send neither:
 * - `?_data=…`, the data protocol before single fetch: Remix answers any value with a 4xx
 *   `{"message":"Unexpected Server Error"}` and logs a warning (ADR 020);
 * - `/path.data?_routes=a,b` naming a route this build does not have: an empty payload, with a 404
 *   when the path matches no page.
 * Returns the message, or null when the request is fine.
 */
export function findDataRequestProblem(url: URL, routeIds: ReadonlySet<string>): string | null {
  if (url.searchParams.has("_data")) return "Bad request: the _data parameter belongs to a data protocol this app does not serve; drop it.";
  if (!url.pathname.endsWith(".data")) return null;
  const requested = url.searchParams.getAll("_routes").flatMap((value) => value.split(","));
  const unknown = requested.filter((id) => !routeIds.has(id));
  if (unknown.length === 0) return null;
  return `Bad request: the _routes parameter names ${unknown.length === 1 ? "a route" : "routes"} this app does not have (${unknown.slice(0, 3).map((id) => JSON.stringify(id.replace(/[^\x20-\x7e]/g, "?").slice(0, 40))).join(", ")}).`;
}
