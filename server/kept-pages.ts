/**
 * Kept signed-in pages (docs/decisions/023-kept-pages.md): the results page of a saved scenario,
 * `/o/<slug>/scenarios/<id>`, is kept as Remix rendered it and served again, without Remix and
 * without Prisma, for as long as nothing it shows has changed.
 *
 * - Each request asks PostgreSQL one question (server/page-stamp.ts): is the session live, may its
 *   user see the scenario, and a stamp of every row the page shows. A page is kept under a key of
 *   that stamp and of everything else a render reads from the request: the build, the host and
 *   address, the Cookie, Accept-Language and User-Agent headers, and today's date. A change to any of
 *   them makes a new key; nothing is invalidated, an old key is just never asked for again.
 * - Anything out of the ordinary goes to Remix, which answers as it always does: no session cookie,
 *   a session not live or not seen for a minute (Remix records the visit), not a member, no such
 *   scenario, a query string, a client that does not take gzip, a database error (then for 30 s).
 *   Only 200 HTML answers without Set-Cookie are kept.
 * - KEPT_PAGES=verify (the e2e and integration servers) renders every answer it would serve from a
 *   kept page through Remix too and answers 500 when they differ: every flow the tests run checks
 *   that the stamp covers what the page shows.
 * - Each process keeps its own, bounded by MAX_BYTES, least recently served out first.
 */
import { createHash } from "node:crypto";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import pg from "pg";
import { LAST_SEEN_RESOLUTION_MS, readSessionToken } from "../app/domain/sessions.ts";
import { getAppConnectionConfig } from "../app/utils/database-connection.server.ts";
import { hashSessionToken } from "../app/auth/session-token.server.ts";
import { getToday } from "../app/utils/today.server.ts";
import { isSameBody, keepBody, sendKeptBody, type KeptBody } from "./kept-body.ts";
import { createStampAsker } from "./page-stamp.ts";

/** on: serve kept pages; off: never; verify: serve them only after a fresh render said the same. */
export type KeptPagesMode = "on" | "off" | "verify";

/** KEPT_PAGES, by default on in production and off in development (where the build changes under the server). */
export function readKeptPagesMode(value: string | undefined, mode: string): KeptPagesMode {
  if (value === undefined || value === "") return mode === "production" ? "on" : "off";
  if (value === "on" || value === "off" || value === "verify") return value;
  throw new Error(`KEPT_PAGES: must be on, off or verify, not "${value}"`);
}

/** Bytes of kept pages per process: ~0.6 MB each (the demo's largest page and its gzip), so ~100 pages. */
const MAX_BYTES = 64 * 1024 * 1024;
/** Pooled connections per process for the stamp question, beside Prisma's. */
const POOL_SIZE = 4;
/** How long after a failed stamp question every view is left to Remix. */
const PAUSE_AFTER_FAILURE_MS = 30_000;

const SCENARIO_PAGE = /^\/o\/([a-z0-9-]{1,40})\/scenarios\/([a-z0-9]{1,40})$/;

interface Entry {
  statusText: string;
  headers: [string, string][];
  body: KeptBody;
}

/** A request a kept page may answer: its key, and the page kept under it if there is one. */
export interface Candidate {
  key: string;
  kept: Entry | undefined;
}

export interface KeptPages {
  readonly mode: Exclude<KeptPagesMode, "off">;
  /**
   * The request's candidate, or null when Remix answers it and its answer is not kept. When another
   * request is rendering the same page, waits for it to be answered first (mode "on").
   */
  find(req: ExpressRequest, res: ExpressResponse, buildVersion: string): Promise<Candidate | null>;
  /** Answers from the kept page (mode "on"). */
  send(req: ExpressRequest, res: ExpressResponse, entry: Entry): void;
  /**
   * With Remix's answer to a candidate: keeps it (when there was no page) or checks it against the
   * kept page (verify), and answers. False when the answer is not one to keep: the caller sends it,
   * its body unread.
   */
  answer(req: ExpressRequest, res: ExpressResponse, candidate: Candidate, response: Response): Promise<boolean>;
  close(): Promise<void>;
}

