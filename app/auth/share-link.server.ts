/**
 * The share-link gate (docs/decisions/011-share-links.md): every /s/<token>… loader and action starts
 * here. It is the only way to reach tenant data without a membership, and it hands out one revision
 * of one scenario, read-only, with no organisation id a route could reuse.
 */
import { data, type AppLoadContext, type HeadersFunction } from "@remix-run/node";
import { isbot } from "isbot";
import { beginShareRequest, hashClientAddress, markShareRequestFound } from "~/models/share-link-request.server.ts";
import { getSharedRevision, recordShareView, type SharedRevisionContext } from "~/models/share-link.server.ts";
import { getClientAddress } from "~/utils/client-address.server.ts";
import { throwNotFound } from "./membership.server.ts";

export type { SharedRevisionContext } from "~/models/share-link.server.ts";

/**
 * Headers of every /s/ answer, 404 and 429 included: not indexed, the token never leaves in a
 * Referer, and no cache keeps a page its link no longer opens.
 */
export const SHARE_RESPONSE_HEADERS = {
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "private, no-store",
} as const;

/**
 * The `headers` export of every /s/ route: SHARE_RESPONSE_HEADERS, and a throttle refusal's
 * Retry-After (Remix sends a thrown answer's own headers on a page only through this).
 */
export const shareRouteHeaders: HeadersFunction = ({ errorHeaders }) => {
  const retryAfter = errorHeaders?.get("Retry-After");
  return retryAfter ? { ...SHARE_RESPONSE_HEADERS, "Retry-After": retryAfter } : SHARE_RESPONSE_HEADERS;
};

/** A coarse browser name for the audit trail; the full User-Agent is not kept. Order matters: Edge and Opera also say "Chrome". */
export function getBrowserFamily(userAgent: string | null): string {
  if (!userAgent) return "Other";
  if (isbot(userAgent)) return "Bot";
  if (/\bEdg(e|A|iOS)?\//.test(userAgent)) return "Edge";
  if (/\b(OPR|Opera)\//.test(userAgent)) return "Opera";
  if (/\b(Firefox|FxiOS)\//.test(userAgent)) return "Firefox";
  if (/\b(Chrome|Chromium|CriOS)\//.test(userAgent)) return "Chrome";
  if (/\bSafari\//.test(userAgent)) return "Safari";
  return "Other";
}

/**
 * The revision the link `token` opens, after the per-address throttle (429 with Retry-After when
 * over it). Unknown, malformed, revoked and expired tokens all throw the same 404. A page view
 * (`recordView`, the loader's GET) is counted and audited; the copy action passes false.
 */
export async function requireShareLink(
  request: Request,
  context: AppLoadContext,
  token: string | undefined,
  { recordView = true }: { recordView?: boolean } = {},
): Promise<SharedRevisionContext> {
  const address = getClientAddress(context);
  const started = await beginShareRequest({ address });
  if (!started.ok) {
    const minutes = Math.max(1, Math.ceil(started.retryAfterMs / 60_000));
    throw data(`Too many requests from your network. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`, {
      status: 429,
      headers: { ...SHARE_RESPONSE_HEADERS, "Retry-After": String(Math.max(1, Math.ceil(started.retryAfterMs / 1000))) },
    });
  }
  const shared = await getSharedRevision({ token: token ?? "" });
  if (!shared) throwNotFound();
  await markShareRequestFound(started.requestId);
  if (recordView) {
    const browser = getBrowserFamily(request.headers.get("User-Agent"));
    // 16 hex digits tell visitors apart in the trail; the address itself is not kept.
    const client = address === null ? "unknown" : hashClientAddress(address).slice(0, 16);
    await recordShareView({ linkId: shared.linkId, revisionNumber: shared.revision.number, client, browser, counted: browser !== "Bot" });
  }
  return shared;
}
