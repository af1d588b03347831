/**
 * Resource routes (no page: the PDFs, /healthz, the JSON schema) answer refusals in words. Remix
 * turns a `data()` thrown from a resource route's loader — requireMembership's tenant 404, a route's
 * own 400 — into `{"message":"Unexpected Server Error"}` with that status, and logs it as an error;
 * it answers a method the route has no action for the same way. The PDF button shows a plain-text
 * answer as it is, so that is what these give (issue 13, fuzz finding).
 */

const PLAIN_TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/** What a status says when the refusal brought no text of its own. */
const REASONS: Record<number, string> = {
  400: "Bad request.",
  404: "Not found: this address does not exist, or your role does not give access to it.",
  429: "Too many requests. Try again later.",
};

type ThrownData = { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null };

function isThrownData(value: unknown): value is ThrownData {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

/** `loader` with every thrown `data()` answered as plain text, its status and headers kept. */
export function withPlainTextRefusals<Args>(loader: (args: Args) => Promise<Response>): (args: Args) => Promise<Response> {
  return async (args) => {
    try {
      return await loader(args);
    } catch (error) {
      if (!isThrownData(error)) throw error;
      const status = error.init?.status ?? 500;
      const text = typeof error.data === "string" && error.data !== "" ? error.data : (REASONS[status] ?? `Request refused (HTTP ${status}).`);
      const headers = new Headers(error.init?.headers);
      for (const [name, value] of Object.entries(PLAIN_TEXT)) headers.set(name, value);
      throw new Response(text, { status, headers });
    }
  };
}

/** The action of a resource route that only reads: 405 with Allow, in words. */
export function refuseWritingMethods(): Response {
  return new Response("Method not allowed: this address answers GET and HEAD only.", { status: 405, headers: { ...PLAIN_TEXT, Allow: "GET, HEAD" } });
}
