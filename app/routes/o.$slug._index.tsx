import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/membership.server.ts";
import { hasRole, ROLE_LABELS } from "~/domain/roles.ts";
import { getOrganizationOverview } from "~/models/organization.server.ts";
import { CumulativeCostChart } from "~/components/charts/index.ts";
import { HeadlineCardList } from "~/components/scenario-results/index.tsx";
import { getSavedRevision } from "~/cache/revision-cache.server.ts";
import { listScenarios } from "~/models/scenario.server.ts";
import { buildScenarioSpotlight, createFormatter } from "~/reports/index.ts";
import resultsStyles from "~/styles/results.css";
import { getLocale } from "~/utils/locale.server.ts";
import { CURRENCY_LABELS, type Currency } from "~/schemas/currency.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resultsStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireMembership(request, params.slug);
  const [overview, scenarios] = await Promise.all([getOrganizationOverview({ orgId: org.id }), listScenarios({ orgId: org.id })]);
  // The most recently changed scenario's answer, so the first page after log-in shows figures and a chart.
  const latest = scenarios[0];
  const revision = latest ? await getSavedRevision({ orgId: org.id, scenarioId: latest.id, number: latest.latestRevisionNumber }) : null;
  const spotlight =
    latest && revision
      ? { id: latest.id, name: latest.name, ...buildScenarioSpotlight(revision.result, createFormatter(revision.result.scenario.currency.code, getLocale(request))) }
      : null;
  return {
    org: { name: org.name, slug: org.slug, defaultCurrency: org.defaultCurrency },
    role,
    spotlight,
    recentScenarios: scenarios.slice(0, 5),
    scenarioCount: scenarios.length,
    ...overview,
  };
}

const ROLE_ABILITIES = {
  viewer: "read this organisation's work",
  editor: "read and edit scenarios",
  admin: "edit scenarios, manage members and settings, read the audit trail",
  owner: "do everything, including deleting the organisation",
} as const;

export default function OrganizationOverview() {
  const { org, role, memberCount, pendingInvitationCount, createdAt, recentScenarios, scenarioCount, spotlight } = useLoaderData<typeof loader>();
  const currencyLabel = CURRENCY_LABELS[org.defaultCurrency as Currency] ?? org.defaultCurrency;
  return (
    <div className="stack">
      <h1>{org.name}</h1>
      {spotlight ? (
        <section className="card" aria-labelledby="spotlight-heading">
          <h2 id="spotlight-heading">
            Latest: <Link to={`scenarios/${spotlight.id}`}>{spotlight.name}</Link>
          </h2>
          {/* The cards' "Details" anchors live on the scenario's own page. */}
          <HeadlineCardList cards={spotlight.cards.map((card) => (card.href ? { ...card, href: `scenarios/${spotlight.id}${card.href}` } : card))} />
          <CumulativeCostChart charts={spotlight.cumulative} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="recent-scenarios">
        <h2 id="recent-scenarios">Recent scenarios</h2>
        {recentScenarios.length === 0 ? (
          <p>
            No scenarios yet.{" "}
            {hasRole(role, "editor") ? <Link to="scenarios">Start one from a template</Link> : "An editor of this organisation can start one."}
          </p>
        ) : (
          <>
            <ul className="recent-scenarios">
              {recentScenarios.map((scenario) => (
                <li key={scenario.id}>
                  <Link to={`scenarios/${scenario.id}`}>{scenario.name}</Link>
                  <span className="muted">
                    {scenario.headline?.cheapestName && scenario.headline.cheapestCashTotal
                      ? ` · cheapest: ${scenario.headline.cheapestName}, ${createFormatter(scenario.headline.currency).moneyCompact(scenario.headline.cheapestCashTotal)} over the horizon`
                      : ""}
                    {` · changed ${scenario.updatedAt.slice(0, 10)}`}
                  </span>
                </li>
              ))}
            </ul>
            <p>
              <Link to="scenarios">All {scenarioCount} scenarios</Link>
            </p>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="org-facts">
        <h2 id="org-facts">Organisation</h2>
        <table>
          <tbody>
            <tr>
              <th scope="row">Your role</th>
              <td>
                {ROLE_LABELS[role]} — you can {ROLE_ABILITIES[role]}.
              </td>
            </tr>
            <tr>
              <th scope="row">Members</th>
              <td>
                <Link to="members">{memberCount === 1 ? "1 member" : `${memberCount} members`}</Link>
                {hasRole(role, "admin") && pendingInvitationCount > 0 ? ` · ${pendingInvitationCount} pending invitation${pendingInvitationCount === 1 ? "" : "s"}` : null}
              </td>
            </tr>
            <tr>
              <th scope="row">Default currency</th>
              <td>{currencyLabel}</td>
            </tr>
            <tr>
              <th scope="row">URL</th>
              <td>
                <code>/o/{org.slug}</code>
              </td>
            </tr>
            <tr>
              <th scope="row">Created</th>
              <td>
                <time dateTime={createdAt}>{createdAt.slice(0, 10)}</time>
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="what-opentco-does">
        <h2 id="what-opentco-does">What OpenTCO does</h2>
        <p>
          OpenTCO puts the total cost of ownership of your LLM workloads side by side: commercial APIs billed per
          token against open-weight models served on GPUs you own or rent.
        </p>
        <ul>
          <li>Token volumes, prices and GPU throughput become monthly and multi-year costs, in {org.defaultCurrency}.</li>
          <li>Hardware, energy, hosting and staff are counted, not just the price per GPU-hour.</li>
          <li>Data-residency and compliance constraints rule out the options you cannot use.</li>
          <li>Every default figure shows its source and date: see the <Link to="/catalog">catalogue</Link>.</li>
        </ul>
        <p className="muted">
          Build and compare scenarios under <Link to="scenarios">Scenarios</Link>; the same engine runs from the command line
          (<code>npm run tco</code>), and the <Link to="/methodology">methodology</Link> explains every convention it follows.
        </p>
      </section>
    </div>
  );
}
