import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { NewOrganizationFields, NewPasswordField } from "~/components/account-fields.tsx";
import { FormError } from "~/components/form-error.tsx";
import { TextField } from "~/components/text-field.tsx";
import { createSession, getSession } from "~/auth/session.server.ts";
import { respondWithThrottleRefusal, throttledRouteHeaders } from "~/auth/throttle.server.ts";
import { getAddressRefusal, MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP } from "~/models/login-attempt.server.ts";
import { SlugTakenError, createOrganization } from "~/models/organization.server.ts";
import { EmailTakenError, createUserWithOrganization, verifyLogin } from "~/models/user.server.ts";
import { SignupSchema } from "~/schemas/organization.ts";
import { getClientAddress } from "~/utils/client-address.server.ts";
import { createFieldFailure, createFormFailure, parseForm, respondWithFailure } from "~/utils/form.server.ts";
import { answerUnavailableDatabase } from "~/auth/database-down.server.ts";

export const meta: MetaFunction = () => [
  { title: "Create account · OpenTCO" },
  { name: "description", content: "Create an OpenTCO account and an organisation to model LLM API spend against self-hosted inference." },
];

export const headers = throttledRouteHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSession(request)) throw redirect("/");
  return null;
}

/**
 * Answered when the email already has an account and the password is not its password: it does not
 * say that the account exists (docs/decisions/013-sign-up-and-existing-accounts.md).
 */
export const SIGNUP_REFUSED = "We could not create an account with this email and password. If you already have an account, log in with it; otherwise check the email address.";

export const action = /* @__PURE__ */ answerUnavailableDatabase(async ({ request, context }: ActionFunctionArgs) => {
  const parsed = await parseForm(request, SignupSchema);
  if (!parsed.success) return respondWithFailure(parsed.failure, parsed.status);
  const { email, orgName, slug } = parsed.data;
  const values = { email, orgName, slug };
  // Sign-up can still tell an existing account from a new one (ADR 013): an address with a few
  // failures (log-ins or such probes) may not sign up for a while.
  const ip = getClientAddress(context);
  const refusal = await getAddressRefusal({ ip, ceiling: MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP });
  if (refusal) return respondWithThrottleRefusal(refusal, values);
  try {
    const created = await createUserWithOrganization(parsed.data);
    return redirect(`/o/${created.slug}`, { headers: { "Set-Cookie": await createSession(created.userId) } });
  } catch (error) {
    if (error instanceof SlugTakenError) return respondWithFailure(createFieldFailure("slug", error.message, values), 409);
    if (!(error instanceof EmailTakenError)) throw error;
  }
  // The email has an account. With its password this is its owner: the same answer as for a new
  // account (signed in, the new organisation created). Otherwise a log-in failure, counted and
  // throttled like one, answered without naming the account.
  const login = await verifyLogin({ email, password: parsed.data.password }, { ip });
  if (!login.ok && login.reason === "throttled") return respondWithThrottleRefusal(login.refusal, values);
  if (!login.ok) return respondWithFailure(createFormFailure(SIGNUP_REFUSED, values), 400);
  try {
    const created = await createOrganization({ userId: login.user.id, name: orgName, slug });
    return redirect(`/o/${created.slug}`, { headers: { "Set-Cookie": await createSession(login.user.id) } });
  } catch (error) {
    if (error instanceof SlugTakenError) return respondWithFailure(createFieldFailure("slug", error.message, values), 409);
    throw error;
  }
});

export default function SignupPage() {
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const errors = failure?.fieldErrors ?? {};
  const values = failure?.values ?? {};
  return (
    <main id="main" className="page page--narrow">
      <h1>Create your OpenTCO account</h1>
      <p className="muted">You become the owner of a new organisation; invite your team afterwards.</p>
      <Form method="post" className="card" noValidate>
        <FormError message={failure?.formError} />
        <TextField name="email" label="Email" type="email" autoComplete="email" required autoFocus defaultValue={values.email} error={errors.email} />
        <NewPasswordField error={errors.password} />
        <NewOrganizationFields defaultName={values.orgName} defaultSlug={values.slug} errors={errors} />
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
