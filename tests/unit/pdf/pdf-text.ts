/** Reads a PDF back as a reader's tools see it (poppler-utils): text per page, document info, fonts. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PdfReadBack {
  /** Text of each page, whitespace collapsed to single spaces (lines wrap wherever the layout put them). */
  pages: string[];
  /** Every page's text joined by a space. */
  text: string;
  /** pdfinfo's fields: "Pages", "Page size", "CreationDate", "Title", … */
  info: Record<string, string>;
  /** pdffonts' table, one line per font. */
  fonts: string[];
}

export function readPdf(bytes: Uint8Array): PdfReadBack {
  const dir = mkdtempSync(path.join(tmpdir(), "opentco-pdf-"));
  try {
    const file = path.join(dir, "report.pdf");
    writeFileSync(file, bytes);
    const raw = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    const pages = raw.split("\f").slice(0, -1).map((page) => page.replace(/\s+/g, " ").trim());
    const info = Object.fromEntries(
      execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8" })
        .split("\n")
        .flatMap((line) => {
          const match = /^([^:]+):\s+(.*)$/.exec(line);
          return match ? [[match[1] as string, match[2] as string]] : [];
        }),
    );
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    return { pages, text: pages.join(" "), info, fonts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
