import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/viewer.server.ts";
import { buildCataloguePage, type CataloguePage } from "~/reports/catalogue-page.server.ts";
import { CataloguePublicNav } from "~/components/catalogue-public-nav.tsx";
import { CatalogueSectionTable, ComplianceSourceTable, DeploymentTable, ObjectiveTable } from "~/components/catalogue-tables.tsx";
import catalogueStyles from "~/styles/catalogue.css";
import { cacheWhenSignedOut, publicPageHeaders } from "~/utils/public-page.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];

export const meta: MetaFunction = () => [
  { title: "Catalogue of default figures — OpenTCO" },
  { name: "description", content: "Every default number OpenTCO uses, with its source, date and confidence." },
];

export const headers = publicPageHeaders;

/** The view of the day: the catalogue only changes with a release, its staleness once a day. */
let pageOfTheDay: { today: string; page: CataloguePage } | undefined;

function getCataloguePage(today: string): CataloguePage {
  if (pageOfTheDay?.today !== today) pageOfTheDay = { today, page: buildCataloguePage(today) };
  return pageOfTheDay.page;
}

/** Public: the built-in catalogue with provenance; staleness is judged against today (UTC). */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const page = getCataloguePage(new Date().toISOString().slice(0, 10));
  return data({ ...page, viewer }, cacheWhenSignedOut(viewer));
}

export default function CatalogueRoute() {
  const view = useLoaderData<typeof loader>();
  const entries = view.sections.reduce((sum, section) => sum + section.rows.length, 0);
  const stale = view.sections.reduce((sum, section) => sum + section.rows.filter((row) => row.provenance.stale).length, 0);
  return (
    <>
      <CataloguePublicNav viewer={view.viewer} />
      <main id="main" className="page reference-page catalogue-page">
        <header className="reference-intro">
          <h1>Catalogue of default figures</h1>
          <p className="reference-lead">
            Every number OpenTCO uses by default, with where it comes from, the date it describes and how much we trust
            it. Each one is only a starting point: a scenario can override any of them and record its own source.
          </p>
          <p className="muted">
            {entries} cost-model entries and {view.deployments.length} deployment profiles. Each source names its publisher, its
            title (linked to the page) and its date. A figure older on today (<time dateTime={view.today}>{view.today}</time>) than the
            limit of its kind, stated under each section, is marked <span className="catalogue-stale">stale</span> ({stale} of {entries}{" "}
            cost-model entries). Money is in US dollars, as published. How the figures are used, and why each kind has its
            limit, is explained in the <Link to="/methodology#staleness">methodology</Link>.
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
          <section key={section.id} id={section.id} className="catalogue-section" aria-labelledby={`${section.id}-title`}>
            <h3 id={`${section.id}-title`}>{section.title}</h3>
            <p className="catalogue-description">{section.description}</p>
            <p className="catalogue-description muted">Entries count as stale {section.staleAfterDays} days after the date of their figures.</p>
            <div className="catalogue-scroll">
              <CatalogueSectionTable section={section} />
            </div>
          </section>
        ))}

        <h2 className="reference-part">Compliance and sovereignty</h2>
        <section id="deployments" className="catalogue-section" aria-labelledby="deployments-title">
          <h3 id="deployments-title">Deployment capabilities</h3>
          <p className="catalogue-description">
            What each API deployment mode and each self-hosting placement offers for residency and compliance. A fact no
            source states is shown as unknown and never counted in an option&apos;s favour. Certifications (FedRAMP, DoD
            impact levels, PCI DSS) appear under a deployment only where a source records them; elsewhere they are unknown.
          </p>
          <div className="catalogue-scroll">
            <DeploymentTable rows={view.deployments} />
          </div>
        </section>
        <section id="compliance-sources" className="catalogue-section" aria-labelledby="compliance-sources-title">
          <h3 id="compliance-sources-title">Compliance sources</h3>
          <p className="catalogue-description">The sources the capability facts and the regulatory rules cite.</p>
          <p className="catalogue-description muted">Sources count as stale {view.complianceStaleAfterDays} days after the date they were read.</p>
          <div className="catalogue-scroll">
            <ComplianceSourceTable rows={view.complianceSources} />
          </div>
        </section>
        <section id="sovereignty" className="catalogue-section" aria-labelledby="sovereignty-title">
          <h3 id="sovereignty-title">EU Cloud Sovereignty Framework weights</h3>
          <p className="catalogue-description">
            The framework&apos;s weight of each objective, which OpenTCO also uses for its own weighted SEAL score (0 to 4):
            OpenTCO&apos;s aggregation, not a rating the framework defines. See the{" "}
            <Link to="/methodology#sovereignty">methodology</Link> for how levels are derived.
          </p>
          <div className="catalogue-scroll">
            <ObjectiveTable rows={view.objectives} />
          </div>
        </section>
      </main>
    </>
  );
}
