import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { loadScenarioReport } from "~/reports/pdf/load.server.ts";
import { respondWithPdf } from "~/reports/pdf/response.server.ts";
import { refuseWritingMethods, withPlainTextRefusals } from "~/utils/resource-route.server.ts";
import { readIdParam } from "~/utils/id-param.server.ts";

/** /o/<slug>/scenarios/<id>/pdf[?revision=N]: the procurement PDF of a revision (default: the latest). Any member. */
export const loader = /* @__PURE__ */ withPlainTextRefusals(async ({ request, params }: LoaderFunctionArgs) => {
  const { org } = await requireMembership(request, params.slug);
  const raw = new URL(request.url).searchParams.get("revision");
  if (raw !== null && !/^[1-9]\d{0,6}$/.test(raw)) throwNotFound();
  const loaded = await loadScenarioReport({ org, scenarioId: readIdParam(params.id), number: raw === null ? undefined : Number(raw) });
  if (!loaded) throwNotFound();
  return respondWithPdf(loaded.report, loaded.fileName);
});

export const action = refuseWritingMethods;
