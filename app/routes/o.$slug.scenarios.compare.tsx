import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useParams } from "@remix-run/react";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { PdfDownloadButton } from "~/components/pdf-download-button.tsx";
import { CompareView } from "~/components/scenario-results/index.tsx";
import { getSavedRevision } from "~/cache/revision-cache.server.ts";
import { getScenario, listScenarios } from "~/models/scenario.server.ts";
import { CompareSelectionSchema } from "~/schemas/scenario.ts";
import resultsStyles from "~/styles/results.css";
import scenarioStyles from "~/styles/scenarios.css";
import { getLocale } from "~/utils/locale.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [resultsStyles, scenarioStyles].map((href) => ({ rel: "stylesheet", href }));

export const meta: MetaFunction = () => [{ title: "Compare scenarios · OpenTCO" }];

/** ?s=<id>[@<revision>] 2–4 times, ?base=<index of the base>. Any id not in this organisation: 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, params.slug);
  const url = new URL(request.url);
  const selection = CompareSelectionSchema.safeParse(url.searchParams.getAll("s"));
  if (!selection.success) throwNotFound();
  const baseIndex = Number(url.searchParams.get("base") ?? "0");
  const items = await Promise.all(
    selection.data.map(async ({ id, revision: number }) => {
      const scenario = await getScenario({ orgId: org.id, scenarioId: id });
      if (!scenario) throwNotFound();
      const revision = await getSavedRevision({ orgId: org.id, scenarioId: id, number: number ?? scenario.latestRevisionNumber });
      if (!revision) throwNotFound();
      return { id, name: scenario.name, revisionNumber: revision.number, label: `${scenario.name} (revision ${revision.number})`, bundle: revision.result };
    }),
  );
  const scenarios = await listScenarios({ orgId: org.id });
  return {
    items,
    baseIndex: Number.isInteger(baseIndex) && baseIndex >= 0 && baseIndex < items.length ? baseIndex : 0,
    choices: scenarios.map((scenario) => ({ id: scenario.id, name: scenario.name })),
    selected: selection.data.map((item) => item.id),
    locale: getLocale(request),
  };
}

export default function CompareScenarios() {
  const { items, baseIndex, choices, selected, locale } = useLoaderData<typeof loader>();
  const { slug } = useParams();
  // The PDF takes the scenarios at the revisions shown, the base first.
  const pdfItems = [items[baseIndex], ...items.filter((_, index) => index !== baseIndex)].flatMap((item) => (item ? [`s=${item.id}@${item.revisionNumber}`] : []));
  return (
    <div className="stack compare-page">
      <p>
        <Link to=".." relative="path">
          ← Scenarios
        </Link>
      </p>
      <h1>Compare scenarios</h1>
      <Form method="get" className="card compare-picker">
        <fieldset>
          <legend>Scenarios to compare (2 to 4), at their latest revision</legend>
          <ul className="checkbox-list">
            {choices.map((choice) => (
              <li key={choice.id}>
                <label>
                  <input type="checkbox" name="s" value={choice.id} defaultChecked={selected.includes(choice.id)} /> {choice.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit">Compare</button>
      </Form>
      {items.length >= 2 ? (
        <>
          <Form method="get" className="inline-form">
            {items.map((item) => (
              <input key={item.id} type="hidden" name="s" value={`${item.id}@${item.revisionNumber}`} />
            ))}
            <label htmlFor="compare-base">Differences against</label>
            <select id="compare-base" name="base" defaultValue={baseIndex}>
              {items.map((item, index) => (
                <option key={item.id} value={index}>
                  {item.label}
                </option>
              ))}
            </select>
            <button type="submit" className="secondary">
              Set base
            </button>
          </Form>
          <p>
            <PdfDownloadButton href={`/o/${slug}/scenarios/compare/pdf?${pdfItems.join("&")}`} label="Download comparison PDF" />
          </p>
          <CompareView items={items.map(({ label, bundle }) => ({ label, bundle }))} baseIndex={baseIndex} locale={locale} />
        </>
      ) : (
        <p className="empty-state">Pick at least two scenarios to see their headline results side by side.</p>
      )}
    </div>
  );
}
