/**
 * How a brute-force refusal (app/models/login-attempt.server.ts) is answered: 429, a Retry-After
 * header, and a message beside the form. The email message is the same whether or not the email has
 * an account.
 */
import type { HeadersFunction } from "@remix-run/node";
import type { ThrottleRefusal } from "~/models/login-attempt.server.ts";
import { createFormFailure, respondWithFailure } from "~/utils/form.server.ts";

export function describeThrottleRefusal({ scope, retryAfterMs }: ThrottleRefusal): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const wait = `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  return scope === "email" ? `Too many failed log-ins for this email. ${wait}` : `Too many failed log-ins from your network. ${wait}`;
}

/** Retry-After in whole seconds, at least 1. */
export function getRetryAfterHeaders({ retryAfterMs }: ThrottleRefusal): Record<string, string> {
  return { "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
}

export function respondWithThrottleRefusal(refusal: ThrottleRefusal, values: Record<string, string>) {
  return respondWithFailure(createFormFailure(describeThrottleRefusal(refusal), values), 429, getRetryAfterHeaders(refusal));
}

/**
 * The `headers` export of a route that may answer with a throttle refusal: Remix sends an action's or
 * loader's own headers on a page answer only through this, so without it the 429 lost its Retry-After.
 */
export const throttledRouteHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retryAfter !== null) headers.set("Retry-After", retryAfter);
  return headers;
};
