/**
 * An in-process shared cache for public answers (docs/decisions/018-load-and-scaling-out.md): what a
 * route marks `Cache-Control: public, …, s-maxage=N` is kept for N seconds and served again to
 * requests that carry no cookie and no credentials, without running Remix.
 *
 * - Only GET answers with status 200, no Set-Cookie and s-maxage > 0 are kept; a route marks an
 *   answer public only when it says the same to everyone (/catalog, signed out).
 * - Requests with a Cookie or Authorization header always go to Remix: they may see a personal page.
 * - The CSP nonce differs per response (ADR 014): the body is kept cut at it and compressed once
 *   (server/kept-body.ts).
 * - ETag: a hash of the kept body (so a new build or a new day's page is a new tag), weak because
 *   the nonce differs. A matching If-None-Match is a 304 without the Content-Security-Policy header:
 *   a browser updates its stored headers from a 304, and a new nonce in the policy would no longer
 *   match the stored page's scripts, which then would not run.
 * - Bounded: at most MAX_ENTRIES answers (oldest out first); each process keeps its own.
 */
import { createHash } from "node:crypto";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { keepBody, sendKeptBody, type KeptBody } from "./kept-body.ts";

const MAX_ENTRIES = 200;

interface Entry {
  status: number;
  headers: [string, string][];
  body: KeptBody;
  etag: string;
  expiresAt: number;
}

/** Seconds a shared cache may keep the answer (s-maxage of a public Cache-Control), or 0. */
export function getSharedMaxAge(cacheControl: string | null): number {
  if (cacheControl === null) return 0;
  const directives = cacheControl.toLowerCase().split(",").map((part) => part.trim());
  if (!directives.includes("public") || directives.includes("no-store") || directives.includes("private")) return 0;
  const sMaxAge = directives.find((directive) => directive.startsWith("s-maxage="));
  const seconds = Number(sMaxAge?.slice("s-maxage=".length));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : 0;
}

/** True when the request may be answered from the cache and its answer kept: a GET without credentials. */
export function isAnonymousGet(req: ExpressRequest): boolean {
  return req.method === "GET" && req.get("Cookie") === undefined && req.get("Authorization") === undefined;
}

function matchesEtag(req: ExpressRequest, etag: string): boolean {
  const header = req.get("If-None-Match");
  if (header === undefined) return false;
  return header.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
}

export interface PublicCache {
  /** Answers from the cache and returns true, or returns false (nothing written). */
  serve(req: ExpressRequest, res: ExpressResponse, key: string): boolean;
  /**
   * Keeps `response` when it is public and answers with it (true), or leaves it alone (false, the
   * body unread). Only for requests that isAnonymousGet admitted.
   */
  keepAndServe(req: ExpressRequest, res: ExpressResponse, key: string, response: Response): Promise<boolean>;
}

export function createPublicCache(now: () => number = Date.now): PublicCache {
  const entries = new Map<string, Entry>();

  function send(req: ExpressRequest, res: ExpressResponse, entry: Entry): void {
    res.status(entry.status);
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("ETag", entry.etag);
    if (matchesEtag(req, entry.etag)) {
      res.removeHeader("Content-Security-Policy");
      res.status(304).end();
      return;
    }
    sendKeptBody(req, res, entry.body);
  }

  return {
    serve(req, res, key) {
      const entry = entries.get(key);
      if (entry === undefined) return false;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return false;
      }
      send(req, res, entry);
      return true;
    },

    async keepAndServe(req, res, key, response) {
      const maxAge = getSharedMaxAge(response.headers.get("Cache-Control"));
      if (response.status !== 200 || maxAge === 0 || response.headers.has("Set-Cookie")) return false;
      const body = keepBody(await response.text(), res.locals.cspNonce as string | undefined);
      const hash = createHash("sha256");
      for (const piece of body.pieces) hash.update(piece);
      const etag = `W/"${hash.digest("base64url").slice(0, 27)}"`;
      const headers = [...response.headers].filter(([name]) => name !== "content-length" && name !== "etag");
      const entry: Entry = { status: response.status, headers, body, etag, expiresAt: now() + maxAge * 1000 };
      entries.delete(key);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, entry);
      send(req, res, entry);
      return true;
    },
  };
}
