import { useState, type MouseEvent } from "react";
import { FormError } from "./form-error.tsx";

// The failure sits under the button, so the row of buttons keeps its order.
const STACKED = { display: "inline-flex", flexDirection: "column", alignItems: "flex-start", gap: "0.25rem", maxWidth: "28rem" } as const;
const VISUALLY_HIDDEN = { position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" } as const;

/** The name the server gave the file (RFC 6266 `filename*` first), else `fallback`. */
function readFileName(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * "Download PDF": a plain link without JavaScript; with it, the PDF is fetched so the page can say
 * that it is being prepared (rendering takes a few seconds) and show the server's reason when it
 * fails (busy, error) instead of leaving the reader on a bare error page.
 */
export function PdfDownloadButton({ href, label = "Download PDF" }: { href: string; label?: string }) {
  const [state, setState] = useState<{ status: "idle" | "working" } | { status: "error"; message: string }>({ status: "idle" });
  const working = state.status === "working";

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    // A new tab, a saved link: the browser's own behaviour.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (working) return;
    setState({ status: "working" });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) {
        const reason = response.headers.get("Content-Type")?.startsWith("text/plain") ? await response.text() : "";
        throw new Error(reason || (response.status === 404 ? "This scenario or revision no longer exists." : `The PDF could not be produced (HTTP ${response.status}).`));
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = readFileName(response.headers.get("Content-Disposition"), "report.pdf");
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started by now; the object URL can go after a grace period.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ status: "idle" });
    } catch (error) {
      setState({ status: "error", message: error instanceof Error && error.message !== "Failed to fetch" ? error.message : "The PDF could not be downloaded: the connection failed." });
    }
  }

  return (
    <span style={STACKED}>
      <a className="button secondary" href={href} download onClick={download} aria-disabled={working || undefined} aria-busy={working || undefined}>
        {working ? "Preparing PDF…" : label}
      </a>
      <span role="status" style={VISUALLY_HIDDEN}>
        {working ? "Preparing the PDF; this takes a few seconds." : ""}
      </span>
      {state.status === "error" ? <FormError message={`PDF: ${state.message}`} /> : null}
    </span>
  );
}
