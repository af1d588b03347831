/**
 * The header of the public reference pages (/catalog, /methodology): links the two pages to each
 * other and, for a visitor, to the way in; a signed-in user gets the way back to their organisation
 * (or a list, when they belong to several) instead of "Log in".
 */
import { Link, NavLink } from "@remix-run/react";
import type { Viewer } from "~/auth/viewer.server.ts";

export function CataloguePublicNav({ viewer }: { viewer: Viewer }) {
  return (
    <header className="topbar">
      <div className="topbar__inner reference-topbar">
        <a className="topbar__brand" href="/">
          OpenTCO
        </a>
        <nav aria-label="Reference">
          <NavLink to="/catalog">Catalogue</NavLink>
          <NavLink to="/methodology">Methodology</NavLink>
        </nav>
        <AccountLinks viewer={viewer} />
      </div>
    </header>
  );
}

function AccountLinks({ viewer }: { viewer: Viewer }) {
  if (!viewer) {
    return (
      <a className="button secondary" href="/login">
        Log in
      </a>
    );
  }
  const [only] = viewer.organizations;
  if (viewer.organizations.length === 0) {
    return (
      <Link className="button secondary" to="/">
        Your account
      </Link>
    );
  }
  if (viewer.organizations.length === 1 && only) {
    return (
      <Link className="button secondary reference-back" to={`/o/${only.slug}`} title={`Signed in as ${viewer.email}`}>
        Back to {only.name}
      </Link>
    );
  }
  return (
    <details className="reference-orgs">
      <summary title={`Signed in as ${viewer.email}`}>Your organisations</summary>
      <ul aria-label="Your organisations">
        {viewer.organizations.map((org) => (
          <li key={org.slug}>
            <Link to={`/o/${org.slug}`}>{org.name}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
