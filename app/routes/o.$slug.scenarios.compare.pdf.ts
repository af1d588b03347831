import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { loadCompareReport } from "~/reports/pdf/load.server.ts";
import { respondWithPdf } from "~/reports/pdf/response.server.ts";
import { CompareSelectionSchema } from "~/schemas/scenario.ts";
import { refuseWritingMethods, withPlainTextRefusals } from "~/utils/resource-route.server.ts";

/**
 * /o/<slug>/scenarios/compare/pdf?s=<id>[@<revision>] (2–4 times): the comparison PDF. Any member; a
 * foreign or unknown id is a 404; a selection that is not 2–4 well-formed ids is a 400 saying so.
 */
export const loader = /* @__PURE__ */ withPlainTextRefusals(async ({ request, params }: LoaderFunctionArgs) => {
  const { org } = await requireMembership(request, params.slug);
  const selection = CompareSelectionSchema.safeParse(new URL(request.url).searchParams.getAll("s"));
  if (!selection.success || selection.data.length < 2) throw data("Compare: choose 2 to 4 scenarios (?s=<id>&s=<id>)", { status: 400 });
  const loaded = await loadCompareReport({ org, selection: selection.data });
  if (!loaded) throwNotFound();
  return respondWithPdf(loaded.report, loaded.fileName);
});

export const action = refuseWritingMethods;