/** The kept pages of this process, or null when KEPT_PAGES is off. */
export function createKeptPages(mode: KeptPagesMode): KeptPages | null {
  if (mode === "off") return null;
  const pool = new pg.Pool({ ...getAppConnectionConfig(), max: POOL_SIZE, allowExitOnIdle: true, connectionTimeoutMillis: 2_000 });
  // An idle connection the database dropped: the next question gets a new one; Remix reports outages.
  pool.on("error", () => undefined);
  const askStamp = createStampAsker(pool);
  /** Until when the question is not asked, after it failed (Date.now()). */
  let pausedUntil = 0;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  /** Keys being rendered, each until the answer of the request rendering it has closed. */
  const rendering = new Map<string, Promise<void>>();

  function store(key: string, entry: Entry): void {
    const previous = entries.get(key);
    if (previous) bytes -= previous.body.size;
    entries.delete(key);
    entries.set(key, entry);
    bytes += entry.body.size;
    for (const [oldKey, old] of entries) {
      if (bytes <= MAX_BYTES) break;
      entries.delete(oldKey);
      bytes -= old.body.size;
    }
  }

  /** Answers with `entry`; Server-Timing says whether it was kept before this request ("hit") or just rendered ("miss"). */
  function send(req: ExpressRequest, res: ExpressResponse, entry: Entry, outcome: "hit" | "miss"): void {
    res.statusMessage = entry.statusText;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("Server-Timing", `kept-page;desc=${outcome}`);
    sendKeptBody(req, res, entry.body);
  }

  return {
    mode,
    send: (req, res, entry) => send(req, res, entry, "hit"),

    async find(req, res, buildVersion) {
      const match = req.method === "GET" ? SCENARIO_PAGE.exec(req.originalUrl) : null;
      if (!match) return null;
      const token = readSessionToken(req.get("Cookie"));
      if (!token || req.acceptsEncodings("gzip", "identity") !== "gzip") return null;
      const now = new Date();
      if (now.getTime() < pausedUntil) return null;
      let stamp: string | null;
      try {
        stamp = await askStamp({
          tokenHash: hashSessionToken(token),
          slug: match[1] as string,
          scenarioId: match[2] as string,
          now,
          seenSince: new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS),
        });
      } catch (error) {
        // Remix answers instead (and says so if the database is down). The question is not asked
        // again for a while, so that a cause that lasts (a pooler that drops prepared statements, a
        // schema the question no longer fits) costs a failed round trip twice a minute, not per view.
        pausedUntil = now.getTime() + PAUSE_AFTER_FAILURE_MS;
        console.error(`[kept-pages] the page stamp question failed; Remix renders every view for ${PAUSE_AFTER_FAILURE_MS / 1000} s:`, error);
        return null;
      }
      if (stamp === null) return null;
      const request = [buildVersion, req.protocol, req.get("Host"), req.originalUrl, req.get("Cookie"), req.get("Accept-Language"), req.get("User-Agent"), getToday(), stamp];
      const key = createHash("sha256").update(request.map((part) => part ?? "").join("\0")).digest("base64url");
      let kept = entries.get(key);
      const other = rendering.get(key);
      if (!kept && other && mode === "on") {
        // Fifty tabs (or a bench's fifty connections) opening a page at once render it once.
        await other;
        kept = entries.get(key);
      }
      if (kept) store(key, kept);
      else if (!rendering.has(key)) {
        const answered = new Promise<void>((resolve) => res.once("close", resolve));
        rendering.set(key, answered);
        void answered.then(() => rendering.get(key) === answered && rendering.delete(key));
      }
      return { key, kept };
    },

    async answer(req, res, { key, kept }, response) {
      const contentType = response.headers.get("Content-Type") ?? "";
      if (response.status !== 200 || !contentType.startsWith("text/html") || response.headers.has("Set-Cookie")) return false;
      const nonce = res.locals.cspNonce as string | undefined;
      const text = await response.text();
      if (kept) {
        if (!isSameBody(kept.body, text, nonce)) {
          if (entries.get(key) === kept) {
            entries.delete(key);
            bytes -= kept.body.size;
          }
          console.error(`[kept-pages] ${req.originalUrl}: the kept page differs from a fresh render, so its stamp misses something the page shows`);
          res.status(500).type("text/plain").set("Cache-Control", "no-store").send("Kept page differs from a fresh render (KEPT_PAGES=verify).\n");
          return true;
        }
        send(req, res, kept, "hit");
        return true;
      }
      const headers = [...response.headers].filter(([name]) => name !== "content-length");
      // As server/remix-handler.ts answers a page that says nothing of caching: it is personal.
      if (!response.headers.has("Cache-Control")) headers.push(["cache-control", "no-store"]);
      const entry: Entry = { statusText: response.statusText, headers, body: keepBody(text, nonce) };
      store(key, entry);
      send(req, res, entry, "miss");
      return true;
    },

    close: () => pool.end(),
  };
}
