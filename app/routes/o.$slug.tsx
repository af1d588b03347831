import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/membership.server.ts";
import { hasRole, ROLE_LABELS } from "~/domain/roles.ts";
import { listOrganizationsForUser } from "~/models/organization.server.ts";
import tenantStyles from "~/components/tenant.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: tenantStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.org.name} · OpenTCO` : "OpenTCO" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org, role } = await requireMembership(request, params.slug);
  const organizations = await listOrganizationsForUser({ userId: user.id });
  return { user: { email: user.email }, org: { name: org.name, slug: org.slug }, role, organizations };
}

export default function OrganizationLayout() {
  const { user, org, role, organizations } = useLoaderData<typeof loader>();
  const otherOrganizations = organizations.filter((o) => o.slug !== org.slug);
  const base = `/o/${org.slug}`;
  return (
    <>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to={base} className="topbar__brand">
            OpenTCO
          </Link>
          <details className="org-switcher">
            <summary aria-label={`Organisation: ${org.name}. Switch organisation`}>{org.name}</summary>
            <ul aria-label="Your organisations">
              {otherOrganizations.map((o) => (
                <li key={o.slug}>
                  <Link to={`/o/${o.slug}`}>{o.name}</Link> <span className="muted">({ROLE_LABELS[o.role]})</span>
                </li>
              ))}
              <li>
                <Link to="/orgs/new">+ New organisation</Link>
              </li>
            </ul>
          </details>
          <nav aria-label="Organisation">
            <NavLink to={base} end>
              Overview
            </NavLink>
            <NavLink to={`${base}/scenarios`}>Scenarios</NavLink>
            <NavLink to={`${base}/catalogue`}>Catalogue</NavLink>
            <NavLink to={`${base}/members`}>Members</NavLink>
            {hasRole(role, "editor") ? <NavLink to={`${base}/shares`}>Shares</NavLink> : null}
            {hasRole(role, "admin") ? <NavLink to={`${base}/settings`}>Settings</NavLink> : null}
            {hasRole(role, "admin") ? <NavLink to={`${base}/audit`}>Audit</NavLink> : null}
          </nav>
          <Link className="muted topbar__user" to="/account" title={`Signed in as ${user.email}: your sessions`}>
            {user.email}
          </Link>
          <Form method="post" action="/logout">
            <button type="submit" className="secondary">
              Log out
            </button>
          </Form>
        </div>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
      <footer className="page page-footer">
        <Link to="/catalog">Catalogue of default figures and sources</Link>
        <Link to="/methodology">Methodology</Link>
      </footer>
    </>
  );
}
