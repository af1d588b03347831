/**
 * Preload for remix-serve (`node --import ./scripts/redact-request-log.js node_modules/@remix-run/serve/dist/cli.js …`,
 * scripts/lib/app.ts): share-link and invitation tokens never reach the request log
 * (docs/decisions/011-share-links.md, "The token stays out of logs").
 *
 * remix-serve logs every request with morgan ("tiny": method, URL, status). morgan documents that
 * defining a token under an existing name replaces it, and it reads tokens when a line is written, so
 * redefining `url` here redacts every line remix-serve logs. The token is replaced wherever a share or
 * invitation path appears: the path itself (/s/<token>, /invite/<token>, and their .data of single
 * fetch) and query values that carry it encoded (/__manifest?p=%2Fs%2F<token>,
 * /login?redirectTo=%2Finvite%2F<token>).
 */
import { createRequire } from "node:module";

// morgan as remix-serve (CommonJS) resolves it: the same module instance, the one that writes its log.
const requireFromServe = createRequire(createRequire(import.meta.url).resolve("@remix-run/serve/dist/cli.js"));
const morgan = requireFromServe("morgan");

// "/s/" or "/invite/" raw, URL-encoded or encoded twice, then the token (base64url, or whatever a guesser sent).
const LINK_TOKEN = /(\/|%2F|%252F)(s|invite)(\/|%2F|%252F)[^/?#&.]+/gi;

/** The URL as logged, with share-link and invitation tokens replaced by "<redacted>". */
export function redactLinkTokens(url) {
  return url.replace(LINK_TOKEN, "$1$2$3<redacted>");
}

morgan.token("url", (req) => redactLinkTokens(req.originalUrl || req.url));
