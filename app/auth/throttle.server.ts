/**
 * How a brute-force refusal (app/models/login-attempt.server.ts) is answered: 429, a Retry-After
 * header, and a message beside the form. The email message is the same whether or not the email has
 * an account.
 */
import type { ThrottleRefusal } from "~/models/login-attempt.server.ts";
import { createFormFailure, respondWithFailure } from "~/utils/form.server.ts";

export function describeThrottleRefusal({ scope, retryAfterMs }: ThrottleRefusal): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const wait = `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  return scope === "email" ? `Too many failed log-ins for this email. ${wait}` : `Too many failed log-ins from your network. ${wait}`;
}

export function respondWithThrottleRefusal(refusal: ThrottleRefusal, values: Record<string, string>) {
  return respondWithFailure(createFormFailure(describeThrottleRefusal(refusal), values), 429, {
    "Retry-After": String(Math.max(1, Math.ceil(refusal.retryAfterMs / 1000))),
  });
}
