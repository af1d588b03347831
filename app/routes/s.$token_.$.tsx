import type { MetaFunction } from "@remix-run/node";
import { throwNotFound } from "~/auth/membership.server.ts";
import { shareRouteHeaders } from "~/auth/share-link.server.ts";
import { SharedUnavailable } from "~/components/shared-view/unavailable.tsx";

/**
 * Any other path under /s/<token>/ (ADR 011): the same 404 page and headers as a dead link. Without
 * this route Remix answers "No route matches URL /s/<token>/…" and logs that error with the URL,
 * token included. Not nested in s.$token (the `_`): that route's loader would count a view.
 */

export const meta: MetaFunction = () => [
  { title: "Shared scenario · OpenTCO" },
  { name: "robots", content: "noindex, nofollow" },
];

export const headers = shareRouteHeaders;

export function loader(): never {
  throwNotFound();
}

// Any method: without an action, Remix logs a 405 error naming the URL.
export function action(): never {
  throwNotFound();
}

// Never rendered (the loader always throws), but a page route is what renders the 404 page itself.
export default function SharedPathNotFound() {
  return null;
}

export { SharedUnavailable as ErrorBoundary };
