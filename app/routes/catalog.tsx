import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/viewer.server.ts";
import { buildCatalogView, type CatalogView } from "~/components/catalog-data.server.tsx";
import { CatalogPublicNav } from "~/components/catalog-public-nav.tsx";
import { CatalogueSectionTable, ComplianceSourceTable, DeploymentTable, ObjectiveTable } from "~/components/catalog-tables.tsx";
import catalogStyles from "~/styles/catalog.css";
import { cacheWhenSignedOut, publicPageHeaders } from "~/utils/public-page.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogStyles }];

export const meta: MetaFunction = () => [
  { title: "Catalogue of default figures — OpenTCO" },
  { name: "description", content: "Every default number OpenTCO uses, with its source, date and confidence." },
];

export const headers = publicPageHeaders;

/** The view of the day: the catalogue only changes with a release, its staleness once a day. */
let viewOfTheDay: { today: string; view: CatalogView } | undefined;

function getCatalogView(today: string): CatalogView {
  if (viewOfTheDay?.today !== today) viewOfTheDay = { today, view: buildCatalogView(today) };
  return viewOfTheDay.view;
}

/** Public: the built-in catalogue with provenance; staleness is judged against today (UTC). */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const view = getCatalogView(new Date().toISOString().slice(0, 10));
  return data({ ...view, viewer }, cacheWhenSignedOut(viewer));
}

export default function Catalog() {
  const view = useLoaderData<typeof loader>();
  const entries = view.sections.reduce((sum, section) => sum + section.rows.length, 0);
  const stale = view.sections.reduce((sum, section) => sum + section.rows.filter((row) => row.provenance.stale).length, 0);
  return (
    <>
      <CatalogPublicNav viewer={view.viewer} />
      <main id="main" className="page reference-page catalog-page">
        <header className="reference-intro">
          <h1>Catalogue of default figures</h1>
          <p className="reference-lead">
            Every number OpenTCO uses by default, with where it comes from, the date it describes and how much we trust
            it. Each one is only a starting point: a scenario can override any of them and record its own source.
          </p>
          <p className="muted">
            {entries} cost-model entries and {view.deployments.length} deployment profiles. Figures dated more than{" "}
            {view.staleAfterDays} days before today (<time dateTime={view.today}>{view.today}</time>) are marked <span className="catalog-stale">stale</span>{" "}
            ({stale} of {entries} cost-model entries). Money is in US dollars, as published. How the figures are used is
            explained in the <Link to="/methodology">methodology</Link>.
          </p>
          <nav className="reference-toc" aria-label="Sections">
            <ul>
              {view.sections.map((section) => (
                <li key={section.id}>
                  <a href={`#${section.id}`}>{section.title}</a>
                </li>
              ))}
              <li>
                <a href="#deployments">Deployment capabilities</a>
              </li>
              <li>
                <a href="#compliance-sources">Compliance sources</a>
              </li>
              <li>
                <a href="#sovereignty">Sovereignty weights</a>
              </li>
            </ul>
          </nav>
        </header>

        <h2 className="reference-part">Cost model</h2>
        {view.sections.map((section) => (
          <section key={section.id} id={section.id} className="catalog-section" aria-labelledby={`${section.id}-title`}>
            <h3 id={`${section.id}-title`}>{section.title}</h3>
            <p className="catalog-description">{section.description}</p>
            <div className="catalog-scroll">
              <CatalogueSectionTable section={section} />
            </div>
          </section>
        ))}

        <h2 className="reference-part">Compliance and sovereignty</h2>
        <section id="deployments" className="catalog-section" aria-labelledby="deployments-title">
          <h3 id="deployments-title">Deployment capabilities</h3>
          <p className="catalog-description">
            What each API deployment mode and each self-hosting placement offers for residency and compliance. A fact no
            source states is shown as unknown and never counted in an option&apos;s favour. Certifications (FedRAMP, DoD
            impact levels, PCI DSS) appear under a deployment only where a source records them; elsewhere they are unknown.
          </p>
          <div className="catalog-scroll">
            <DeploymentTable rows={view.deployments} />
          </div>
        </section>
        <section id="compliance-sources" className="catalog-section" aria-labelledby="compliance-sources-title">
          <h3 id="compliance-sources-title">Compliance sources</h3>
          <p className="catalog-description">The sources the capability facts and the regulatory rules cite.</p>
          <div className="catalog-scroll">
            <ComplianceSourceTable rows={view.complianceSources} />
          </div>
        </section>
        <section id="sovereignty" className="catalog-section" aria-labelledby="sovereignty-title">
          <h3 id="sovereignty-title">EU Cloud Sovereignty Framework weights</h3>
          <p className="catalog-description">
            The framework&apos;s weight of each objective, which OpenTCO also uses for its own weighted SEAL score (0 to 4):
            OpenTCO&apos;s aggregation, not a rating the framework defines. See the{" "}
            <Link to="/methodology#sovereignty">methodology</Link> for how levels are derived.
          </p>
          <div className="catalog-scroll">
            <ObjectiveTable rows={view.objectives} />
          </div>
        </section>
      </main>
    </>
  );
}
