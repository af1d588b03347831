/**
 * What a request answers when the server cannot take it now (issue 13: overload is a 503, never a
 * 500): 503 with Retry-After and a sentence saying so. Thrown from loaders, actions and the models
 * they call as a Response, so every route answers it alike: the error boundary shows the sentence on
 * a page, a fetcher gets it as the refusal, a resource route sends it as text.
 */
export const RETRY_AFTER_SECONDS = 5;

/** A transaction that could not start in time, or ran past its timeout and was rolled back (app/db.server.ts). */
export const DATABASE_BUSY_MESSAGE = "The database is too busy to finish this request right now. Try again in a few seconds.";
/** Too many writes that compute a scenario already in line (app/utils/compute-slots.server.ts). */
export const SAVES_BUSY_MESSAGE = "The server is busy saving other scenarios. Try again in a few seconds.";

export function serverBusy(message: string): Response {
  return new Response(message, {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** True for the answer `serverBusy` throws: for the one place that must keep the page (a save keeps its draft). */
export function isServerBusy(error: unknown): error is Response {
  return error instanceof Response && error.status === 503 && error.headers.has("Retry-After");
}
