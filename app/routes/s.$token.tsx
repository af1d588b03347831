import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { requireShareLink, shareRouteHeaders } from "~/auth/share-link.server.ts";
import { getSession } from "~/auth/session.server.ts";
import { CopyPanel } from "~/components/shared-view/copy-panel.tsx";
import { SHARED_PDF_ROUTE_EXISTS } from "~/components/shared-view/pdf-link.ts";
import { SharedView } from "~/components/shared-view/shared-view.tsx";
import { SharedUnavailable } from "~/components/shared-view/unavailable.tsx";
import { copySharedRevision, listCopyTargets } from "~/models/share-link.server.ts";
import { CopySharedScenarioSchema } from "~/schemas/share-link.ts";
import catalogueStyles from "~/styles/catalogue.css";
import resultsStyles from "~/styles/results.css";
import sharedStyles from "~/styles/shared.css";
import { computeSlots } from "~/utils/compute-slots.server.ts";
import { readForm, validateForm } from "~/utils/form.server.ts";
import { getLocale } from "~/utils/locale.server.ts";
import { getToday } from "~/utils/today.server.ts";
import { answerUnavailableDatabase } from "~/auth/database-down.server.ts";

/**
 * /s/<token>: one scenario revision, read-only, for whoever holds the link (docs/decisions/011-share-links.md).
 * Everything it shows comes from requireShareLink's context, which carries no organisation id.
 */

export const links: LinksFunction = () => [catalogueStyles, resultsStyles, sharedStyles].map((href) => ({ rel: "stylesheet", href }));

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.scenarioName} · ${page.orgName}` : "Shared scenario · OpenTCO" },
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

// The same headers on the page, its 404 and its 429.
export const headers = shareRouteHeaders;

// The page's data changes only when it is opened again: no re-run (and no second counted view) after the copy form.
export const shouldRevalidate = () => false;

export const loader = /* @__PURE__ */ answerUnavailableDatabase(async ({ request, params, context }: LoaderFunctionArgs) => {
  const shared = await requireShareLink(request, context, params.token);
  const session = await getSession(request);
  const locale = getLocale(request);
  const { revision } = shared;
  return {
    orgName: shared.orgName,
    scenarioName: shared.scenarioName,
    revision: {
      number: revision.number,
      fingerprint: revision.fingerprint,
      createdAt: revision.createdAt,
      // Formatted here, once: the browser's Intl data could word it differently and break hydration.
      dateLabel: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(revision.createdAt)),
    },
    result: revision.result,
    locale,
    showPdf: shared.allowPdf && SHARED_PDF_ROUTE_EXISTS,
    copyTargets: session ? await listCopyTargets({ linkId: shared.linkId, userId: session.user.id }) : null,
  };
});

/** The one action: copy the shown revision into one of the signed-in reader's organisations. */
export const action = /* @__PURE__ */ answerUnavailableDatabase(async ({ request, params, context }: ActionFunctionArgs) => {
  const shared = await requireShareLink(request, context, params.token, { recordView: false });
  const read = await readForm(request);
  if (!read.ok) return data({ formError: read.failure.formError ?? "The form could not be read." }, { status: read.status });
  const session = await getSession(request);
  if (!session) throw redirect(`/login?${new URLSearchParams({ redirectTo: new URL(request.url).pathname })}`);
  const parsed = validateForm(read.form, CopySharedScenarioSchema);
  if (!parsed.success) return data({ formError: parsed.failure.formError ?? Object.values(parsed.failure.fieldErrors)[0] ?? "The form could not be read." }, { status: 400 });
  const copy = await computeSlots.run(() => copySharedRevision({ shared, userId: session.user.id, targetSlug: parsed.data.targetSlug, asOf: getToday() }));
  // Not one of the reader's organisations where they edit: a 404, as from a tenant route, that keeps the page.
  if (!copy) return data({ formError: "Copy into: choose one of your organisations where you are an editor" }, { status: 404 });
  return redirect(`/o/${copy.slug}/scenarios/${copy.scenarioId}`);
});

export default function SharedScenarioPage() {
  const { orgName, scenarioName, revision, result, locale, showPdf, copyTargets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { pathname } = useLocation();
  return (
    <SharedView orgName={orgName} scenarioName={scenarioName} revision={revision} bundle={result} locale={locale} pdfHref={showPdf ? `${pathname}/pdf` : null} verifyHref={`${pathname}/verify`}>
      <CopyPanel orgName={orgName} targets={copyTargets} loginHref={`/login?${new URLSearchParams({ redirectTo: pathname })}`} formError={actionData?.formError} />
    </SharedView>
  );
}

export { SharedUnavailable as ErrorBoundary };
