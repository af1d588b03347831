/**
 * Calling Remix loaders and actions the way the server does: real Request objects in, and whatever
 * they return or throw (Response, redirect, `data()`) normalised to status, headers and body.
 */
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";

export const TEST_ORIGIN = "http://opentco.test";

export function createGetRequest(path: string, cookie?: string): Request {
  return new Request(new URL(path, TEST_ORIGIN), { headers: cookie ? { Cookie: cookie } : {} });
}

export function createPostRequest(path: string, fields: Record<string, string>, cookie?: string, headers: Record<string, string> = {}): Request {
  return new Request(new URL(path, TEST_ORIGIN), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: TEST_ORIGIN, ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export type RouteResult = { status: number; location: string | null; setCookie: string | null; body: unknown; thrown: boolean };

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function normalise(value: unknown, thrown: boolean): Promise<RouteResult> {
  if (value instanceof Response) {
    const text = await value.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: value.status, location: value.headers.get("Location"), setCookie: value.headers.get("Set-Cookie"), body, thrown };
  }
  if (isDataWithInit(value)) {
    const headers = new Headers(value.init?.headers);
    return { status: value.init?.status ?? 200, location: headers.get("Location"), setCookie: headers.get("Set-Cookie"), body: value.data, thrown };
  }
  if (thrown) throw value;
  return { status: 200, location: null, setCookie: null, body: value, thrown };
}

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

/**
 * The load context the app's server would pass. Tests name the client with X-Forwarded-For, read as
 * from one trusted proxy (its last entry), unless `context` names it already; the server's own rule
 * is tested on the real server (tests/integration/client-address.test.ts).
 */
function contextFor(request: Request, context: AppLoadContext): AppLoadContext {
  const forwarded = request.headers.get("X-Forwarded-For")?.split(",").at(-1)?.trim();
  return context.clientAddress === undefined && forwarded ? { ...context, clientAddress: forwarded } : context;
}

async function call(fn: RouteFunction, request: Request, params: Record<string, string>, context: AppLoadContext): Promise<RouteResult> {
  try {
    return await normalise(await fn({ request, params, context: contextFor(request, context) }), false);
  } catch (error) {
    return normalise(error, true);
  }
}

/** `context` is what the app's server passes (app/load-context.ts): a client address, for throttle tests. */
export function callLoader(loader: (args: LoaderFunctionArgs) => unknown, request: Request, params: Record<string, string> = {}, context: AppLoadContext = {}): Promise<RouteResult> {
  return call(loader as RouteFunction, request, params, context);
}

export function callAction(action: (args: ActionFunctionArgs) => unknown, request: Request, params: Record<string, string> = {}, context: AppLoadContext = {}): Promise<RouteResult> {
  return call(action as RouteFunction, request, params, context);
}
