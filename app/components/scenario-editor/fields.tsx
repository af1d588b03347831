import { useContext, useState, type ReactNode } from "react";
import { FieldFrame, type FieldControlProps } from "~/components/field-frame.tsx";
import { getCatalogueState, resetToCatalogue, type CatalogueState } from "~/catalogue/bindings.ts";
import { OptionContext, useEditor, useIssuesAt } from "./context.tsx";
import { formatFieldHint, getFieldDescription } from "~/scenarios/field-info.ts";
import { fractionToPercent, percentToFraction } from "~/scenarios/percent.ts";
import { getAtPath, getFieldId, isJsonObject, type Path } from "~/scenarios/paths.ts";
import { describeCitationsBriefly } from "~/reports/sources.ts";

/**
 * The editor's field controls. Each is a FieldFrame (label, hint, error with aria-invalid and
 * aria-describedby, as every form in the app) plus the unit beside the input and, inside an option,
 * the catalogue state: source and date, or an override marked with a dot and the word "override",
 * a "Reset to catalogue" button and the source note stored in the option's `overrideSources`.
 */

/** Stands for "no path": no issue is ever reported at an empty path (the root is "(root)" and has no field). */
const NO_PATH: Path = ["\u0000"];

interface FieldProps {
  path: Path;
  label: string;
  /** Replaces the schema's description as the hint. */
  hint?: string;
}

/** The value at `path` of the latest scenario input. */
function useValueAt(path: Path): unknown {
  return getAtPath(useEditor().getScenario(), path);
}

/** The hint from the schema's description, with bounds in the unit typed. */
function useHint(path: Path, hint: string | undefined, options: { percent?: boolean; unit?: string } = {}): string | undefined {
  const { getScenario } = useEditor();
  return hint ?? formatFieldHint(getFieldDescription(getScenario(), path), options);
}

const display = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "");

/** Bounds are stated in the stored unit (fractions); beside a % input they say so. */
function explainForPercent(message: string): string {
  return /at least|at most|greater than/.test(message) ? `${message} (as a fraction: 1 = 100 %)` : message;
}

interface FrameProps {
  path: Path;
  label: string;
  hint?: string;
  unit?: string;
  errors: readonly string[];
  after?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}

function EditorFrame({ path, label, hint, unit, errors, after, children }: FrameProps) {
  const id = getFieldId(path);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={errors.length > 0 ? errors.join("; ") : undefined}>
      {(control) => (
        <>
          <div className="editor-control">
            {children(unit ? { ...control, "aria-describedby": [`${id}-unit`, control["aria-describedby"]].filter(Boolean).join(" ") } : control)}
            {unit ? (
              <span className="editor-unit" id={`${id}-unit`}>
                {unit}
              </span>
            ) : null}
          </div>
          {after}
        </>
      )}
    </FieldFrame>
  );
}

/** A read-only field: label and value with its unit, no input. */
function ReadOnlyField({ label, value, unit, after }: { label: string; value: string; unit?: string; after?: ReactNode }) {
  return (
    <div className="field editor-read">
      <span className="editor-read__label">{label}</span>
      <span className="editor-read__value">
        {value === "" ? "—" : value}
        {unit && value !== "" ? ` ${unit}` : ""}
      </span>
      {after}
    </div>
  );
}

/**
 * A decimal field: stored as the decimal string typed. With `percent`, people type percents and the
 * fraction is stored ("12.5" → "0.125"); the text typed is kept while it is being edited, so "12.50"
 * does not jump to "12.5" under the cursor. `optional`: an empty input removes the field.
 */
