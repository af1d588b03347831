import { Citations } from "~/components/citations.tsx";
import { buildAssumptions, type Formatter, type ResultBundle } from "~/reports/index.ts";

const STATUS_LABELS = { catalogue: "catalogue", organisation: "organisation", override: "override", "unknown-catalogue-id": "unknown id" } as const;

/** The scenario's settings and every catalogue value used, with source, date and overrides. */
export function AssumptionsList({ bundle, fmt }: { bundle: ResultBundle; fmt: Formatter }) {
  const { scenarioFacts, rows } = buildAssumptions(bundle, fmt);
  return (
    <section className="results-section" aria-labelledby="assumptions-heading" id="assumptions">
      <h3 id="assumptions-heading">Assumptions and sources</h3>
      <dl className="facts">
        {scenarioFacts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <div className="results-scroll" tabIndex={0} role="region" aria-labelledby="assumptions-heading">
        <table className="results-table results-table--sticky">
          <caption>Catalogue values used or overridden; a value shared by several options is listed once.</caption>
          <thead>
            <tr>
              <th scope="col">Value used</th>
              <th scope="col">Field</th>
              <th scope="col">Options</th>
              <th scope="col">Catalogue entry and source</th>
              <th scope="col">As of</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.valueText}
                  {row.status === "catalogue" ? null : <span className={`badge badge--${row.status === "organisation" ? "organisation" : "override"}`}>{STATUS_LABELS[row.status]}</span>}
                  {row.catalogueValueText ? <span className="muted assumption-note">catalogue: {row.catalogueValueText}</span> : null}
                  {row.overrideSource ? (
                    <span className="muted assumption-note">
                      override source: {row.overrideSource.source}
                      {row.overrideSource.asOf ? `, ${row.overrideSource.asOf}` : ""}
                    </span>
                  ) : null}
                </th>
                <td>
                  <code>{row.field}</code>
                </td>
                <td>{row.options.map((option) => option.name).join(", ")}</td>
                <td>
                  {row.entry ? <span className="assumption-entry">{row.entry.label}</span> : null}
                  {row.source ? (
                    <span className="assumption-note">
                      {row.source.citations.length === 0 ? "no source" : <Citations citations={row.source.citations} />} ({row.source.confidence} confidence)
                      {row.source.note ? <span className="muted"> — {row.source.note}</span> : null}
                    </span>
                  ) : (
                    <span className="muted">no catalogue entry</span>
                  )}
                </td>
                <td className="nowrap">
                  {row.source ? <time dateTime={row.source.asOf}>{row.source.asOf}</time> : "—"}
                  {row.stale ? <span className="badge badge--stale">stale</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
