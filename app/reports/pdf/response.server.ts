/** The HTTP answer of a PDF route: the bytes as a download, or a plain-text reason the page can show. */
import type { Report } from "./model.ts";
import { getPdfQueue, PdfQueueFullError } from "./queue.server.ts";

const RETRY_AFTER_SECONDS = 30;

/** `name` as a file name: no path separators or control characters, at most 150 characters. */
function toFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ").replace(/\s+/g, " ").trim().slice(0, 150) || "report.pdf";
}

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "");
  return `attachment; filename="${ascii || "report.pdf"}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Renders `report` off the request thread and answers the PDF; 503 with Retry-After when the queue is
 * full, 500 with a short reason when rendering fails. Messages are plain text: the download button
 * shows them as they are.
 */
export async function respondWithPdf(report: Report, fileName: string, headers: Record<string, string> = {}): Promise<Response> {
  try {
    const bytes = await getPdfQueue().render(report);
    return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      headers: {
        ...headers,
        "Content-Type": "application/pdf",
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": contentDisposition(toFileName(fileName)),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    const text = { ...headers, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
    if (error instanceof PdfQueueFullError) {
      return new Response(`Many PDFs are being prepared right now (${error.waiting} waiting). Try again in ${RETRY_AFTER_SECONDS} seconds.`, {
        status: 503,
        headers: { ...text, "Retry-After": String(RETRY_AFTER_SECONDS) },
      });
    }
    console.error("PDF rendering failed:", error);
    return new Response("The PDF could not be produced. The error has been logged; please try again, and tell your administrator if it keeps failing.", { status: 500, headers: text });
  }
}
