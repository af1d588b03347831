import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { getViewer } from "~/auth/viewer.server.ts";
import { CataloguePublicNav } from "~/components/catalogue-public-nav.tsx";
import {
  Decimal,
  DEFAULT_TORNADO_HIGH,
  DEFAULT_TORNADO_LOW,
  formatPercent,
  HOURS_PER_MONTH,
  MODEL_CONVENTIONS,
  SEAL_LEVEL_NAMES,
  EXCHANGE_RATE_STALE_AFTER_DAYS,
  SOVEREIGNTY_OBJECTIVES,
  type SealLevel,
} from "~/engine/index.ts";
import { STALENESS_RULES } from "~/reports/sources.ts";
import catalogueStyles from "~/styles/catalogue.css";
import { cacheWhenSignedOut, publicPageHeaders } from "~/utils/public-page.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];

export const meta: MetaFunction = () => [
  { title: "Methodology — OpenTCO" },
  { name: "description", content: "The conventions behind OpenTCO's cost, break-even, capacity and compliance figures." },
];

const SEAL_LEVELS: SealLevel[] = [0, 1, 2, 3, 4];

export const headers = publicPageHeaders;

/** The constants and conventions the prose quotes, read from the engine so the page cannot drift from the code. */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  return data(
    {
      viewer,
      conventions: MODEL_CONVENTIONS,
      hoursPerMonth: HOURS_PER_MONTH,
      stalenessRules: STALENESS_RULES,
      exchangeRateStaleAfterDays: EXCHANGE_RATE_STALE_AFTER_DAYS,
      tornadoDown: formatPercent(new Decimal(1).minus(DEFAULT_TORNADO_LOW), 0),
      tornadoUp: formatPercent(new Decimal(DEFAULT_TORNADO_HIGH).minus(1), 0),
      objectives: SOVEREIGNTY_OBJECTIVES.map((objective) => ({
        id: objective.id,
        name: objective.name,
        weight: formatPercent(objective.weight, 0),
      })),
      sealLevels: SEAL_LEVELS.map((level) => ({ level, name: SEAL_LEVEL_NAMES[level] })),
    },
    cacheWhenSignedOut(viewer),
  );
}

