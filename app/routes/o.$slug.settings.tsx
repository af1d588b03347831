import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SlugField } from "~/components/account-fields.tsx";
import { FormError } from "~/components/form-error.tsx";
import { SelectField } from "~/components/select-field.tsx";
import { TextField } from "~/components/text-field.tsx";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { hasRole } from "~/domain/roles.ts";
import { SlugTakenError, deleteOrganization, updateOrganizationSettings } from "~/models/organization.server.ts";
import { CURRENCIES, CURRENCY_LABELS } from "~/schemas/currency.ts";
import { DeleteOrganizationSchema, OrganizationSettingsSchema, PDF_PAGE_SIZE_LABELS, PDF_PAGE_SIZES, REPORT_LOCALE_LABELS, REPORT_LOCALES } from "~/schemas/organization.ts";
import { createFieldFailure, createFormFailure, readForm, validateForm, type FormFailure } from "~/utils/form.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Settings · OpenTCO" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireMembership(request, params.slug, "admin");
  // Set by the redirect that follows a change of URL (the action's own answer is lost in a redirect).
  const movedHere = new URL(request.url).searchParams.get("saved") === "moved";
  return { org: { name: org.name, slug: org.slug, defaultCurrency: org.defaultCurrency, locale: org.locale, pdfPageSize: org.pdfPageSize }, canDelete: hasRole(role, "owner"), movedHere };
}

type Intent = "update" | "delete";
type ActionResult = { intent: Intent | null; failure?: FormFailure; notice?: string };

function respond(result: ActionResult, status = 200) {
  return data(result, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, role, user } = await requireMembership(request, params.slug, "admin");
  const read = await readForm(request);
  if (!read.ok) return respond({ intent: null, failure: read.failure }, read.status);
  const intent = read.form.get("intent");
  if (intent === "update") {
    const parsed = validateForm(read.form, OrganizationSettingsSchema);
    if (!parsed.success) return respond({ intent, failure: parsed.failure }, parsed.status);
    try {
      if (!(await updateOrganizationSettings({ orgId: org.id, actorUserId: user.id, settings: parsed.data }))) throwNotFound();
    } catch (error) {
      if (error instanceof SlugTakenError) return respond({ intent, failure: createFieldFailure("slug", error.message, { ...parsed.data }) }, 409);
      throw error;
    }
    // The slug is part of every tenant URL: follow it when it changed.
    if (parsed.data.slug !== org.slug) throw redirect(`/o/${parsed.data.slug}/settings?saved=moved`);
    return respond({ intent, notice: "Settings saved." });
  }
  if (intent === "delete") {
    // Deleting is the owner's alone; an admin gets the same 404 as for any page beyond their role.
    if (!hasRole(role, "owner")) throwNotFound();
    const parsed = validateForm(read.form, DeleteOrganizationSchema);
    if (!parsed.success) return respond({ intent, failure: parsed.failure }, parsed.status);
    if (parsed.data.confirmation !== org.slug) {
      return respond({ intent, failure: createFieldFailure("confirmation", `Confirmation: type “${org.slug}” exactly to delete this organisation`) }, 400);
    }
    if (!(await deleteOrganization({ orgId: org.id }))) throwNotFound();
    throw redirect("/");
  }
  return respond({ intent: null, failure: createFormFailure("Intent: must be update or delete") }, 400);
}

export default function SettingsPage() {
  const { org, canDelete, movedHere } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const update = result?.intent === "update" || result?.intent === null ? result : undefined;
  const remove = result?.intent === "delete" ? result : undefined;
  const values = update?.failure?.values ?? {};
  const errors = update?.failure?.fieldErrors ?? {};
  return (
    <div className="stack">
      <h1>Settings</h1>
      <section className="card" aria-labelledby="general-heading">
        <h2 id="general-heading">Organisation</h2>
        <Form method="post" className="form-narrow" noValidate>
          <input type="hidden" name="intent" value="update" />
          <FormError message={update?.failure?.formError} />
          <TextField name="name" label="Organisation name" required autoFocus defaultValue={values.name ?? org.name} error={errors.name} />
          <SlugField defaultValue={values.slug ?? org.slug} error={errors.slug} note="Changing it breaks old links." />
          <SelectField
            name="defaultCurrency"
            label="Default currency"
            options={CURRENCIES.map((c) => ({ value: c, label: CURRENCY_LABELS[c] }))}
            defaultValue={values.defaultCurrency ?? org.defaultCurrency}
            hint="ISO 4217. New scenarios start in this currency."
            error={errors.defaultCurrency}
          />
          <SelectField
            name="locale"
            label="Report locale"
            options={REPORT_LOCALES.map((locale) => ({ value: locale, label: REPORT_LOCALE_LABELS[locale] }))}
            defaultValue={values.locale ?? org.locale}
            hint="How PDF reports write numbers, money and dates. Money stays in each scenario's currency."
            error={errors.locale}
          />
          <SelectField
            name="pdfPageSize"
            label="PDF page size"
            options={PDF_PAGE_SIZES.map((size) => ({ value: size, label: PDF_PAGE_SIZE_LABELS[size] }))}
            defaultValue={values.pdfPageSize ?? org.pdfPageSize}
            error={errors.pdfPageSize}
          />
          <button type="submit" disabled={busy}>
            Save settings
          </button>
          <SavedNotice notice={update?.notice ?? (movedHere && !update ? `Settings saved. The organisation's URL is now /o/${org.slug}; links to the old one no longer work.` : undefined)} />
        </Form>
      </section>
      {canDelete ? (
        <section className="card danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete organisation</h2>
          <p>
            Deletes <strong>{org.name}</strong> with its members, invitations and audit trail. This cannot be undone.
          </p>
          <Form method="post" className="form-narrow" noValidate>
            <input type="hidden" name="intent" value="delete" />
            <FormError message={remove?.failure?.formError} />
            <TextField
              name="confirmation"
              label={`Type “${org.slug}” to confirm`}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              error={remove?.failure?.fieldErrors.confirmation}
            />
            <button type="submit" className="danger" disabled={busy}>
              Delete organisation
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

/** The answer to a save, beside the button that was pressed (on a phone the top of the form is out of view). */
function SavedNotice({ notice }: { notice: string | undefined }) {
  return (
    <p className="notice saved-notice" role="status" hidden={!notice}>
      {notice}
    </p>
  );
}
