import { useCallback, useMemo, useRef } from "react";
import { BUILT_IN_CATALOGUE, type Catalogue } from "~/engine/index.ts";
import { EditorContext, groupIssues, IssuesContext, type EditorContextValue, type EditorIssue } from "./context.tsx";
import { getAtPath, getFieldId, setAtPath, type Path } from "~/scenarios/paths.ts";
import { AssumptionsSection, ComplianceSection, GeneralSection, OptionsSection, SensitivitySection, WorkloadSection } from "./sections.tsx";

export type { EditorIssue } from "./context.tsx";

export interface ScenarioEditorProps {
  /** The scenario input as plain JSON (engine format v1, decimals as strings), e.g. a public/examples file. */
  value: unknown;
  /** Called with a new JSON object on every edit; unchanged branches keep their identity. */
  onChange: (next: unknown) => void;
  /** The issues of `parseScenario(value)` (path "options.2.gpu.unitPrice", message naming the rule). */
  issues: readonly EditorIssue[];
  /** Show the values without inputs (viewers, the shared view). */
  readOnly?: boolean;
  /** The organisation's catalogue (pickers, override marks); the built-in one when absent. */
  catalogue?: Catalogue;
}

/**
 * The scenario editor: every field of the scenario format, grouped in collapsible sections with a
 * one-line summary, units beside each input, the schema's description as hint, catalogue pickers with
 * sources and override marks, and each issue beside its field (plus a list of all of them on top).
 * Controlled: it holds no copy of the scenario, only what is being typed in a percent field.
 */
export function ScenarioEditor({ value, onChange, issues, readOnly = false, catalogue = BUILT_IN_CATALOGUE }: ScenarioEditorProps) {
  // The latest value and callback, so `update` stays stable (memoised sections skip re-rendering) and
  // two updates in one event build on each other.
  const latest = useRef({ value, onChange });
  latest.current.onChange = onChange;
  if (latest.current.value !== value) latest.current.value = value;

  const update = useCallback((path: Path, next: unknown) => {
    const changed = setAtPath(latest.current.value, path, next);
    latest.current.value = changed;
    latest.current.onChange(changed);
  }, []);
  const getScenario = useCallback(() => latest.current.value, []);

  const currency = String(getAtPath(value, ["currency", "code"]) ?? "");
  const perUsd = getAtPath(value, ["currency", "perUsd"]);
  const context = useMemo<EditorContextValue>(() => ({ readOnly, update, getScenario, currency, perUsd, catalogue }), [readOnly, update, getScenario, currency, perUsd, catalogue]);

  // parseScenario returns a new array on every run; only a change of content re-renders the fields.
  const issuesKey = JSON.stringify(issues);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content on purpose
  const grouped = useMemo(() => groupIssues(issues), [issuesKey]);

  return (
    <EditorContext.Provider value={context}>
      <IssuesContext.Provider value={grouped}>
        <div className={`scenario-editor${readOnly ? " scenario-editor--read-only" : ""}`}>
          {issues.length > 0 ? <IssueList issues={issues} readOnly={readOnly} onRemove={(path) => update(path, undefined)} /> : null}
          <GeneralSection />
          <WorkloadSection workload={getAtPath(value, ["workload"])} />
          <OptionsSection options={getAtPath(value, ["options"])} />
          <ComplianceSection compliance={getAtPath(value, ["compliance"])} />
          <AssumptionsSection onJump={focusField} />
          <SensitivitySection sensitivity={getAtPath(value, ["sensitivity"])} />
        </div>
      </IssuesContext.Provider>
    </EditorContext.Provider>
  );
}

/** The dotted issue path as path segments (numeric segments become indices). */
function parseIssuePath(path: string): Path {
  return path === "(root)" ? [] : path.split(".").map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Moves focus to the field of `path`, or to its nearest rendered ancestor (a group or option card),
 * opening the collapsed sections around it.
 */
export function focusField(path: Path): void {
  for (let length = path.length; length >= 0; length--) {
    const element = document.getElementById(getFieldId(path.slice(0, length)));
    if (element === null) continue;
    for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
      if (parent instanceof HTMLDetailsElement) parent.open = true;
    }
    element.focus();
    element.scrollIntoView({ block: "center" });
    return;
  }
}

/** Every issue, each a button to its field; unknown fields can be removed from here. */
function IssueList({ issues, readOnly, onRemove }: { issues: readonly EditorIssue[]; readOnly: boolean; onRemove: (path: Path) => void }) {
  return (
    <div className="editor-issues" role="region" aria-labelledby="editor-issues-title">
      <h2 id="editor-issues-title" className="editor-issues__title">
        {`${issues.length} ${issues.length === 1 ? "problem" : "problems"} to fix before the results update`}
      </h2>
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.path}-${index}`}>
            <button type="button" className="link" onClick={() => focusField(parseIssuePath(issue.path))}>
              {issue.path}
            </button>
            : {issue.message}
            {!readOnly && issue.message === "is not a known field" ? (
              <>
                {" "}
                <button type="button" className="secondary editor-small" onClick={() => onRemove(parseIssuePath(issue.path))}>
                  Remove field<span className="visually-hidden"> {issue.path}</span>
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
