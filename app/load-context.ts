/**
 * What the app's own server (server/app.ts, docs/decisions/014-app-server.md) hands every loader and
 * action as `context`. Both fields are optional: tests call loaders with `{}`, and a route must never
 * assume more than this type says.
 */
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /**
     * The client's network address: the peer of the TCP connection, or with TRUST_PROXY the address
     * our proxies report in X-Forwarded-For. IPv4-mapped IPv6 addresses are given as IPv4.
     */
    clientAddress?: string;
    /** This response's Content-Security-Policy nonce (base64), for inline scripts Remix writes. */
    cspNonce?: string;
  }
}

export type { AppLoadContext } from "@remix-run/node";