export function DecimalField({ path, label, hint, unit, percent = false, optional = false }: FieldProps & { unit?: string; percent?: boolean; optional?: boolean }) {
  const { readOnly, update } = useEditor();
  const value = useValueAt(path);
  const issues = useIssuesAt(path);
  const fullHint = useHint(path, hint, { percent, unit });
  const catalogue = useCatalogueNote(path, percent);
  const [draft, setDraft] = useState<{ text: string; stored: unknown } | null>(null);
  const shownUnit = percent ? "%" : unit;
  const formatted = percent ? fractionToPercent(value) : display(value);
  if (readOnly) return <ReadOnlyField label={label} value={formatted} unit={shownUnit} after={catalogue} />;
  const text = draft !== null && draft.stored === value ? draft.text : formatted;
  return (
    <EditorFrame path={path} label={label} hint={fullHint} unit={shownUnit} errors={percent ? issues.map(explainForPercent) : issues} after={catalogue}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => {
            const typed = event.currentTarget.value;
            const stored = typed.trim() === "" && optional ? undefined : percent ? percentToFraction(typed) : typed;
            setDraft({ text: typed, stored });
            update(path, stored);
          }}
        />
      )}
    </EditorFrame>
  );
}

/** A text field (also dates and months, which keep the format's YYYY-MM-DD / YYYY-MM strings). */
export function TextField({ path, label, hint, optional = false, type = "text", multiline = false }: FieldProps & { optional?: boolean; type?: "text" | "date" | "month"; multiline?: boolean }) {
  const { readOnly, update } = useEditor();
  const value = display(useValueAt(path));
  const issues = useIssuesAt(path);
  const fullHint = useHint(path, hint);
  if (readOnly) return <ReadOnlyField label={label} value={value} />;
  const onChange = (typed: string) => update(path, typed === "" && optional ? undefined : typed);
  return (
    <EditorFrame path={path} label={label} hint={fullHint} errors={issues}>
      {(control) =>
        multiline ? (
          <textarea {...control} rows={2} value={value} onChange={(event) => onChange(event.currentTarget.value)} />
        ) : (
          <input {...control} type={type} autoComplete="off" value={value} onChange={(event) => onChange(event.currentTarget.value)} />
        )
      }
    </EditorFrame>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * A select. `optional` adds an empty choice that removes the field; `numeric` stores numbers (SEAL
 * levels). A stored value that is not among the choices is listed as it is, so it is never hidden.
 */
export function SelectField({
  path,
  label,
  hint,
  choices,
  optional,
  numeric = false,
  onSelect,
}: FieldProps & { choices: readonly Choice[]; optional?: string; numeric?: boolean; onSelect?: (value: string | undefined) => void }) {
  const { readOnly, update } = useEditor();
  const value = display(useValueAt(path));
  const issues = useIssuesAt(path);
  const fullHint = useHint(path, hint);
  const known = choices.some((choice) => choice.value === value) || (value === "" && optional !== undefined);
  const all = known ? choices : [...choices, { value, label: value === "" ? "— choose —" : `${value} (unknown)` }];
  if (readOnly) return <ReadOnlyField label={label} value={all.find((choice) => choice.value === value)?.label ?? value} />;
  return (
    <EditorFrame path={path} label={label} hint={fullHint} errors={issues}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            const chosen = event.currentTarget.value === "" && optional !== undefined ? undefined : event.currentTarget.value;
            if (onSelect !== undefined) onSelect(chosen);
            else update(path, chosen === undefined ? undefined : numeric ? Number(chosen) : chosen);
          }}
        >
          {optional !== undefined ? <option value="">{optional}</option> : null}
          {all.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </EditorFrame>
  );
}

/** A true/false field; `defaultValue` is what the engine assumes when the key is absent. */
export function CheckboxField({ path, label, hint, defaultValue = false }: FieldProps & { defaultValue?: boolean }) {
  const { readOnly, update } = useEditor();
  const raw = useValueAt(path);
  const checked = typeof raw === "boolean" ? raw : defaultValue;
  const issues = useIssuesAt(path);
  const id = getFieldId(path);
  if (readOnly) return <ReadOnlyField label={label} value={checked ? "yes" : "no"} />;
  const describedBy = [hint ? `${id}-hint` : null, issues.length > 0 ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field editor-check">
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} aria-invalid={issues.length > 0 ? true : undefined} aria-describedby={describedBy} onChange={(event) => update(path, event.currentTarget.checked)} />{" "}
        {label}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {issues.length > 0 ? (
        <span id={`${id}-error`} className="field-error">
          {issues.join("; ")}
        </span>
      ) : null}
    </div>
  );
}

