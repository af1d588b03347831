import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { SharedFooter } from "./shared-view.tsx";

/**
 * The error page of /s/ routes. Unknown, revoked and expired links get the same words (ADR 011), so
 * the page tells nothing about which it was; a throttled reader is told when to come back.
 */
export function SharedUnavailable() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const throttled = status === 429 && isRouteErrorResponse(error) && typeof error.data === "string";
  return (
    <div className="shared-page shared-page--unavailable">
      <main id="main" className="shared-main">
        <h1>{status === 404 ? "This link does not work" : throttled ? "Too many requests" : "Something went wrong"}</h1>
        <p role="alert">
          {status === 404
            ? "The link is wrong, has expired or has been withdrawn. Ask the person who sent it for a new one."
            : throttled
              ? String(error.data)
              : "The page could not be shown. Try again in a moment."}
        </p>
      </main>
      <SharedFooter />
    </div>
  );
}
