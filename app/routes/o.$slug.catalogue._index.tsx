import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { EDITABLE_KINDS, KIND_LABELS, labelValue } from "~/catalogue/entries.ts";
import { Citations } from "~/components/citations.tsx";
import { FormError } from "~/components/form-error.tsx";
import { hasRole } from "~/domain/roles.ts";
import { CATALOGUE_KINDS, createCatalogue, type ResolvedCatalogueEntry } from "~/engine/index.ts";
import { getOrganisationLayer, listCatalogueVersions, removeCatalogueEntry } from "~/models/organization-catalogue.server.ts";
import { citeEntrySources } from "~/reports/sources.ts";
import { RemoveCatalogueEntrySchema } from "~/schemas/organization-catalogue.ts";
import catalogueStyles from "~/styles/org-catalogue.css";
import { readForm, validateForm } from "~/utils/form.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];

export const meta: MetaFunction = () => [{ title: "Catalogue · OpenTCO" }];

type Origin = "built-in" | "override" | "own";

function describeValues(entry: ResolvedCatalogueEntry): { key: string; label: string; value: string; unit: string }[] {
  return Object.entries(entry.values).map(([key, value]) => ({ key, label: labelValue(key), value, unit: entry.units[key] ?? "" }));
}

function toRow(entry: ResolvedCatalogueEntry) {
  const origin: Origin = entry.organisation === null ? "built-in" : entry.organisation.replaces === null ? "own" : "override";
  return {
    id: entry.id,
    label: entry.label,
    origin,
    values: describeValues(entry),
    /** The built-in values an override replaces. */
    builtIn: entry.organisation?.replaces ? Object.entries(entry.organisation.replaces.values).map(([key, value]) => ({ key, value })) : null,
    citations: citeEntrySources(entry.sources),
    asOf: entry.asOf,
  };
}

