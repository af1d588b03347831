import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, useSearchParams } from "@remix-run/react";
import { useMemo, useState } from "react";
import { requireMembership } from "~/auth/membership.server.ts";
import { hasRole } from "~/domain/roles.ts";
import { DataTable, type DataColumn } from "~/components/data-table.tsx";
import { FormError } from "~/components/form-error.tsx";
import { fillFromCatalogue } from "~/catalogue/bindings.ts";
import { getOrganisationCatalogue } from "~/models/organization-catalogue.server.ts";
import { createScenario, listScenarios } from "~/models/scenario.server.ts";
import { createFormatter } from "~/reports/index.ts";
import { CreateFromTemplateSchema, MAX_SCENARIO_BYTES } from "~/schemas/scenario.ts";
import scenarioStyles from "~/styles/scenarios.css";
import { getScenarioTemplate, SCENARIO_TEMPLATES } from "~/templates/index.ts";
import { computeSlots } from "~/utils/compute-slots.server.ts";
import { displayFileName } from "~/utils/control-characters.ts";
import { readForm, validateForm } from "~/utils/form.server.ts";
import { getToday } from "~/utils/today.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scenarioStyles }];

export const meta: MetaFunction = () => [{ title: "Scenarios · OpenTCO" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireMembership(request, params.slug);
  const archived = new URL(request.url).searchParams.get("archived") === "1";
  const scenarios = await listScenarios({ orgId: org.id, archived });
  return {
    scenarios,
    archived,
    canEdit: hasRole(role, "editor"),
    templates: SCENARIO_TEMPLATES.map(({ id, title, description }) => ({ id, title, description })),
  };
}

type ActionResult = { formError?: string; issues?: { path: string; message: string }[]; fileName?: string };

/** Create from a template or from an imported JSON file; editors and above (anyone else: the tenant 404). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, user } = await requireMembership(request, params.slug, "editor");
  const read = await readForm(request, MAX_SCENARIO_BYTES);
  if (!read.ok) return data<ActionResult>({ formError: read.failure.formError }, { status: read.status });
  const intent = read.form.get("intent");
  let inputs: unknown;
  let fileName: string | undefined;
  if (intent === "import") {
    const file = read.form.get("file");
    if (!(file instanceof File) || file.size === 0) return data<ActionResult>({ formError: "File: choose a scenario JSON file to import" }, { status: 400 });
    fileName = displayFileName(file.name);
    try {
      inputs = JSON.parse(await file.text());
    } catch (error) {
      return data<ActionResult>({ fileName, formError: `File: ${fileName} is not valid JSON (${(error as Error).message})` }, { status: 400 });
    }
  } else {
    const parsed = validateForm(read.form, CreateFromTemplateSchema);
    if (!parsed.success) return data<ActionResult>({ formError: Object.values(parsed.failure.fieldErrors)[0] ?? parsed.failure.formError }, { status: 400 });
    const template = getScenarioTemplate(parsed.data.templateId);
    if (!template) return data<ActionResult>({ formError: "Template: unknown template" }, { status: 400 });
    // New scenarios start from the organisation's catalogue: its overrides replace the built-in values the template keeps.
    inputs = fillFromCatalogue(template.inputs, await getOrganisationCatalogue({ orgId: org.id }));
  }
  const created = await computeSlots.run(() => createScenario({ orgId: org.id, userId: user.id, inputs, note: fileName ? `Imported from ${fileName}` : undefined, asOf: getToday() }));
  if (!created.ok) return data<ActionResult>({ fileName, formError: `The scenario has ${created.issues.length} error${created.issues.length === 1 ? "" : "s"}; nothing was saved.`, issues: created.issues }, { status: 400 });
  return redirect(`/o/${org.slug}/scenarios/${created.scenarioId}`);
}

type ScenarioRow = ReturnType<typeof useLoaderData<typeof loader>>["scenarios"][number];

const OPTIONAL_COLUMNS = [
  { id: "updatedBy", label: "Changed by" },
  { id: "cheapest", label: "Cheapest compliant option" },
  { id: "tco", label: "Horizon TCO" },
  { id: "breakEven", label: "Break-even" },
  { id: "revisions", label: "Revisions" },
] as const;
type OptionalColumnId = (typeof OPTIONAL_COLUMNS)[number]["id"];

function useScenarioColumns(slug: string, visible: ReadonlySet<OptionalColumnId>): DataColumn<ScenarioRow>[] {
  return useMemo(() => {
    const all: (DataColumn<ScenarioRow> & { optional?: OptionalColumnId })[] = [
      {
        id: "name",
        header: "Scenario",
        cell: (row) => (
          <>
            <Link to={`/o/${slug}/scenarios/${row.id}`}>{row.name}</Link>
            {row.archivedAt ? <span className="tag">archived</span> : null}
          </>
        ),
        sortValue: (row) => row.name,
      },
      { id: "updatedAt", header: "Last change", fit: true, cell: (row) => <time dateTime={row.updatedAt}>{row.updatedAt.slice(0, 16).replace("T", " ")}</time>, sortValue: (row) => row.updatedAt },
      { id: "updatedBy", optional: "updatedBy", header: "By", cell: (row) => row.updatedByEmail ?? "former member", sortValue: (row) => row.updatedByEmail ?? undefined },
      { id: "cheapest", optional: "cheapest", header: "Cheapest compliant option", cell: (row) => row.headline?.cheapestName ?? "none", sortValue: (row) => row.headline?.cheapestName ?? undefined },
      {
        id: "tco",
        optional: "tco",
        header: "Horizon TCO",
        headerNote: "cash, scenario currency",
        numeric: true,
        cell: (row) => (row.headline?.cheapestCashTotal ? createFormatter(row.headline.currency).moneyCompact(row.headline.cheapestCashTotal) : "—"),
        sortValue: (row) => (row.headline?.cheapestCashTotal ? Number(row.headline.cheapestCashTotal) : undefined),
      },
      {
        id: "breakEven",
        optional: "breakEven",
        header: "Break-even",
        headerNote: "against the runner-up",
        numeric: true,
        cell: (row) => (row.headline?.breakEvenMonth == null ? "never" : `month ${row.headline.breakEvenMonth + 1}`),
        sortValue: (row) => (row.headline?.breakEvenMonth == null ? undefined : row.headline.breakEvenMonth),
      },
      { id: "revisions", optional: "revisions", header: "Revisions", numeric: true, fit: true, cell: (row) => row.revisionCount, sortValue: (row) => row.revisionCount },
    ];
    return all.filter((column) => column.optional === undefined || visible.has(column.optional));
  }, [slug, visible]);
}

export default function ScenarioList() {
  const { scenarios, archived, canEdit, templates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const slug = useParams().slug ?? "";
  const [query, setQuery] = useState(searchParams.get("q") ?? "");
  const [visible, setVisible] = useState<ReadonlySet<OptionalColumnId>>(new Set(OPTIONAL_COLUMNS.map((column) => column.id)));
  const columns = useScenarioColumns(slug, visible);
  const needle = query.trim().toLowerCase();
  const rows = needle ? scenarios.filter((row) => `${row.name} ${row.headline?.cheapestName ?? ""} ${row.updatedByEmail ?? ""}`.toLowerCase().includes(needle)) : scenarios;
  const busy = navigation.state === "submitting";

  return (
    <div className="stack">
      <div className="page-heading">
        <h1>Scenarios</h1>
        {scenarios.length >= 2 ? (
          <Link className="button secondary" to="compare">
            Compare scenarios
          </Link>
        ) : null}
      </div>

      {canEdit ? (
        <section className="card" aria-labelledby="new-scenario">
          <h2 id="new-scenario">New scenario</h2>
          <FormError message={actionData?.formError} />
          {actionData?.issues ? (
            <ul className="issue-list" aria-label={`Errors in ${actionData.fileName ?? "the scenario"}`}>
              {actionData.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path || "(document)"}</code> {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
          <ul className="template-grid">
            {templates.map((template) => (
              <li key={template.id}>
                <Form method="post">
                  <input type="hidden" name="intent" value="template" />
                  <input type="hidden" name="templateId" value={template.id} />
                  <button type="submit" className={template.id === "blank" ? undefined : "secondary"} disabled={busy}>
                    {template.id === "blank" ? "New blank scenario" : template.title}
                  </button>
                  <p className="muted">{template.description}</p>
                </Form>
              </li>
            ))}
          </ul>
          <Form method="post" encType="multipart/form-data" className="import-form">
            <input type="hidden" name="intent" value="import" />
            <label htmlFor="import-file">Import a scenario file (JSON, any format version)</label>
            <input id="import-file" name="file" type="file" accept="application/json,.json" required />
            <button type="submit" className="secondary" disabled={busy}>
              Import
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="scenario-list-heading">
        <h2 id="scenario-list-heading" className="visually-hidden">
          {archived ? "Archived scenarios" : "Scenarios"}
        </h2>
        <div className="table-tools">
          <label>
            Search <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Name, option or person" />
          </label>
          <details className="column-chooser">
            <summary>Columns</summary>
            <fieldset>
              <legend>Show columns</legend>
              {OPTIONAL_COLUMNS.map((column) => (
                <label key={column.id}>
                  <input
                    type="checkbox"
                    checked={visible.has(column.id)}
                    onChange={(event) => {
                      const next = new Set(visible);
                      if (event.target.checked) next.add(column.id);
                      else next.delete(column.id);
                      setVisible(next);
                    }}
                  />{" "}
                  {column.label}
                </label>
              ))}
            </fieldset>
          </details>
          <Link to={archived ? "." : "?archived=1"}>{archived ? "Show active scenarios" : "Show archived scenarios"}</Link>
        </div>
        {rows.length === 0 ? (
          <p className="empty-state">{scenarios.length === 0 ? (archived ? "No archived scenarios." : canEdit ? "No scenarios yet: start from a template above." : "No scenarios yet.") : `No scenario matches “${query}”.`}</p>
        ) : (
          <div className="table-scroll">
            <DataTable caption={`${rows.length} scenario${rows.length === 1 ? "" : "s"}${archived ? " (archived)" : ""}`} columns={columns} rows={rows} getRowId={(row) => row.id} />
          </div>
        )}
      </section>
    </div>
  );
}
