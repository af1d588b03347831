import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { EDITABLE_KINDS, KIND_LABELS, listValueFields, parseEntryFields } from "~/catalogue/entries.ts";
import { FormError } from "~/components/form-error.tsx";
import { SelectField } from "~/components/select-field.tsx";
import { TextField } from "~/components/text-field.tsx";
import { createCatalogue, type CatalogueKind } from "~/engine/index.ts";
import { getOrganisationLayer, saveCatalogueEntry } from "~/models/organization-catalogue.server.ts";
import { citeEntrySources, describeCitationsBriefly } from "~/reports/sources.ts";
import { SaveCatalogueEntrySchema } from "~/schemas/organization-catalogue.ts";
import catalogueStyles from "~/styles/org-catalogue.css";
import { readForm, validateForm } from "~/utils/form.server.ts";
import { getToday } from "~/utils/today.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];

export const meta: MetaFunction = () => [{ title: "Catalogue entry · OpenTCO" }];

function isEditableKind(kind: string | null): kind is CatalogueKind {
  return EDITABLE_KINDS.some((candidate) => candidate === kind);
}

/**
 * The override and add-entry form; owners and admins (anyone else: the tenant 404). `?id=` overrides a
 * built-in entry or edits an own one; `?kind=` starts a new entry of that group; neither: pick a group.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, params.slug, "admin");
  const url = new URL(request.url);
  const layer = await getOrganisationLayer({ orgId: org.id });
  const catalogue = createCatalogue(layer);
  const id = url.searchParams.get("id");
  const kinds = EDITABLE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));
  if (id !== null) {
    const entry = catalogue.get(id);
    if (entry === null || !isEditableKind(entry.kind)) throwNotFound();
    const mode = entry.organisation === null || entry.organisation.replaces !== null ? ("override" as const) : ("edit" as const);
    return {
      mode,
      base: layer.number,
      kinds,
      kindLabel: KIND_LABELS[entry.kind],
      entry: {
        id: entry.id,
        kind: entry.kind,
        label: entry.label,
        values: listValueFields(entry.kind).map(({ key, label, unit }) => ({ key, label, unit, value: entry.values[key] ?? "", builtIn: (entry.organisation?.replaces ?? entry).values[key] ?? null })),
        // An override starts empty: the built-in source is not the organisation's.
        sourceNote: entry.organisation?.sourceNote ?? "",
        asOf: entry.organisation?.asOf ?? getToday(),
        builtInSource: mode === "override" ? describeCitationsBriefly(citeEntrySources((entry.organisation?.replaces ?? entry).sources)) : null,
      },
    };
  }
  const kind = url.searchParams.get("kind");
  if (!isEditableKind(kind)) return { mode: "choose" as const, base: layer.number, kinds, kindLabel: null, entry: null };
  return {
    mode: "add" as const,
    base: layer.number,
    kinds,
    kindLabel: KIND_LABELS[kind],
    entry: { id: "", kind, label: "", values: listValueFields(kind).map(({ key, label, unit }) => ({ key, label, unit, value: "", builtIn: null })), sourceNote: "", asOf: getToday(), builtInSource: null },
  };
}

type ActionResult = { formError?: string; fieldErrors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, user } = await requireMembership(request, params.slug, "admin");
  const read = await readForm(request);
  if (!read.ok) return data<ActionResult>({ formError: read.failure.formError, fieldErrors: read.failure.fieldErrors, values: {} }, { status: read.status });
  const envelope = validateForm(read.form, SaveCatalogueEntrySchema);
  // Hidden fields (intent, base) have no place beside them: their message heads the form.
  if (!envelope.success) return data<ActionResult>({ ...envelope.failure, formError: envelope.failure.formError ?? Object.values(envelope.failure.fieldErrors)[0] }, { status: 400 });
  const fields = Object.fromEntries([...read.form.entries()].filter((pair): pair is [string, string] => typeof pair[1] === "string"));
  const layer = await getOrganisationLayer({ orgId: org.id });
  const parsed = parseEntryFields(fields, createCatalogue(layer));
  if (!parsed.ok) {
    const messages = Object.values(parsed.fieldErrors);
    const more = messages.length > 1 ? ` (and ${messages.length - 1} more below)` : "";
    return data<ActionResult>({ formError: `${messages[0] ?? "Entry: invalid"}${more}; nothing was saved.`, fieldErrors: parsed.fieldErrors, values: fields }, { status: 400 });
  }
  const saved = await saveCatalogueEntry({ orgId: org.id, userId: user.id, entry: parsed.entry, base: envelope.data.base });
  if (!saved.ok) {
    return data<ActionResult>({ formError: `Catalogue: changed meanwhile (now version ${saved.currentNumber}); reload the page and save again.`, fieldErrors: {}, values: fields }, { status: 409 });
  }
  return redirect(`/o/${org.slug}/catalogue?saved=${encodeURIComponent(parsed.entry.id)}`);
}

const TITLES = { override: "Override a catalogue entry", edit: "Edit an organisation entry", add: "Add a catalogue entry", choose: "Add a catalogue entry" } as const;

export default function CatalogueEntryPage() {
  const { mode, base, kinds, kindLabel, entry } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const values = result?.values ?? {};
  const errors = result?.fieldErrors ?? {};
  return (
    <div className="stack org-catalogue">
      <p>
        <Link to="..">← Catalogue</Link>
      </p>
      <h1>{TITLES[mode]}</h1>
      <FormError message={result?.formError} />
      {entry === null ? (
        <section className="card">
          <Form method="get" className="form-narrow">
            <SelectField name="kind" label="Group" options={kinds} hint="Which part of the catalogue the entry belongs to: its values follow the group's." />
            <button type="submit">Continue</button>
          </Form>
        </section>
      ) : (
        <section className="card">
          <p className="muted">
            {kindLabel}
            {mode === "override" ? (
              <>
                {" "}
                · overrides <code>{entry.id}</code> for this organisation only{entry.builtInSource ? ` (built-in source: ${entry.builtInSource})` : ""}. New scenarios and pickers use it; existing scenarios keep their figures until edited.
              </>
            ) : null}
          </p>
          <Form method="post" className="form-narrow" noValidate>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="base" value={base} />
            <input type="hidden" name="kind" value={entry.kind} />
            {mode === "add" ? (
              <TextField
                name="id"
                label="Catalogue id"
                required
                autoCapitalize="none"
                spellCheck={false}
                defaultValue={values.id ?? entry.id}
                error={errors.id}
                hint="Lowercase letters, digits, '.' and '-', e.g. rent.eu-cloud.h100. Scenarios refer to the entry by it."
              />
            ) : (
              <input type="hidden" name="id" value={entry.id} />
            )}
            <TextField name="label" label="Label" required defaultValue={values.label ?? entry.label} error={errors.label} />
            {entry.values.map((value) => (
              <TextField
                key={value.key}
                name={`value.${value.key}`}
                label={`${value.label} (${value.unit})`}
                inputMode="decimal"
                required
                defaultValue={values[`value.${value.key}`] ?? value.value}
                error={errors[`value.${value.key}`]}
                hint={value.builtIn !== null && mode === "override" ? `Built-in: ${value.builtIn}. A decimal such as "12.5".` : 'A decimal such as "12.5".'}
              />
            ))}
            <TextField
              name="sourceNote"
              label="Source note"
              required
              defaultValue={values.sourceNote ?? entry.sourceNote}
              error={errors.sourceNote}
              hint="Where the figures come from, e.g. “negotiated H100 price, MSA 2026-09”."
            />
            <TextField name="asOf" label="As of" type="date" required defaultValue={values.asOf ?? entry.asOf} error={errors.asOf} hint="The date the figures describe." />
            <button type="submit" disabled={busy}>
              {mode === "override" ? "Save override" : "Save entry"}
            </button>
          </Form>
        </section>
      )}
    </div>
  );
}
