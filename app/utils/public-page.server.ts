/**
 * Caching of the public pages (/catalog, /methodology; docs/decisions/018-load-and-scaling-out.md).
 * Signed out, such a page is the same for everyone until the next release (and, for the catalogue's
 * staleness marks, the next day): shared caches may keep it for a minute — the app server's own does
 * (server/public-cache.ts) — and browsers revalidate it every time by its ETag, which is cheap.
 * Signed in, it names the viewer, so it keeps the server's default, no-store.
 */
import type { HeadersFunction } from "@remix-run/node";
import type { Viewer } from "~/auth/viewer.server.ts";

const PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate, s-maxage=60";

/** The loader's ResponseInit (for `data(…, init)`): public when nobody is signed in. */
export function cacheWhenSignedOut(viewer: Viewer): ResponseInit | undefined {
  return viewer === null ? { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } } : undefined;
}

/** The route's `headers` export: passes the loader's Cache-Control on; the answer varies with the session cookie. */
export const publicPageHeaders: HeadersFunction = ({ loaderHeaders }) => {
  const cacheControl = loaderHeaders.get("Cache-Control");
  return cacheControl === null ? new Headers() : new Headers({ "Cache-Control": cacheControl, Vary: "Cookie" });
};
