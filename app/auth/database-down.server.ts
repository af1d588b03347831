/**
 * While PostgreSQL is down, a page answers 503 with the page that says so, not 500 (issue 10, item 9).
 * Signed-in pages get that from getSession; this wraps the loaders and actions that reach the database
 * without a session first: log-in, sign-up, log-out, invitations and share links. A thrown Response
 * (not `data()`) so that resource routes such as /logout and the PDF answer the message as it is.
 *
 * Routes call it as `export const action = /* @__PURE__ *\/ answerUnavailableDatabase(...)`: the
 * browser bundle keeps a route module's top-level calls unless they are marked pure, and this server
 * module is empty there, so an unmarked call threw "answerUnavailableDatabase is not a function" on
 * every page that loaded the route (log-in, sign-up, invitations, share links).
 */
import { DATABASE_UNAVAILABLE_MESSAGE } from "./session.server.ts";
import { isDatabaseUnavailable } from "~/models/prisma-errors.server.ts";

/** `handler`, answering 503 instead of throwing when the database cannot be reached. */
export function answerUnavailableDatabase<Args extends unknown[], Result>(handler: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new Response(DATABASE_UNAVAILABLE_MESSAGE, { status: 503, statusText: "Service Unavailable" });
      throw error;
    }
  };
}
