import { buildComplianceMatrix, WEIGHTED_SEAL_SCORE_LABEL, WEIGHTED_SEAL_SCORE_NOTE, type CellStatus, type ReasonView, type ResultBundle, type SourceView } from "~/reports/index.ts";

const STATUS_SYMBOLS: Record<CellStatus, string> = { met: "✓", info: "i", condition: "!", block: "✕" };

function Source({ source }: { source: SourceView }) {
  const name = source.publisher === null ? source.title : `${source.publisher}: ${source.title}`;
  const url = source.urls[0];
  return (
    <span className="source">
      {url === undefined ? name : <a href={url}>{name}</a>}
      {source.thirdParty ? " (third party)" : ""}, <time dateTime={source.asOf}>{source.asOf}</time> ({source.confidence} confidence)
    </span>
  );
}

function Reason({ reason }: { reason: ReasonView }) {
  return (
    <li>
      {reason.message}. <span className="muted">Source: </span>
      <Source source={reason.source} />
      {reason.ruleSource ? (
        <>
          <span className="muted">; rule: </span>
          <Source source={reason.ruleSource} />
        </>
      ) : null}
    </li>
  );
}

/** Option × requirement verdicts with reasons and dated sources, then SEAL levels per objective. */
export function ComplianceMatrixView({ bundle }: { bundle: ResultBundle }) {
  const matrix = buildComplianceMatrix(bundle);
  if (matrix === null) return null;
  const deployments = matrix.options.flatMap((option) => option.deployments.map((deployment) => ({ option, deployment })));
  return (
    <section className="results-section" aria-labelledby="compliance-heading" id="compliance">
      <h3 id="compliance-heading">Compliance and sovereignty</h3>
      <p className="muted">Profile: {matrix.profileSummary}.</p>
      <p>
        {matrix.cheapest === null ? "Every option is blocked." : <>Cheapest compliant option ({matrix.costBasis}): <strong>{matrix.cheapest.name}</strong>.</>}
      </p>
      <div className="results-scroll" tabIndex={0} role="region" aria-labelledby="compliance-heading">
        <table className="results-table results-table--sticky compliance-matrix">
          <caption>Each requirement of the profile against each option; open a cell for its reasons and sources.</caption>
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              {matrix.options.map((option) => (
                <th key={option.optionId} scope="col">
                  {option.name}
                  <span className={`verdict verdict--${option.verdict}`}>{option.verdictLabel}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.requirements.map((row) => (
              <tr key={row.requirement}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td key={matrix.options[i]?.optionId ?? i} className={`matrix-cell matrix-cell--${cell.status}`}>
                    <span aria-hidden="true">{STATUS_SYMBOLS[cell.status]} </span>
                    {cell.reasons.length === 0 ? (
                      cell.label
                    ) : (
                      <details>
                        <summary>{cell.label}</summary>
                        <ul>
                          {cell.reasons.map((reason, r) => (
                            <Reason key={r} reason={reason} />
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {deployments.length > 0 ? (
        <div className="results-scroll" tabIndex={0} role="region" aria-label="SEAL levels per sovereignty objective">
          <table className="results-table results-table--sticky seal-table">
            <caption>
              SEAL levels (0–4) per objective of the EU Cloud Sovereignty Framework; * marks a level overridden with a written justification. OpenTCO&apos;s reasoned opinion, not an
              official rating. {WEIGHTED_SEAL_SCORE_LABEL}: {WEIGHTED_SEAL_SCORE_NOTE}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Objective</th>
                {deployments.map(({ option, deployment }) => (
                  <th key={`${option.optionId}-${deployment.part}`} scope="col" className="num">
                    {option.name}
                    {deployment.part === "option" ? "" : ` (${deployment.part})`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.objectives.map((objective, o) => (
                <tr key={objective.id}>
                  <th scope="row">
                    {objective.id} {objective.name} <span className="muted">({Number(objective.weight) * 100} %)</span>
                  </th>
                  {deployments.map(({ option, deployment }) => {
                    const cell = deployment.seal[o];
                    if (!cell) return <td key={`${option.optionId}-${deployment.part}`} />;
                    const title = [cell.levelName, ...cell.reasoning, cell.override ? `Overridden from ${cell.derivedLevel}: ${cell.override.justification}` : ""].filter(Boolean).join("\n");
                    return (
                      <td key={`${option.optionId}-${deployment.part}`} className={cell.belowMinimum ? "num seal--below" : "num"} title={title}>
                        {cell.level}
                        {cell.override ? "*" : ""}
                        {cell.minimum !== null ? <span className="muted"> (min {cell.minimum}{cell.belowMinimum ? ", below" : ""})</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">
                  {WEIGHTED_SEAL_SCORE_LABEL} <span className="muted">(OpenTCO&apos;s aggregation)</span>
                </th>
                {deployments.map(({ option, deployment }) => (
                  <td key={`${option.optionId}-${deployment.part}`} className="num">
                    {Number(deployment.weightedScore).toFixed(2)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}
      {deployments.some(({ deployment }) => deployment.residencyPremium !== null || deployment.overheadsToPrice.length > 0) ? (
        <ul className="overrides">
          {deployments.map(({ option, deployment }) =>
            deployment.residencyPremium === null && deployment.overheadsToPrice.length === 0 ? null : (
              <li key={`${option.optionId}-${deployment.part}`}>
                <strong>{option.name}</strong>
                {deployment.residencyPremium === null ? null : <> — residency premium: {deployment.residencyPremium}</>}
                {deployment.overheadsToPrice.length === 0 ? null : <> — yearly costs to estimate: {deployment.overheadsToPrice.map((overhead) => overhead.label).join("; ")}</>}
              </li>
            ),
          )}
        </ul>
      ) : null}
      {deployments.some(({ deployment }) => deployment.seal.some((cell) => cell.override)) ? (
        <ul className="overrides">
          {deployments.flatMap(({ option, deployment }) =>
            deployment.seal.flatMap((cell, o) =>
              cell.override ? [<li key={`${option.optionId}-${deployment.part}-${o}`}>{option.name}, {matrix.objectives[o]?.id}: overridden from {cell.derivedLevel} to {cell.level}. Justification: “{cell.override.justification}”</li>] : [],
            ),
          )}
        </ul>
      ) : null}
    </section>
  );
}