/** Everyone in the organisation reads its catalogue; owners and admins change it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireMembership(request, params.slug);
  const [layer, versions] = await Promise.all([getOrganisationLayer({ orgId: org.id }), listCatalogueVersions({ orgId: org.id })]);
  const catalogue = createCatalogue(layer);
  return {
    canChange: hasRole(role, "admin"),
    version: { number: layer.number, label: catalogue.version },
    groups: CATALOGUE_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind], editable: EDITABLE_KINDS.includes(kind), rows: catalogue.groups[kind].map(toRow) })),
    versions: versions.slice(0, 20),
  };
}

type ActionResult = { formError: string };

/** Removing an override or own entry; owners and admins (anyone else: the tenant 404). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, user } = await requireMembership(request, params.slug, "admin");
  const read = await readForm(request);
  if (!read.ok) return data<ActionResult>({ formError: read.failure.formError ?? "The form could not be read." }, { status: read.status });
  const parsed = validateForm(read.form, RemoveCatalogueEntrySchema);
  if (!parsed.success) return data<ActionResult>({ formError: parsed.failure.formError ?? Object.values(parsed.failure.fieldErrors)[0] ?? "The form could not be read." }, { status: 400 });
  const removed = await removeCatalogueEntry({ orgId: org.id, userId: user.id, entryId: parsed.data.id, base: parsed.data.base });
  if (removed === null) throwNotFound();
  if (!removed.ok) return data<ActionResult>({ formError: `Catalogue: changed meanwhile (now version ${removed.currentNumber}); look again and retry.` }, { status: 409 });
  return redirect(`/o/${org.slug}/catalogue?removed=${encodeURIComponent(parsed.data.id)}`);
}

const ORIGIN_BADGES: Record<Origin, string | null> = { "built-in": null, override: "organisation override", own: "organisation entry" };

export default function OrganisationCatalogue() {
  const { canChange, version, groups, versions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const removed = searchParams.get("removed");
  const imported = searchParams.get("imported");
  return (
    <div className="stack org-catalogue">
      <div className="page-heading">
        <h1>Catalogue</h1>
        {canChange ? (
          <div className="org-catalogue__actions">
            <Link className="button secondary" to="entry">
              Add entry
            </Link>
            <Link className="button secondary" to="import">
              Import prices
            </Link>
          </div>
        ) : null}
      </div>
      <p className="muted">
        The figures new scenarios and the editor's pickers start from: the built-in catalogue with this organisation's overrides and entries on top. Version{" "}
        <code>{version.label}</code>
        {version.number === 0 ? " (built-in only)." : "."} The public <Link to="/catalog">catalogue page</Link> shows the built-in figures only.
      </p>
      {saved ? (
        <p className="notice" role="status">
          Saved <code>{saved}</code>: new scenarios use it from now on.
        </p>
      ) : null}
      {imported ? (
        <p className="notice" role="status">
          Prices imported as version {imported}.
        </p>
      ) : null}
      {removed ? (
        <p className="notice" role="status">
          Removed <code>{removed}</code>.
        </p>
      ) : null}
      <FormError message={actionData?.formError} />
      <nav aria-label="Catalogue groups">
        <ul className="org-catalogue__jump">
          {groups.map((group) => (
            <li key={group.kind}>
              <a href={`#group-${group.kind}`}>
                {group.label} ({group.rows.length})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section key={group.kind} className="card" aria-labelledby={`group-${group.kind}`}>
          <h2 id={`group-${group.kind}`}>{group.label}</h2>
          <div className="table-scroll">
            <table className="org-catalogue__table org-catalogue__table--entries">
              <colgroup>
                <col className="entry" />
                <col className="values" />
                <col className="source" />
                {canChange && group.editable ? <col /> : null}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Entry</th>
                  <th scope="col">Values (USD unless stated)</th>
                  <th scope="col">Source and date</th>
                  {canChange && group.editable ? <th scope="col">Change</th> : null}
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.id} data-entry={row.id}>
                    <th scope="row">
                      {row.label}
                      {ORIGIN_BADGES[row.origin] ? <span className="badge badge--organisation">{ORIGIN_BADGES[row.origin]}</span> : null}
                      <br />
                      <code className="muted">{row.id}</code>
                    </th>
                    <td>
                      <ul className="org-catalogue__values">
                        {row.values.map((value) => {
                          const before = row.builtIn?.find((item) => item.key === value.key)?.value;
                          return (
                            <li key={value.key}>
                              <span className="key">{value.label}</span>
                              <span className="value">{value.value}</span> <span className="muted">{value.unit}</span>
                              {before !== undefined && before !== value.value ? <span className="muted"> (built-in: {before})</span> : null}
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                    <td>
                      <Citations citations={row.citations} />
                      <br />
                      <span className="muted">
                        figures as of <time dateTime={row.asOf}>{row.asOf}</time>
                      </span>
                    </td>
                    {canChange && group.editable ? (
                      <td className="org-catalogue__change">
                        <Link to={`entry?id=${encodeURIComponent(row.id)}`} aria-label={`${row.origin === "built-in" ? "Override" : "Edit"} ${row.label}`}>
                          {row.origin === "built-in" ? "Override" : "Edit"}
                        </Link>
                        {row.origin === "built-in" ? null : (
                          <Form method="post">
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="id" value={row.id} />
                            <input type="hidden" name="base" value={version.number} />
                            <button type="submit" className="secondary" disabled={busy} aria-label={`Remove ${row.label}`}>
                              Remove
                            </button>
                          </Form>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        {versions.length === 0 ? (
          <p className="muted">No change yet: the organisation uses the built-in catalogue.</p>
        ) : (
          <ol className="org-catalogue__versions" reversed>
            {versions.map((item) => (
              <li key={item.number} value={item.number}>
                <strong>Version {item.number}</strong> · <time dateTime={item.createdAt}>{item.createdAt.slice(0, 16).replace("T", " ")}</time> · {item.createdByEmail ?? "former member"}
                <br />
                {item.reason} <span className="muted">({item.entryCount} organisation {item.entryCount === 1 ? "entry" : "entries"})</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
