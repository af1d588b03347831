import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/**
 * Error boundary of the pages inside /o/<slug>: renders inside the organisation layout, so the top
 * bar (and the way back) stays when a page is beyond the user's role or a row is not found.
 */
export function TenantRouteErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? "Not found" : status === 400 ? "Bad request" : status === 503 ? "Service unavailable" : "Error";
  const message =
    status === 404
      ? "This page does not exist, or your role in this organisation does not give access to it."
      : isRouteErrorResponse(error) && typeof error.data === "string" && error.data
        ? error.data
        : "Something went wrong. The error has been logged.";
  return (
    <div className="stack">
      <h1>{title}</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="..">Back to the overview</Link>
      </p>
    </div>
  );
}
