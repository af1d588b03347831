/**
 * A rendered page kept to be sent again (server/public-cache.ts, server/kept-pages.ts). The CSP nonce
 * differs per response (ADR 014), so the body is kept cut where Remix wrote the nonce of the response
 * it was rendered for, and each answer gets its own response's nonce put back in. The pieces are
 * encoded and compressed once: a client that accepts gzip gets them spliced around its nonce
 * (server/spliced-gzip.ts; the compression middleware leaves an encoded answer alone).
 */
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { preparePieces, spliceGzip, type SplicablePieces } from "./spliced-gzip.ts";

/** How Remix writes the nonce into a page (scripts and the stylesheet's link). */
const nonceAttribute = (nonce: string) => `nonce="${nonce}"`;

export interface KeptBody {
  /** The body as UTF-8, cut where the nonce attribute goes. */
  pieces: Buffer[];
  /** The pieces compressed once, for gzip answers. */
  gzip: SplicablePieces;
  /** Bytes held: pieces and their compressed forms. */
  size: number;
}

/** The pieces of `text`, rendered with the CSP nonce `nonce`. */
function cutAtNonce(text: string, nonce: string | undefined): Buffer[] {
  return (nonce ? text.split(nonceAttribute(nonce)) : [text]).map((piece) => Buffer.from(piece));
}

/** True when `text`, rendered with the nonce `nonce`, is the page `body` keeps. */
export function isSameBody(body: KeptBody, text: string, nonce: string | undefined): boolean {
  const pieces = cutAtNonce(text, nonce);
  return pieces.length === body.pieces.length && pieces.every((piece, index) => piece.equals(body.pieces[index] as Buffer));
}

export function keepBody(text: string, nonce: string | undefined): KeptBody {
  const pieces = cutAtNonce(text, nonce);
  const gzip = preparePieces(pieces);
  const size = [...pieces, ...gzip.deflated].reduce((sum, buffer) => sum + buffer.length, 0);
  return { pieces, gzip, size };
}

/** Sends `body` with this response's nonce (res.locals.cspNonce), gzipped when the client accepts it. Status and headers are the caller's. */
export function sendKeptBody(req: ExpressRequest, res: ExpressResponse, body: KeptBody): void {
  const nonce = Buffer.from(nonceAttribute((res.locals.cspNonce as string | undefined) ?? ""));
  res.vary("Accept-Encoding");
  const gzip = req.acceptsEncodings("gzip", "identity") === "gzip";
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  const parts = gzip ? spliceGzip(body.gzip, nonce) : body.pieces.flatMap((piece, index) => (index === 0 ? [piece] : [nonce, piece]));
  // Written as they are (one writev), not joined: res.send would copy the body and hash it for an ETag.
  res.setHeader("Content-Length", parts.reduce((sum, part) => sum + part.length, 0));
  res.cork();
  for (const part of parts) res.write(part);
  res.end();
}
