/**
 * The request log: one line per request (method, URL, status, size, time), morgan's "tiny" format,
 * with share-link and invitation tokens redacted (docs/decisions/011-share-links.md, "The token stays
 * out of logs"). The token is replaced wherever a share or invitation path appears: the path itself
 * (/s/<token>, /invite/<token>, their .data of single fetch) and query values that carry it encoded
 * (/__manifest?p=%2Fs%2F<token>, /login?redirectTo=%2Finvite%2F<token>).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import morgan from "morgan";

// "/s/" or "/invite/" raw, URL-encoded or encoded twice, then the token (base64url, or whatever a guesser sent).
const LINK_TOKEN = /(\/|%2F|%252F)(s|invite)(\/|%2F|%252F)[^/?#&.]+/gi;

/** The URL as logged, with share-link and invitation tokens replaced by "<redacted>". */
export function redactLinkTokens(url: string): string {
  return url.replace(LINK_TOKEN, "$1$2$3<redacted>");
}

type LoggedRequest = IncomingMessage & { originalUrl?: string };

morgan.token("redacted-url", (req: LoggedRequest) => redactLinkTokens(req.originalUrl ?? req.url ?? ""));

/** morgan's "tiny" line with the redacted URL; written when the response ends. */
export function createRequestLog() {
  return morgan<LoggedRequest, ServerResponse>(":method :redacted-url :status :res[content-length] - :response-time ms");
}
