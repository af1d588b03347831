/**
 * The Content-Security-Policy nonce of the response being rendered (docs/decisions/014-app-server.md).
 * The server render gets it from the load context (app/entry.server.tsx); in the browser it is empty,
 * since browsers hide nonce attributes from scripts and nothing rendered there needs one.
 */
import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

/** The nonce to put on an inline <script> or <style> element. */
export function useNonce(): string {
  return useContext(NonceContext);
}
