import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { NewPasswordField, SlugField } from "~/components/account-fields.tsx";
import { FormError } from "~/components/form-error.tsx";
import { TextField } from "~/components/text-field.tsx";
import { createSession, getSession } from "~/auth/session.server.ts";
import { respondWithThrottleRefusal } from "~/auth/throttle.server.ts";
import { getAddressRefusal, recordFailedAttempt } from "~/models/login-attempt.server.ts";
import { EmailTakenError, SlugTakenError, createUserWithOrganization } from "~/models/user.server.ts";
import { SignupSchema } from "~/schemas/organization.ts";
import { getClientAddress } from "~/utils/client-address.server.ts";
import { createFieldFailure, parseForm, respondWithFailure } from "~/utils/form.server.ts";

export const meta: MetaFunction = () => [{ title: "Create account · OpenTCO" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSession(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseForm(request, SignupSchema);
  if (!parsed.success) return respondWithFailure(parsed.failure, parsed.status);
  const { email, orgName, slug } = parsed.data;
  // Sign-up answers "already registered", so it is a way to probe for accounts: the address ceiling
  // of the log-in throttle applies here too, and each such answer counts as a failure.
  const ip = getClientAddress(request);
  const refusal = await getAddressRefusal({ ip });
  if (refusal) return respondWithThrottleRefusal(refusal, { email, orgName, slug });
  try {
    const created = await createUserWithOrganization(parsed.data);
    const cookie = await createSession(created.userId);
    return redirect(`/o/${created.slug}`, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      await recordFailedAttempt({ email, ip });
      return respondWithFailure(createFieldFailure("email", error.message, { email, orgName, slug }), 409);
    }
    if (error instanceof SlugTakenError) return respondWithFailure(createFieldFailure("slug", error.message, { email, orgName, slug }), 409);
    throw error;
  }
}

export default function SignupPage() {
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const errors = failure?.fieldErrors ?? {};
  const values = failure?.values ?? {};
  return (
    <main className="page page--narrow">
      <h1>Create your OpenTCO account</h1>
      <p className="muted">You become the owner of a new organisation; invite your team afterwards.</p>
      <Form method="post" className="card" noValidate>
        <FormError message={failure?.formError} />
        <TextField name="email" label="Email" type="email" autoComplete="email" required autoFocus defaultValue={values.email} error={errors.email} />
        <NewPasswordField error={errors.password} />
        <TextField name="orgName" label="Organisation name" autoComplete="organization" required defaultValue={values.orgName} error={errors.orgName} />
        <SlugField defaultValue={values.slug} error={errors.slug} />
        <button type="submit" disabled={submitting}>
          Create account
        </button>
      </Form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </main>
  );
}
