/**
 * The server render (Remix's default node entry, plus the CSP nonce): every inline script Remix writes
 * (hydration data, the route manifest, scroll restoration, the streamed single-fetch payload) carries
 * this response's nonce from the load context. Bots and crawlers get the whole page at once.
 * `closeResources` is how the app's own server closes the database pool and the PDF worker after it
 * has drained (server/drain.ts).
 */
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { prisma } from "~/db.server.ts";
import { closePdfQueue } from "~/reports/pdf/queue.server.ts";
import { NonceProvider } from "~/utils/nonce.tsx";

/** How long deferred data may stream before the render gives up, in milliseconds. */
export const streamTimeout = 5_000;

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const nonce = loadContext.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("User-Agent") ?? "") || remixContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell reject and are logged by Remix; later ones only here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

/** Closes the database pool and the PDF render worker: the last step of a graceful stop. */
export async function closeResources(): Promise<void> {
  await Promise.all([prisma.$disconnect(), closePdfQueue()]);
}
