import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NewPasswordField } from "~/components/account-fields.tsx";
import { FormError } from "~/components/form-error.tsx";
import { TextField } from "~/components/text-field.tsx";
import tenantStyles from "~/components/tenant.css";
import { ROLE_LABELS } from "~/domain/roles.ts";
import { createSession, getSession } from "~/auth/session.server.ts";
import { describeThrottleRefusal, getRetryAfterHeaders, throttledRouteHeaders } from "~/auth/throttle.server.ts";
import { acceptInvitation, acceptInvitationAsNewUser, getInvitationPreview, InvitationError } from "~/models/invitation.server.ts";
import { getAddressRefusal, MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP, recordFailedAttempt } from "~/models/login-attempt.server.ts";
import { listOrganizationsForUser } from "~/models/organization.server.ts";
import { EmailTakenError } from "~/models/user.server.ts";
import { AccountSchema } from "~/schemas/auth.ts";
import { getClientAddress } from "~/utils/client-address.server.ts";
import { createFieldFailure, createFormFailure, readForm, validateForm, type FormFailure } from "~/utils/form.server.ts";
import { answerUnavailableDatabase } from "~/auth/database-down.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: tenantStyles }];
export const meta: MetaFunction = () => [{ title: "Invitation · OpenTCO" }];
export const headers = throttledRouteHeaders;

/** An unknown, used, revoked or expired link answers 404, with the page that says which and what to do. */
export const loader = /* @__PURE__ */ answerUnavailableDatabase(async ({ request, params }: LoaderFunctionArgs) => {
  const token = params.token ?? "";
  const preview = await getInvitationPreview({ token });
  const session = await getSession(request);
  const alreadyMember =
    preview.ok && session ? (await listOrganizationsForUser({ userId: session.user.id })).some((o) => o.slug === preview.invitation.orgSlug) : false;
  return data(
    {
      token,
      preview,
      user: session ? { email: session.user.email } : null,
      alreadyMember,
    },
    { status: preview.ok ? 200 : 404 },
  );
});

type ActionResult = { failure: FormFailure };

function fail(failure: FormFailure, status: number, headers?: HeadersInit) {
  return data<ActionResult>({ failure }, { status, headers });
}

/**
 * Accepting is throttled like sign-up (ADR 004, "Brute force"): an address with a few failures may not
 * try, and a link that opens nothing or an email that already has an account counts as a failure.
 */
export const action = /* @__PURE__ */ answerUnavailableDatabase(async ({ request, params, context }: ActionFunctionArgs) => {
  const token = params.token ?? "";
  const read = await readForm(request);
  if (!read.ok) return fail(read.failure, read.status);
  const ip = getClientAddress(context);
  const refusal = await getAddressRefusal({ ip, ceiling: MAX_FAILURES_PER_ADDRESS_FOR_SIGNUP });
  if (refusal) return fail(createFormFailure(describeThrottleRefusal(refusal)), 429, getRetryAfterHeaders(refusal));
  const session = await getSession(request);
  const email = String(read.form.get("email") ?? session?.user.email ?? "");
  try {
    if (read.form.get("intent") === "join") {
      if (!session) throw redirect(`/login?${new URLSearchParams({ redirectTo: `/invite/${token}` })}`);
      const { orgSlug } = await acceptInvitation({ token, userId: session.user.id });
      return redirect(`/o/${orgSlug}`);
    }
    const parsed = validateForm(read.form, AccountSchema);
    if (!parsed.success) return fail(parsed.failure, parsed.status);
    try {
      const { orgSlug, userId } = await acceptInvitationAsNewUser({ token, account: parsed.data });
      return redirect(`/o/${orgSlug}`, { headers: { "Set-Cookie": await createSession(userId) } });
    } catch (error) {
      if (error instanceof EmailTakenError) {
        await recordFailedAttempt({ email, ip });
        return fail(createFieldFailure("email", `${error.message} with that account to accept`, { email: parsed.data.email }), 409);
      }
      throw error;
    }
  } catch (error) {
    if (!(error instanceof InvitationError)) throw error;
    if (error.problem !== "already_member") await recordFailedAttempt({ email, ip });
    return fail(createFormFailure(error.message), error.problem === "already_member" ? 409 : 410);
  }
});

export default function InvitationPage() {
  const { token, preview, user, alreadyMember } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  if (!preview.ok) {
    return (
      <main id="main" className="page page--narrow">
        <h1>Invitation</h1>
        <p className="form-error" role="alert">
          {preview.message}
        </p>
        <p>
          <Link to="/">Go to OpenTCO</Link>
        </p>
      </main>
    );
  }
  const { orgName, orgSlug, role } = preview.invitation;
  const loginLink = `/login?${new URLSearchParams({ redirectTo: `/invite/${token}` })}`;
  return (
    <main id="main" className="page page--narrow">
      <h1>Join {orgName}</h1>
      <p>
        You are invited to <strong>{orgName}</strong> on OpenTCO as <strong>{ROLE_LABELS[role].toLowerCase()}</strong>.
      </p>
      <FormError message={result?.failure.formError} />
      {user ? (
        alreadyMember ? (
          <p className="notice">
            You ({user.email}) are already a member. <Link to={`/o/${orgSlug}`}>Open {orgName}</Link>
          </p>
        ) : (
          <>
            <Form method="post" className="card">
              <input type="hidden" name="intent" value="join" />
              <p>
                Signed in as <strong>{user.email}</strong>.
              </p>
              <button type="submit" disabled={busy} autoFocus>
                Join {orgName}
              </button>
            </Form>
            <Form method="post" action="/logout" className="row">
              <span className="muted">Not you? Log out, then open this link again.</span>
              <button type="submit" className="link">
                Log out
              </button>
            </Form>
          </>
        )
      ) : (
        <>
          <Form method="post" className="card" noValidate>
            <h2>Create your account</h2>
            <input type="hidden" name="intent" value="signup" />
            <TextField
              name="email"
              label="Email"
              type="email"
              autoComplete="email"
              required
              autoFocus
              defaultValue={result?.failure.values.email ?? preview.invitation.email ?? undefined}
              error={result?.failure.fieldErrors.email}
            />
            <NewPasswordField error={result?.failure.fieldErrors.password} />
            <button type="submit" disabled={busy}>
              Create account and join
            </button>
          </Form>
          <p>
            Already have an account? <Link to={loginLink}>Log in to accept</Link>
          </p>
        </>
      )}
    </main>
  );
}
