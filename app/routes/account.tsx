/**
 * /account: the signed-in user's live sessions (issue 10, item 11), each with where it stands and a
 * way to end it; ending this browser's own session logs out. Sessions are the user's own rows, so an
 * id that is not one of them is the same 404 as an unknown one.
 */
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/form-error.tsx";
import tenantStyles from "~/components/tenant.css";
import { throwNotFound } from "~/auth/membership.server.ts";
import { getClearedSessionCookie, requireSession } from "~/auth/session.server.ts";
import { listOrganizationsForUser } from "~/models/organization.server.ts";
import { listLiveSessions, MAX_LIVE_SESSIONS_PER_USER, revokeUserSessions } from "~/models/session.server.ts";
import { EndSessionSchema } from "~/schemas/auth.ts";
import { readForm, respondWithFailure, validateForm } from "~/utils/form.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: tenantStyles }];
export const meta: MetaFunction = () => [{ title: "Your account · OpenTCO" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const [sessions, organizations] = await Promise.all([
    listLiveSessions({ userId: session.user.id, currentId: session.id }),
    listOrganizationsForUser({ userId: session.user.id }),
  ]);
  return { email: session.user.email, sessions, maxSessions: MAX_LIVE_SESSIONS_PER_USER, home: organizations[0]?.slug ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const read = await readForm(request);
  if (!read.ok) return respondWithFailure(read.failure, read.status);
  if (read.form.get("intent") === "end-others") {
    await revokeUserSessions({ userId: session.user.id, allExcept: session.id });
    return { notice: "Every other session has ended." };
  }
  const parsed = validateForm(read.form, EndSessionSchema);
  if (!parsed.success) return respondWithFailure(parsed.failure, parsed.status);
  if (!(await revokeUserSessions({ userId: session.user.id, sessionId: parsed.data.sessionId }))) throwNotFound();
  if (parsed.data.sessionId === session.id) throw redirect("/login", { headers: { "Set-Cookie": getClearedSessionCookie() } });
  return { notice: "Session ended." };
}

function formatTime(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

export default function AccountPage() {
  const { email, sessions, maxSessions, home } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <main id="main" className="page">
      <div className="stack">
        <h1>Your account</h1>
        <p>
          Signed in as <strong>{email}</strong>. {home ? <Link to={`/o/${home}`}>Back to your organisation</Link> : <Link to="/">Back to OpenTCO</Link>}
        </p>
        {result && "notice" in result ? (
          <p className="notice" role="status">
            {result.notice}
          </p>
        ) : null}
        <FormError message={result && "formError" in result ? result.formError : undefined} />
        <section className="card" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">Where you are signed in</h2>
          <p className="muted">
            Each log-in is a session; at most {maxSessions} stay live, and a new log-in beyond that ends the one unused longest. End any
            you do not recognise, then change your password.
          </p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Signed in</th>
                  <th scope="col">Last active</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => (
                  <tr key={session.id}>
                    <td className="nowrap">
                      {formatTime(session.createdAt)}
                      {session.current ? <span className="muted"> (this browser)</span> : null}
                    </td>
                    <td className="nowrap">{formatTime(session.lastSeenAt)}</td>
                    <td className="nowrap">{formatTime(session.expiresAt)}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="end" />
                        <input type="hidden" name="sessionId" value={session.id} />
                        <button type="submit" className="secondary" disabled={busy} aria-label={session.current ? "End this session (log out)" : `End the session signed in ${formatTime(session.createdAt)}`}>
                          {session.current ? "End (log out)" : "End"}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {sessions.length > 1 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="end-others" />
              <button type="submit" className="secondary" disabled={busy}>
                End every other session
              </button>
            </Form>
          ) : null}
        </section>
      </div>
    </main>
  );
}