/** The catalogue state of a field inside an option: null outside options or without a catalogue default. */
function useCatalogueState(path: Path): { state: CatalogueState; fieldPath: string; optionPath: Path } | null {
  const scope = useContext(OptionContext);
  const { perUsd, catalogue } = useEditor();
  if (scope === null || path.length <= scope.path.length) return null;
  const fieldPath = path.slice(scope.path.length).join(".");
  const state = getCatalogueState(scope.option, fieldPath, perUsd, catalogue);
  return state === null ? null : { state, fieldPath, optionPath: scope.path };
}

/** Source and date of a kept catalogue value, or the override mark, reset button and source note. */
function useCatalogueNote(path: Path, percent: boolean): ReactNode {
  const found = useCatalogueState(path);
  const { readOnly, update, perUsd, getScenario, catalogue } = useEditor();
  if (found === null) return null;
  const { state, fieldPath, optionPath } = found;
  const id = getFieldId(path);
  const catalogueValue = state.catalogueValue === null ? "unknown" : percent ? `${fractionToPercent(state.catalogueValue)} %` : state.catalogueValue;
  const origin = `${state.entry.label}: ${describeCitationsBriefly(state.entry.citations)}, ${state.entry.asOf}`;
  if (state.status === "catalogue") {
    return (
      <span className="editor-catalogue" id={`${id}-catalogue`}>
        {`From catalogue, as of ${state.entry.asOf} (source beside the picker)`}
      </span>
    );
  }
  const option = getAtPath(getScenario(), optionPath);
  const sourcePath = [...optionPath, "overrideSources", fieldPath];
  return (
    <div className="editor-override" role="group" aria-label={`Override of ${fieldPath}`}>
      <p className="editor-override__mark">
        <span className="editor-override__dot" aria-hidden="true">
          ●
        </span>{" "}
        <strong>override</strong>
        {` · catalogue value ${catalogueValue} (${origin})`}
      </p>
      {readOnly ? (
        <OverrideSourceText sourcePath={sourcePath} />
      ) : (
        <>
          {state.catalogueValue === null ? null : (
            <button type="button" className="secondary editor-small" onClick={() => isJsonObject(option) && update(optionPath, resetToCatalogue(option, fieldPath, perUsd, catalogue))}>
              Reset to catalogue
            </button>
          )}
          <TextField path={[...sourcePath, "source"]} label="Source of your value" optional hint="Where your figure comes from: a quote, a contract, your own measurement." />
          <TextField path={[...sourcePath, "asOf"]} label="Source date" optional type="date" />
        </>
      )}
    </div>
  );
}

function OverrideSourceText({ sourcePath }: { sourcePath: Path }) {
  const source = getAtPath(useEditor().getScenario(), sourcePath);
  if (!isJsonObject(source)) return <p className="editor-override__source">No source given.</p>;
  return (
    <p className="editor-override__source">
      Source: {display(source.source)}
      {typeof source.asOf === "string" ? `, ${source.asOf}` : ""}
    </p>
  );
}

/**
 * A labelled group of fields (fieldset). With `path` (an object or list of the format), the group
 * carries that path's id and shows its own issues (e.g. "is required") under the legend.
 */
export function FieldGroup({ path, legend, children, actions }: { path?: Path; legend: string; children: ReactNode; actions?: ReactNode }) {
  const issues = useIssuesAt(path ?? NO_PATH);
  const id = path === undefined ? undefined : getFieldId(path);
  return (
    <fieldset id={id} tabIndex={id === undefined ? undefined : -1} className="editor-group" aria-describedby={issues.length > 0 && path !== undefined ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {issues.length > 0 && path !== undefined ? (
        <p id={`${id}-error`} className="field-error">
          {issues.join("; ")}
        </p>
      ) : null}
      <div className="editor-grid">{children}</div>
      {actions ? <div className="editor-actions">{actions}</div> : null}
    </fieldset>
  );
}
