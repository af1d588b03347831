import { useMemo, useState } from "react";
import { applyTheirs, mergeInputs, type Json } from "~/scenarios/merge.ts";

export interface ConflictingRevision {
  number: number;
  createdByEmail: string | null;
  createdAt: string;
  inputs: Json;
}

function show(value: Json | undefined): string {
  if (value === undefined) return "(absent)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Shown in place (never a modal) when a save was refused because someone saved a newer revision: their
 * changes side by side with mine. Fields only they changed are taken; for fields both changed the user
 * picks, mine by default. Applying the merge rebases the draft on their revision, still unsaved.
 */
export function ConflictPanel({ base, mine, theirs, onResolve, onDiscardMine }: {
  base: Json;
  mine: Json;
  theirs: ConflictingRevision;
  onResolve: (merged: Json) => void;
  onDiscardMine: () => void;
}) {
  const merge = useMemo(() => mergeInputs(base, mine, theirs.inputs), [base, mine, theirs.inputs]);
  const [theirPaths, setTheirPaths] = useState<ReadonlySet<string>>(new Set());
  const choose = (path: string, side: "mine" | "theirs") => {
    const next = new Set(theirPaths);
    if (side === "theirs") next.add(path);
    else next.delete(path);
    setTheirPaths(next);
  };
  return (
    <section className="conflict card" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Not saved: revision {theirs.number} was saved while you were editing</h2>
      <p>
        {theirs.createdByEmail ?? "A former member"} saved revision {theirs.number} at <time dateTime={theirs.createdAt}>{theirs.createdAt.slice(0, 16).replace("T", " ")}</time>. Your edits
        are still here. Review the differences, then save again.
      </p>
      {merge.taken.length > 0 ? (
        <>
          <h3>Their changes that will be kept</h3>
          <ul className="conflict__taken">
            {merge.taken.map((path) => (
              <li key={path}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {merge.conflicts.length > 0 ? (
        <div className="table-scroll">
          <table className="conflict__table">
            <caption>Fields you both changed: choose which value to keep</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">Yours</th>
                <th scope="col">Theirs (revision {theirs.number})</th>
              </tr>
            </thead>
            <tbody>
              {merge.conflicts.map((conflict) => (
                <tr key={conflict.path}>
                  <th scope="row">
                    <code>{conflict.path}</code>
                  </th>
                  <td>{show(conflict.base)}</td>
                  <td>
                    <label>
                      <input type="radio" name={`pick-${conflict.path}`} checked={!theirPaths.has(conflict.path)} onChange={() => choose(conflict.path, "mine")} /> {show(conflict.mine)}
                    </label>
                  </td>
                  <td>
                    <label>
                      <input type="radio" name={`pick-${conflict.path}`} checked={theirPaths.has(conflict.path)} onChange={() => choose(conflict.path, "theirs")} /> {show(conflict.theirs)}
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>None of the fields you changed were changed by them.</p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => onResolve(applyTheirs(merge, theirPaths) ?? null)}>
          Merge into my draft
        </button>
        <button type="button" className="secondary" onClick={onDiscardMine}>
          Discard my edits, load revision {theirs.number}
        </button>
      </div>
    </section>
  );
}
