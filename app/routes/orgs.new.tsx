import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { NewOrganizationFields } from "~/components/account-fields.tsx";
import { FormError } from "~/components/form-error.tsx";
import { requireSession } from "~/auth/session.server.ts";
import { SlugTakenError, createOrganization } from "~/models/organization.server.ts";
import { CreateOrganizationSchema } from "~/schemas/organization.ts";
import { createFieldFailure, parseForm, respondWithFailure } from "~/utils/form.server.ts";

export const meta: MetaFunction = () => [{ title: "New organisation · OpenTCO" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSession(request);
  return null;
}

/** Any signed-in user may found an organisation; they become its owner. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const parsed = await parseForm(request, CreateOrganizationSchema);
  if (!parsed.success) return respondWithFailure(parsed.failure, parsed.status);
  try {
    const created = await createOrganization({ userId: session.user.id, name: parsed.data.orgName, slug: parsed.data.slug });
    return redirect(`/o/${created.slug}`);
  } catch (error) {
    if (error instanceof SlugTakenError) return respondWithFailure(createFieldFailure("slug", error.message, { ...parsed.data }), 409);
    throw error;
  }
}

export default function NewOrganizationPage() {
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const errors = failure?.fieldErrors ?? {};
  return (
    <main id="main" className="page page--narrow">
      <h1>New organisation</h1>
      <p className="muted">You become its owner. Your other organisations are not affected.</p>
      <Form method="post" className="card" noValidate>
        <FormError message={failure?.formError} />
        <NewOrganizationFields defaultName={failure?.values.orgName} defaultSlug={failure?.values.slug} errors={errors} autoFocus />
        <button type="submit" disabled={submitting}>
          Create organisation
        </button>
      </Form>
      <p>
        <Link to="/">Back</Link>
      </p>
    </main>
  );
}
