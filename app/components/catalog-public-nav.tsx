/**
 * The header of the public reference pages (/catalog, /methodology): prospects arrive without an
 * account, so it links the two pages to each other and to the way in.
 */
import { NavLink } from "@remix-run/react";

export function CatalogPublicNav() {
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
        <a className="button secondary" href="/login">
          Log in
        </a>
      </div>
    </header>
  );
}
