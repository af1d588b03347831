import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FormError } from "~/components/form-error.tsx";
import { TextField } from "~/components/text-field.tsx";
import { createSession, getSafeRedirect, getSession } from "~/auth/session.server.ts";
import { respondWithThrottleRefusal, throttledRouteHeaders } from "~/auth/throttle.server.ts";
import { verifyLogin } from "~/models/user.server.ts";
import { LoginSchema } from "~/schemas/auth.ts";
import { getClientAddress } from "~/utils/client-address.server.ts";
import { createFormFailure, readForm, respondWithFailure, validateForm } from "~/utils/form.server.ts";
import { answerUnavailableDatabase } from "~/auth/database-down.server.ts";

export const meta: MetaFunction = () => [
  { title: "Log in · OpenTCO" },
  { name: "description", content: "Log in to OpenTCO to open your organisation's cost scenarios." },
];

export const headers = throttledRouteHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = getSafeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getSession(request)) throw redirect(redirectTo);
  return { redirectTo };
}

export const action = /* @__PURE__ */ answerUnavailableDatabase(async ({ request, context }: ActionFunctionArgs) => {
  const read = await readForm(request);
  if (!read.ok) return respondWithFailure(read.failure, read.status);
  const parsed = validateForm(read.form, LoginSchema);
  if (!parsed.success) return respondWithFailure(parsed.failure, parsed.status);
  const values = { email: parsed.data.email };
  const login = await verifyLogin(parsed.data, { ip: getClientAddress(context) });
  // Unknown emails are throttled like known ones, so a refusal does not reveal who has an account either.
  if (!login.ok && login.reason === "throttled") return respondWithThrottleRefusal(login.refusal, values);
  // One message for unknown email and wrong password: the form must not reveal who has an account.
  if (!login.ok) return respondWithFailure(createFormFailure("Email or password is incorrect.", values), 400);
  const cookie = await createSession(login.user.id);
  return redirect(getSafeRedirect(read.form.get("redirectTo")), { headers: { "Set-Cookie": cookie } });
});

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const errors = failure?.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  // A refused log-in keeps the email but not the password (a new page without JavaScript has none either).
  useEffect(() => {
    const password = formRef.current?.elements.namedItem("password");
    if (failure && password instanceof HTMLInputElement) password.value = "";
  }, [failure]);
  return (
    <main id="main" className="page page--narrow">
      <h1>Log in to OpenTCO</h1>
      <Form method="post" className="card" noValidate ref={formRef}>
        <FormError message={failure?.formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="email" label="Email" type="email" autoComplete="email" required autoFocus defaultValue={failure?.values.email} error={errors.email} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} />
        <button type="submit" disabled={submitting}>
          Log in
        </button>
      </Form>
      <p>
        New to OpenTCO? <Link to="/signup">Create an account</Link>
      </p>
    </main>
  );
}