export default function Methodology() {
  const { viewer, conventions, hoursPerMonth, stalenessRules, exchangeRateStaleAfterDays, tornadoDown, tornadoUp, objectives, sealLevels } = useLoaderData<typeof loader>();
  return (
    <>
      <CataloguePublicNav viewer={viewer} />
      <main id="main" className="page reference-page methodology-layout">
        <article className="methodology">
          <header className="reference-intro">
            <h1>Methodology</h1>
            <p className="reference-lead">
              How OpenTCO turns a workload and a set of options — commercial APIs, GPUs you buy, GPUs you rent, or a mix —
              into monthly costs, a break-even month and a compliance verdict. Every convention below is what the
              calculation engine does, not a simplification of it.
            </p>
            <p className="muted">
              The default figures and their sources are listed in the <Link to="/catalog">catalogue</Link>. Scenarios are
              exchanged as JSON following the <a href="/schema/scenario.v1.json">scenario schema, version 1</a>.
            </p>
          </header>


          <section aria-labelledby="time">
            <h2 id="time">Time, months and rates</h2>
            <p>
              The model runs month by month over a horizon of 12 to 120 months. A month has {hoursPerMonth} hours
              (8,760 hours a year divided by 12), the convention used by the cloud price lists these figures are compared
              with: a rented GPU-hour price is multiplied by {hoursPerMonth} to give a month.
            </p>
            <p>
              Annual rates are never divided by twelve. They are compounded, so that twelve monthly steps give exactly the
              annual rate:
            </p>
            <code className="formula">monthly factor = (1 + annual rate)^(1/12)</code>
            <p>
              This applies to the discount rate, opex inflation, yearly workload growth, and price declines (a yearly
              decline <em>d</em> gives a monthly factor of (1 − <em>d</em>)^(1/12)). Annual <em>amounts</em> — a salary,
              a licence per GPU per year, a compliance overhead — are spread evenly as one twelfth per month.
            </p>
            <p>
              Net present value discounts month <em>m</em> (counting from 0) by (1 + <em>r</em>)^(<em>m</em>/12), so the
              first month is not discounted. All money is nominal and in the scenario&apos;s currency; catalogue figures
              in US dollars are converted at the exchange rate the scenario states, with its date.
            </p>
          </section>

          <section aria-labelledby="token-cost">
            <h2 id="token-cost">Cost per 1M tokens</h2>
            <p>For each option, over the whole horizon:</p>
            <code className="formula">cost per 1M tokens = cash total ÷ (input tokens + output tokens served) × 1,000,000</code>
            <p>
              Input tokens include those served from a prompt cache; input and output tokens are counted together, as
              the workload defines them (requests × average tokens per request). Only tokens actually served count: if an
              option cannot serve part of the demand, its cost is spread over what it did serve, and a capacity warning
              says so. When no token is served the figure is undefined and shown as such, not as zero.
            </p>
          </section>

          <section aria-labelledby="break-even">
            <h2 id="break-even">Break-even</h2>
            <p>
              Option A breaks even against option B in the first month from which A&apos;s cumulative cash cost stays at
              or below B&apos;s <strong>for the rest of the horizon</strong>. A month where A is briefly cheaper, before a
              hardware refresh makes it dearer again, is not a break-even.
            </p>
            <p>
              If A is still dearer in the last month of the horizon, the answer is <strong>never within the
              horizon</strong>. That is a valid result and is reported as such; it is never replaced by an extrapolated
              month beyond the horizon.
            </p>
          </section>

          <section aria-labelledby="capacity">
            <h2 id="capacity">Capacity from throughput</h2>
            <p>
              For self-hosted options, the GPUs needed follow from measured throughput, split into prefill (reading the
              input) and decode (writing the output), each per GPU at the concurrency it was measured at:
            </p>
            <code className="formula">GPU-seconds per request = input tokens ÷ prefill rate + output tokens ÷ decode rate</code>
            <p>
              Multiplying by the month&apos;s requests gives the GPUs busy on average. Two inputs turn that average into
              GPUs to keep in service: the <strong>peak factor</strong> (peak demand over average demand) and the{" "}
              <strong>target utilisation</strong> (the share of capacity planned to be busy at peak):
            </p>
            <code className="formula">GPUs in service = GPUs busy on average × peak factor ÷ target utilisation</code>
            <p>
              Utilisation is always an explicit input, because self-hosting economics depend on it. A target above 100 %
              is capped at 100 % with a warning, and a plan whose GPUs are busy less than half the planned share is
              flagged too.
            </p>
            <p>
              Owned hardware is bought in whole nodes, the fewest that cover demand, in the month demand first exceeds
              usable capacity. <strong>N+k</strong> redundancy holds back <em>k</em> spare nodes, the most capable ones
              in service, which are never counted as usable (see <a href="#convention-spares">spare nodes</a> below). Rented
              GPUs are taken as whole instances and scaled up and down with demand each month. If a cap on the number of
              nodes stops the plan from keeping up, the unserved demand is reported as a capacity shortfall starting in
              the month it begins; a cap must be above <em>k</em>, or no node would be left to serve.
            </p>
          </section>

          <section aria-labelledby="cohorts">
            <h2 id="cohorts">Hardware over time: cohorts</h2>
            <p>
              Every purchase is a <strong>cohort</strong> that keeps the characteristics of the month it was bought in,
              until it is retired at the end of its refresh cycle and sold at its resale value. Two yearly trends, both
              compounded monthly, shape later cohorts:
            </p>
            <ul>
              <li>
                <strong>Price per unit of performance falls by 30 % a year</strong> by default: a node bought later costs
                the same nominal price but delivers 1 ÷ (1 − 0.30) ≈ 1.43 times the performance a year later.
              </li>
              <li>
                <strong>Energy efficiency improves by 40 % a year</strong> by default: the energy per unit of performance
                of a new cohort falls by a factor of 1.4 a year.
              </li>
            </ul>
            <p>
              Older cohorts keep their own speed and power draw until they leave. The trends are market price trends, not
              accounting depreciation, and both are editable.
            </p>
          </section>

          <section aria-labelledby="cash-accounting">
            <h2 id="cash-accounting">Cash view and accounting view</h2>
            <p>OpenTCO reports two views side by side and never adds one to the other.</p>
            <ul>
              <li>
                <strong>Cash view</strong> (used for totals, NPV, cost per token and break-even): a purchase is cash out
                in the month it is bought; resale proceeds come back when a cohort is retired; operating costs (energy,
                facility, staff, licences, maintenance, API bills, rentals) are paid monthly.
              </li>
              <li>
                <strong>Accounting view</strong> (for the profit and loss): operating costs plus depreciation, which
                spreads each cohort&apos;s cost down to its resale value over its useful life, straight-line or declining
                balance, plus any loss on disposal.
              </li>
            </ul>
            <div className="callout">
              <p>
                <strong>Depreciation is never a cash cost.</strong> Counting a purchase and its depreciation in the same
                view counts the hardware twice — the most common error in published calculators.
              </p>
            </div>
            <h3>Residual value at the horizon end</h3>
            <p>
              A horizon usually ends while owned hardware still has value. By default the cash view credits that residual
              value in the last month, as a visible line that can be switched off. A cohort&apos;s value is taken to fall
              in a straight line from its purchase price to its resale value at refresh; without this credit, owned
              hardware would be overcharged against renting.
            </p>
          </section>

          <section aria-labelledby="conventions">
            <h2 id="conventions">Conventions in detail</h2>
            <p>The rules behind particular lines, each with an example the test suite recomputes with the engine.</p>
            {conventions.map((convention) => (
              <Fragment key={convention.id}>
                <h3 id={`convention-${convention.id}`}>{convention.title}</h3>
                <p>{convention.text}</p>
                <p>
                  <em>Example:</em> {convention.example}
                </p>
              </Fragment>
            ))}
          </section>

          <section aria-labelledby="precision">
            <h2 id="precision">Precision and rounding</h2>
            <p>
              Every deterministic figure is computed in decimal arithmetic with 40 significant digits, not in binary
              floating point, so per-token prices and ten years of monthly compounding stay exact far below a cent.
              Nothing is rounded during the calculation: sums are of unrounded values, and rounding (half to even)
              happens only when a figure is displayed or printed.
            </p>
          </section>

          <section aria-labelledby="uncertainty">
            <h2 id="uncertainty">Sensitivity and uncertainty</h2>
            <p>
              The tornado chart moves one driver at a time — volume, growth, output length, API prices, GPU price,
              GPU-hour price, throughput, utilisation, electricity, staff cost, discount rate — down by {tornadoDown} and
              up by {tornadoUp} unless the scenario sets its own range, and reports totals, NPV and break-even at each end, in decimal arithmetic.
            </p>
            <p>
              The Monte Carlo simulation draws the same drivers from triangular distributions (minimum, most likely,
              maximum). For speed it samples and computes in 64-bit floating point, from a fixed seed so that a scenario
              always gives the same draws. Its percentiles are labelled as floating-point estimates; the reference result
              remains the decimal one.
            </p>
          </section>

          <section aria-labelledby="compliance">
            <h2 id="compliance">Compliance verdicts</h2>
            <p>
              Each option&apos;s deployment is checked against the scenario&apos;s compliance profile: where data may be
              processed, the regimes that apply (GDPR and UK GDPR, the EU AI Act, DORA, NIS2, HIPAA, FedRAMP, PCI DSS,
              China&apos;s PIPL) and requirements such as zero data retention, no training on customer data, customer-managed keys or
              audit rights. Every requirement is checked on its own and yields reasons, each citing its source:
            </p>
            <ul>
              <li><strong>Blocked</strong>: at least one reason excludes the option.</li>
              <li>
                <strong>Compliant with conditions</strong>: nothing blocks, but something must be obtained or checked
                first — a capability offered on request, a fact no source records, a duty to discharge.
              </li>
              <li><strong>Compliant</strong>: only informative reasons, or none.</li>
            </ul>
            <p>
              A fact the catalogue does not record is <em>unknown</em> and never counts in an option&apos;s favour: a
              requirement resting on it becomes a condition to verify, and a document a regime requires before any data is
              shared (such as a HIPAA business associate agreement) blocks until it is on record. Adding a requirement can
              only keep a verdict or make it worse. A hybrid option is as compliant as its weakest part, and the
              cheapest compliant option is the cheapest one that is not blocked.
            </p>
            <p>
              Exposure to a foreign access law (the US CLOUD Act, the PRC National Intelligence Law) follows control, not
              address: the operator, its ultimate parent and its named sub-processors are each checked, and any of them
              subject to such a law blocks a profile that refuses foreign access — an EU subsidiary of a US company
              included. A parent or sub-processor list that is not declared is a condition to verify, never a pass, and it
              caps the sovereignty levels below.
            </p>
            <p>
              Compliance can cost money too. A regional processing premium from the catalogue is applied to token prices;
              where a source gives a range, the upper end is used so the cost is not understated. Audit, impact
              assessment, certification and legal review lines are named by the profile, but OpenTCO ships no amounts for
              them: no dated source exists, so you enter your own estimate.
            </p>
            <p className="muted">These verdicts are OpenTCO&apos;s reading of public sources, not legal advice.</p>
          </section>

          <section aria-labelledby="sovereignty">
            <h2 id="sovereignty">Sovereignty: EU Cloud Sovereignty Framework</h2>
            <p>
              Sovereignty is assessed on the eight objectives of the European Commission&apos;s Cloud Sovereignty
              Framework (v1.2.1). Each objective gets a SEAL level from 0 to 4. The weighted score is OpenTCO&apos;s
              aggregation, not the framework&apos;s: the sum of weight × level, on the same 0–4 scale, computed exactly:
            </p>
            <table>
              <caption>Objectives and weights of the EU Cloud Sovereignty Framework</caption>
              <thead>
                <tr>
                  <th scope="col">Objective</th>
                  <th scope="col">Name</th>
                  <th scope="col" className="num">Weight</th>
                </tr>
              </thead>
              <tbody>
                {objectives.map((objective) => (
                  <tr key={objective.id}>
                    <td>{objective.id}</td>
                    <td>{objective.name}</td>
                    <td className="num">{objective.weight}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>The levels:</p>
            <ul>
              {sealLevels.map((level) => (
                <li key={level.level}>
                  <strong>SEAL-{level.level}</strong>: {level.name}
                </li>
              ))}
            </ul>
            <p>
              Levels are derived from the catalogue&apos;s facts about who owns and operates a service, where it processes
              data and which non-EU laws can reach it. They are OpenTCO&apos;s reasoned opinion, not an official rating, so
              each level is shown with its reasoning and sources. An unknown fact never raises a level. You may replace a
              derived level, but only with a written justification, which is shown next to it. A profile can set a minimum
              SEAL level per objective, as tenders do; any objective below its minimum blocks the option.
            </p>
          </section>

          <section aria-labelledby="data">
            <h2 id="data">Default data</h2>
            <p>
              Every default number carries its public sources (publisher, title, a link to the page and the date), the
              date of its figures and a confidence level, listed in the <Link to="/catalog">catalogue</Link>. A figure
              older on the day of the calculation than the limit of its kind raises a staleness warning, once per
              catalogue entry however many options use it; an exchange rate older than {exchangeRateStaleAfterDays} days
              does too. Missing prices are never
              counted as zero: an API option needs positive input and output prices, and a catalogue reference the
              catalogue does not know is reported. Each result lists the catalogue entries it used, with their source
              and date, and every value the scenario overrode, with the source the scenario gives for it.
            </p>
            <p>
              Staff figures in the catalogue are median salaries, not loaded costs, and no public source gives a
              loaded-cost multiplier: staff cost is FTE × cost per FTE × <code>loadedCostMultiplier</code>, which is 1
              (salary only) unless you enter your own overhead multiplier. The results list it beside the salary.
            </p>
            <table id="staleness">
              <caption>When a figure counts as stale: days after the date of its figures, by kind</caption>
              <thead>
                <tr>
                  <th scope="col">Kind of figure</th>
                  <th scope="col" className="num">Stale after</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {stalenessRules.map((rule) => (
                  <tr key={rule.kind}>
                    <td>{rule.label}</td>
                    <td className="num">{rule.days} days</td>
                    <td>{rule.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </article>
        <aside>
          <nav className="methodology-toc" aria-label="On this page">
            <p className="methodology-toc__title">On this page</p>
            <ul>
              <li>
                <a href="#time">Time and rates</a>
              </li>
              <li>
                <a href="#token-cost">Cost per 1M tokens</a>
              </li>
              <li>
                <a href="#break-even">Break-even</a>
              </li>
              <li>
                <a href="#capacity">Capacity</a>
              </li>
              <li>
                <a href="#cohorts">Hardware cohorts</a>
              </li>
              <li>
                <a href="#cash-accounting">Cash and accounting</a>
              </li>
              <li>
                <a href="#conventions">Conventions</a>
              </li>
              <li>
                <a href="#precision">Precision</a>
              </li>
              <li>
                <a href="#uncertainty">Uncertainty</a>
              </li>
              <li>
                <a href="#compliance">Compliance</a>
              </li>
              <li>
                <a href="#sovereignty">Sovereignty</a>
              </li>
              <li>
                <a href="#data">Default data</a>
              </li>
            </ul>
          </nav>
        </aside>
      </main>
    </>
  );
}
