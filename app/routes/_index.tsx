import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getSession } from "~/auth/session.server.ts";
import { listOrganizationsForUser } from "~/models/organization.server.ts";

export const meta: MetaFunction = () => [
  { title: "OpenTCO — API spend against self-hosted inference" },
  {
    name: "description",
    content: "Compare what commercial LLM APIs cost with self-hosting open-weight models on GPUs you own or rent, with data residency and compliance in the same numbers.",
  },
];

/** Logged in: straight to the user's first organisation. Otherwise: the landing page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (!session) return { email: null };
  const [first] = await listOrganizationsForUser({ userId: session.user.id });
  if (first) throw redirect(`/o/${first.slug}`);
  return { email: session.user.email };
}

export default function Index() {
  const { email } = useLoaderData<typeof loader>();
  if (email) {
    return (
      <main id="main" className="page page--narrow">
        <h1>OpenTCO</h1>
        <p>
          You are signed in as <strong>{email}</strong> but belong to no organisation: it was deleted, or you
          were removed. Ask an admin for a new invitation link, or start your own organisation.
        </p>
        <div className="row">
          <Link className="button" to="/orgs/new">
            Create organisation
          </Link>
          <Form method="post" action="/logout">
            <button type="submit" className="secondary">
              Log out
            </button>
          </Form>
        </div>
      </main>
    );
  }
  return (
    <main id="main" className="page page--narrow">
      <h1>OpenTCO</h1>
      <p>
        Compare what commercial LLM APIs cost you with self-hosting open-weight models on GPUs you own or
        rent, with data-residency and compliance constraints in the same numbers.
      </p>
      <div className="row">
        <Link className="button" to="/signup">
          Create account
        </Link>
        <Link className="button secondary" to="/login">
          Log in
        </Link>
      </div>
      <p className="muted">
        See the <Link to="/catalog">default figures and their sources</Link> and the{" "}
        <Link to="/methodology">methodology</Link> without an account.
      </p>
    </main>
  );
}
