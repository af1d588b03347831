import type { MetaFunction } from "@remix-run/node";
import { throwNotFound } from "~/auth/membership.server.ts";

/**
 * Any other path under /invite/<token>/: a 404. Without this route Remix answers "No route matches URL
 * /invite/<token>/…" and logs that error with the URL, token included (as for share links, ADR 011).
 */

export const meta: MetaFunction = () => [{ title: "Not found · OpenTCO" }];

export function loader(): never {
  throwNotFound();
}

// Any method: without an action, Remix logs a 405 error naming the URL.
export function action(): never {
  throwNotFound();
}

// Never rendered (the loader always throws); the root boundary renders the 404 page.
export default function InvitationPathNotFound() {
  return null;
}
