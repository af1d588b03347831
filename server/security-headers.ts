/**
 * Security headers on every answer (docs/decisions/014-app-server.md): a Content-Security-Policy whose
 * scripts need this response's nonce, no framing by anyone, no MIME sniffing, the origin only as
 * referrer to our own pages, HSTS in production.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";

type NonceResponse = ServerResponse & { locals: { cspNonce?: string } };

/** A fresh nonce per response (128 random bits), kept in res.locals for the CSP and the page. */
export const assignCspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
};

const nonceSource = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as NonceResponse).locals.cspNonce ?? ""}'`;

/**
 * helmet with our policy. Scripts: our own files and the inline scripts Remix writes with the nonce
 * (no 'unsafe-inline'). Styles: our stylesheets and nonce'd style elements; `style` attributes are
 * allowed (the charts and progress bars position SVG and boxes with them; an attribute cannot run
 * code). The Monte Carlo worker is a file of ours (worker-src 'self'). In development the live reload
 * socket of `remix dev` needs ws: connections.
 */
export function createSecurityHeaders({ production }: { production: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", nonceSource],
        "style-src": ["'self'", nonceSource],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": production ? ["'self'"] : ["'self'", "ws:"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    // Same-origin requests keep their Referer (and forms their Origin); other sites learn nothing.
    referrerPolicy: { policy: "same-origin" },
    frameguard: { action: "deny" },
    // Browsers ignore it over plain http; behind TLS it pins https for a year.
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  }) as RequestHandler;
}
