/**
 * The production build (`npm run build`'s build/index.js) driven in-process: real Fetch Requests go
 * through Remix's own request handler — routing, single-fetch `.data` encoding, error sanitising in
 * production mode — into the real loaders and actions against the test database, with the load
 * context the app's server would pass. No socket: a request costs what the app costs, not what
 * HTTP costs. What the server refuses before Remix (server/request-guards.ts: foreign Origin,
 * control characters in the address, a flood of log-in posts) is tested on the real server
 * (tests/integration/security-probe.test.ts); here the guard that is left is the app's own, and the
 * server's check of data requests (`_data`, unknown `_routes` ids), which needs only the build and runs
 * here too.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { decode } from "turbo-stream";
import { projectRoot } from "../../scripts/lib/paths.ts";
import { findDataRequestProblem } from "../../server/request-guards.ts";

export const ORIGIN = "http://opentco.test";

/** The one CSP nonce of every page here: a random one could spell "NaN" by chance. */
const NONCE = "ZnV6eg==";

export const build = (await import(pathToFileURL(path.join(projectRoot, "build", "index.js")).href)) as ServerBuild;
const handle = createRequestHandler(build, "production");
const routeIds = new Set(Object.keys(build.routes));

export interface SentRequest {
  method: string;
  /** Path and query, as a client writes them. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer> | FormData;
  clientAddress: string;
}

export interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body as text (a `.data` answer is turbo-stream text). */
  text: string;
  /** A `.data` answer decoded the way the browser's single-fetch client decodes it. */
  payload?: unknown;
}

/** What a `.data` answer carries besides plain data, decoded into plain objects the checks can read. */
export type ErrorResponsePayload = { errorResponse: { status: number; statusText: string; data: unknown } };
export type ErrorPayload = { error: { name: string; message: string; stack: unknown } };
export type RedirectPayload = { redirect: unknown };

async function decodeTurboStream(text: string): Promise<unknown> {
  const decoded = await decode(new Response(text).body as ReadableStream<Uint8Array>, {
    plugins: [
      (type, ...rest) => {
        if (type === "SanitizedError") return { value: { error: { name: String(rest[0]), message: String(rest[1]), stack: rest[2] } } satisfies ErrorPayload };
        if (type === "ErrorResponse") return { value: { errorResponse: { data: rest[0], status: rest[1] as number, statusText: rest[2] as string } } satisfies ErrorResponsePayload };
        if (type === "SingleFetchRedirect") return { value: { redirect: rest[0] } satisfies RedirectPayload };
        if (type === "SingleFetchFallback") return { value: undefined };
        return undefined;
      },
    ],
  });
  await decoded.done;
  return decoded.value;
}

export async function send(request: SentRequest): Promise<Answer> {
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: { Host: new URL(ORIGIN).host, ...request.headers } };
  if (request.body !== undefined) init.body = request.body;
  const url = new URL(request.url, ORIGIN);
  const dataRequestProblem = findDataRequestProblem(url, routeIds);
  const response = dataRequestProblem !== null ? new Response(dataRequestProblem, { status: 400, headers: { "Content-Type": "text/plain" } }) : await handle(new Request(url, init), { clientAddress: request.clientAddress, cspNonce: NONCE });
  const text = await response.text();
  const answer: Answer = { status: response.status, statusText: response.statusText, headers: response.headers, text };
  if (text !== "" && response.headers.get("Content-Type")?.startsWith("text/x-script")) answer.payload = await decodeTurboStream(text);
  return answer;
}
