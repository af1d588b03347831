import { groupWarnings, type ResultBundle } from "~/reports/index.ts";

/** Warnings grouped by kind; a catalogue entry used by several options is listed once. */
export function WarningsList({ bundle }: { bundle: ResultBundle }) {
  const groups = groupWarnings(bundle);
  if (groups.length === 0) return null;
  return (
    <section className="results-section" aria-labelledby="warnings-heading" id="warnings">
      <h3 id="warnings-heading">Warnings</h3>
      {groups.map((group) => (
        <div key={group.code} className="warning-group">
          <h4>
            {group.title} <span className="muted">({group.entries.length})</span>
          </h4>
          <ul>
            {group.entries.map((entry) => (
              <li key={entry.message}>
                {entry.message}
                {entry.options.length > 0 ? <span className="warning-group__options"> Applies to: {entry.options.map((option) => option.name).join(", ")}.</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
