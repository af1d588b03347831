import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { hasRole } from "~/domain/roles.ts";
import { DataTable, type DataColumn } from "~/components/data-table.tsx";
import { getRevisionDiff, getScenario, listRevisions } from "~/models/scenario.server.ts";
import { createFormatter } from "~/reports/index.ts";
import scenarioStyles from "~/styles/scenarios.css";
import { readRevisionParam } from "~/utils/revision-param.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scenarioStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `History of ${data.scenario.name} · OpenTCO` : "History · OpenTCO" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireMembership(request, params.slug);
  const scenarioId = params.id ?? "";
  const scenario = await getScenario({ orgId: org.id, scenarioId });
  if (!scenario) throwNotFound();
  const url = new URL(request.url);
  const to = readRevisionParam(url, "to", scenario.latestRevisionNumber) ?? scenario.latestRevisionNumber;
  const from = readRevisionParam(url, "from", Math.max(1, to - 1)) ?? 1;
  const [revisions, diff] = await Promise.all([listRevisions({ orgId: org.id, scenarioId }), getRevisionDiff({ orgId: org.id, scenarioId, from, to })]);
  if (!diff) throwNotFound();
  return { scenario, revisions, diff, from, to, canEdit: hasRole(role, "editor") && scenario.archivedAt === null };
}

type RevisionRow = ReturnType<typeof useLoaderData<typeof loader>>["revisions"][number];

type Headline = { currency: string; cheapestName: string | null; cheapestCashTotal: string | null; breakEvenMonth: number | null } | null;

function describeHeadline(headline: Headline): string {
  if (!headline?.cheapestCashTotal) return "no option available";
  const fmt = createFormatter(headline.currency);
  const breakEven = headline.breakEvenMonth == null ? "no break-even within the horizon" : `break-even in month ${headline.breakEvenMonth + 1}`;
  return `${headline.cheapestName}: ${fmt.money(headline.cheapestCashTotal)}, ${breakEven}`;
}

function RevisionSelect({ id, name, label, numbers, value }: { id: string; name: string; label: string; numbers: number[]; value: number }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            revision {n}
          </option>
        ))}
      </select>
    </>
  );
}

export default function ScenarioHistory() {
  const { scenario, revisions, diff, from, to, canEdit } = useLoaderData<typeof loader>();
  const columns: DataColumn<RevisionRow>[] = [
    { id: "number", header: "Revision", numeric: true, fit: true, cell: (row) => <Link to={`..?revision=${row.number}`} relative="path">{row.number}</Link>, sortValue: (row) => row.number },
    { id: "createdAt", header: "Saved", fit: true, cell: (row) => <time dateTime={row.createdAt}>{row.createdAt.slice(0, 16).replace("T", " ")}</time>, sortValue: (row) => row.createdAt },
    { id: "by", header: "By", cell: (row) => row.createdByEmail ?? "former member", sortValue: (row) => row.createdByEmail ?? undefined },
    { id: "note", header: "Note", cell: (row) => row.note ?? "" },
    { id: "headline", header: "Cheapest option and horizon cost", cell: (row) => describeHeadline(row.headline) },
    {
      id: "restore",
      header: "Actions",
      cell: (row) =>
        canEdit && row.number !== scenario.latestRevisionNumber ? (
          <Form method="post" action=".." relative="path">
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="revision" value={row.number} />
            <button type="submit" className="secondary small" aria-label={`Restore revision ${row.number}`}>
              Restore
            </button>
          </Form>
        ) : null,
    },
  ];
  const numbers = revisions.map((revision) => revision.number);
  return (
    <div className="stack">
      <p>
        <Link to=".." relative="path">
          ← {scenario.name}
        </Link>
      </p>
      <h1>History</h1>
      <div className="table-scroll">
        <DataTable caption={`${revisions.length} revision${revisions.length === 1 ? "" : "s"}, newest first`} columns={columns} rows={revisions} getRowId={(row) => String(row.number)} />
      </div>
      <section className="card" aria-labelledby="diff-heading">
        <h2 id="diff-heading">
          What changed from revision {from} to revision {to}
        </h2>
        <Form method="get" className="inline-form">
          <RevisionSelect id="diff-from" name="from" label="From" numbers={numbers} value={from} />
          <RevisionSelect id="diff-to" name="to" label="to" numbers={numbers} value={to} />
          <button type="submit" className="secondary">
            Compare revisions
          </button>
        </Form>
        <dl className="headline-move">
          <dt>Revision {from}</dt>
          <dd>{describeHeadline(diff.headlineFrom)}</dd>
          <dt>Revision {to}</dt>
          <dd>{describeHeadline(diff.headlineTo)}</dd>
        </dl>
        {diff.changes.length === 0 ? (
          <p>The inputs are identical.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>
                {diff.changes.length} input{diff.changes.length === 1 ? "" : "s"} changed
              </caption>
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col">Revision {from}</th>
                  <th scope="col">Revision {to}</th>
                </tr>
              </thead>
              <tbody>
                {diff.changes.map((change) => (
                  <tr key={change.path}>
                    <th scope="row">
                      <code>{change.path}</code>
                    </th>
                    <td>{change.before ?? "(absent)"}</td>
                    <td>{change.after ?? "(absent)"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
