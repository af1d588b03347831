import type { LoaderFunctionArgs } from "@remix-run/node";
import { throwNotFound } from "~/auth/membership.server.ts";
import { requireShareLink, SHARE_RESPONSE_HEADERS } from "~/auth/share-link.server.ts";
import { loadSharedReport } from "~/reports/pdf/load.server.ts";
import { respondWithPdf } from "~/reports/pdf/response.server.ts";
import { answerUnavailableDatabase } from "~/auth/database-down.server.ts";

/**
 * /s/<token>/pdf: the PDF of the revision a share link shows, when the link allows PDFs
 * (docs/decisions/011-share-links.md). The gate throttles, counts and audits the download as a view;
 * a link without PDFs answers the same 404 as a dead link.
 */
export const loader = /* @__PURE__ */ answerUnavailableDatabase(async ({ request, params, context }: LoaderFunctionArgs) => {
  const shared = await requireShareLink(request, context, params.token);
  if (!shared.allowPdf) throwNotFound();
  const loaded = await loadSharedReport(shared);
  if (!loaded) throwNotFound();
  return respondWithPdf(loaded.report, loaded.fileName, SHARE_RESPONSE_HEADERS);
});
