import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getSession } from "~/auth/session.server.ts";
import { listOrganizationsForUser } from "~/models/organization.server.ts";

export const meta: MetaFunction = () => [{ title: "OpenTCO — API spend against self-hosted inference" }];

/** Logged in: straight to the user's first organisation. Otherwise: the landing page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  if (!session) return { loggedIn: false as const };
  const [first] = await listOrganizationsForUser({ userId: session.user.id });
  if (first) throw redirect(`/o/${first.slug}`);
  return { loggedIn: true as const };
}

export default function Index() {
  return (
    <main className="page page--narrow">
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
    </main>
  );
}
