/**
 * View-model in, PDF bytes out: no database, no clock, no request. Runs inside the PDF worker
 * (worker.ts) in the app, and directly in unit tests and the bench.
 */
import { renderToBuffer } from "@react-pdf/renderer";
import { ReportDocument } from "./document.tsx";
import { registerFonts, toPrintable } from "./fonts.ts";
import type { Report } from "./model.ts";

/** The PDF of `report`. The same report always gives the same bytes. */
export async function renderReport(report: Report): Promise<Uint8Array> {
  registerFonts();
  const buffer = await renderToBuffer(<ReportDocument report={toPrintable(report)} />);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
