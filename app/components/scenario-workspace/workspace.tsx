import { Form, Link, useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createCatalogue, type OrganisationLayer } from "~/engine/index.ts";
import { ScenarioEditor } from "~/components/scenario-editor/index.tsx";
import { ScenarioResults } from "~/components/scenario-results/index.tsx";
import { useLiveResult } from "~/hooks/use-live-result.ts";
import { useSaveShortcut } from "~/hooks/use-save-shortcut.ts";
import { useUnsavedChanges } from "~/hooks/use-unsaved-changes.ts";
import { createFormatter, type ResultBundle } from "~/reports/index.ts";
import { summarizeHeadline } from "~/reports/headline.ts";
import { isJsonEqual, type Json } from "~/scenarios/merge.ts";
import { ConflictPanel, type ConflictingRevision } from "./conflict-panel.tsx";

export interface WorkspaceRevision {
  number: number;
  inputs: Json;
  result: ResultBundle;
  createdAt: string;
  createdByEmail: string | null;
  note: string | null;
  fingerprint: string;
  isCurrent: boolean;
}

/** What the page's action answers to a save. */
export type SaveResponse =
  | { saved: number }
  | { issues: { path: string; message: string }[]; formError: string }
  | { conflict: ConflictingRevision }
  | { formError: string };

function formatTime(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

/** The answer in one line, pinned with the save state so it stays in view while the inputs scroll (phones). */
function CompactHeadline({ bundle, locale }: { bundle: ResultBundle; locale: string }) {
  const headline = summarizeHeadline(bundle.scenario);
  const fmt = createFormatter(headline.currency, locale);
  if (!headline.cheapest) return <span className="compact-headline">Every option is blocked by the compliance profile</span>;
  const breakEven = headline.runnerUp === null ? "" : headline.breakEven.month === null ? " · no break-even within the horizon" : ` · break-even ${fmt.monthNumber(headline.breakEven.month)}`;
  return (
    <span className="compact-headline">
      Cheapest: {headline.cheapest.name}, <strong>{fmt.moneyCompact(headline.cheapest.cashTotal)}</strong>
      {breakEven}
    </span>
  );
}

/**
 * The scenario page: inputs on the left, results on the right (stacked on phones), a save bar that always
 * says where the work stands. Results are the stored, authoritative ones until the first edit; from
 * then on the engine runs in the browser on each change.
 */
export function ScenarioWorkspace({ revision, latestRevisionNumber, canEdit, locale, today, catalogueLayer }: {
  revision: WorkspaceRevision;
  latestRevisionNumber: number;
  canEdit: boolean;
  locale: string;
  today: string;
  /** The organisation's catalogue layer: its pickers and override marks, and the ids a draft may name. */
  catalogueLayer: OrganisationLayer;
}) {
  const catalogue = useMemo(() => createCatalogue(catalogueLayer), [catalogueLayer]);
  const isLatest = revision.number === latestRevisionNumber;
  const editable = canEdit && isLatest;
  const [draft, setDraft] = useState<Json>(revision.inputs);
  const [base, setBase] = useState<{ number: number; inputs: Json }>({ number: revision.number, inputs: revision.inputs });
  const [note, setNote] = useState("");
  const [conflict, setConflict] = useState<ConflictingRevision | null>(null);
  const submitted = useRef<Json | null>(null);
  const fetcher = useFetcher<SaveResponse>();

  // A newly loaded revision becomes the base when it is the one my save created (the draft takes its
  // canonical form unless I typed on meanwhile) or when I have nothing unsaved. Otherwise (a reload after
  // a refused save) my draft and its base stay put until the conflict is resolved explicitly.
  const loadedNumber = revision.number;
  const loadedInputs = revision.inputs;
  const savedNumber = fetcher.data && "saved" in fetcher.data ? fetcher.data.saved : null;
  const dirty = !isJsonEqual(draft, base.inputs);
  useEffect(() => {
    if (loadedNumber === base.number) return;
    if (savedNumber === loadedNumber) {
      setBase({ number: loadedNumber, inputs: loadedInputs });
      setDraft((current) => (submitted.current === null || isJsonEqual(current, submitted.current) ? loadedInputs : current));
      submitted.current = null;
    } else if (!dirty) {
      setBase({ number: loadedNumber, inputs: loadedInputs });
      setDraft(loadedInputs);
    }
  }, [loadedNumber, loadedInputs, savedNumber, base.number, dirty]);

  useEffect(() => {
    const answer = fetcher.data;
    if (fetcher.state !== "idle" || !answer) return;
    if ("conflict" in answer) setConflict(answer.conflict);
    if ("saved" in answer) setNote("");
  }, [fetcher.state, fetcher.data]);

  // Until the first edit the page shows the revision's stored results: nothing to compute.
  const live = useLiveResult(draft, { asOf: today, enabled: dirty, layer: catalogueLayer });
  const bundle = dirty && live.bundle ? live.bundle : revision.result;
  const saving = fetcher.state !== "idle";

  const save = useCallback(() => {
    if (!editable || saving || conflict) return;
    submitted.current = draft;
    fetcher.submit({ intent: "save", baseRevision: String(base.number), inputs: JSON.stringify(draft), note }, { method: "post" });
  }, [editable, saving, conflict, draft, base.number, note, fetcher]);
  useSaveShortcut(save);
  useUnsavedChanges(editable && dirty);

  const serverIssues = fetcher.data && "issues" in fetcher.data ? fetcher.data.issues : [];
  const issues = live.issues.length > 0 ? live.issues : serverIssues;
  const formError = fetcher.data && "formError" in fetcher.data ? fetcher.data.formError : undefined;

  return (
    <div className="workspace">
      {!isLatest ? (
        <div className="banner" role="status">
          <p>
            You are looking at revision {revision.number} of {latestRevisionNumber}, saved {formatTime(revision.createdAt)} by {revision.createdByEmail ?? "a former member"}. It is read-only.
          </p>
          <div className="button-row">
            {canEdit ? (
              <Form method="post">
                <input type="hidden" name="intent" value="restore" />
                <input type="hidden" name="revision" value={revision.number} />
                <button type="submit">Restore as revision {latestRevisionNumber + 1}</button>
              </Form>
            ) : null}
            <Link to="." className="button secondary">
              Go to the latest revision
            </Link>
          </div>
        </div>
      ) : null}
      {isLatest && !revision.isCurrent ? (
        <div className="banner" role="status">
          <p>Newer catalogue defaults or a newer engine exist since this revision was computed. Its figures stay as they were saved.</p>
          {canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="recompute" />
              <input type="hidden" name="revision" value={revision.number} />
              <button type="submit" className="secondary">
                Recompute as revision {latestRevisionNumber + 1}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <div className="save-bar">
        {editable ? (
          <>
            <span role="status" className={dirty ? "save-state save-state--dirty" : "save-state"}>
              {saving ? "Saving…" : dirty ? "Unsaved changes" : `Saved · revision ${base.number} · ${formatTime(revision.createdAt)}`}
            </span>
            <label className="save-bar__note">
              <span className="visually-hidden">Revision note</span>
              <input type="text" value={note} maxLength={500} placeholder="Note for this revision (optional)" onChange={(event) => setNote(event.target.value)} />
            </label>
            <button type="button" onClick={save} disabled={!dirty || saving || conflict !== null || live.issues.length > 0} aria-keyshortcuts="Control+S Meta+S">
              Save
            </button>
          </>
        ) : (
          <span className="save-state save-state--readonly">
            Revision {revision.number} · {formatTime(revision.createdAt)} · read-only
          </span>
        )}
        <CompactHeadline bundle={bundle} locale={locale} />
        {formError && !conflict ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
      </div>

      {conflict ? (
        <ConflictPanel
          base={base.inputs}
          mine={draft}
          theirs={conflict}
          onResolve={(merged) => {
            setDraft(merged);
            setBase({ number: conflict.number, inputs: conflict.inputs });
            setConflict(null);
          }}
          onDiscardMine={() => {
            setDraft(conflict.inputs);
            setBase({ number: conflict.number, inputs: conflict.inputs });
            setConflict(null);
          }}
        />
      ) : null}

      <div className="workspace__columns">
        <section className="workspace__inputs" aria-labelledby="inputs-heading">
          <h2 id="inputs-heading">Inputs</h2>
          <ScenarioEditor value={draft} onChange={(next) => setDraft(next as Json)} issues={issues} readOnly={!editable} catalogue={catalogue} />
        </section>
        <section className="workspace__results" aria-labelledby="results-heading">
          <h2 id="results-heading">
            Results{" "}
            <span className="muted results-basis">
              {dirty ? (live.bundle ? (live.issues.length > 0 ? "· last valid inputs, fix the errors to update" : "· live, not yet saved") : "") : `· as saved in revision ${revision.number}`}
            </span>
          </h2>
          {dirty && live.monteCarlo.status === "running" ? (
            <p className="sensitivity-progress">
              <label htmlFor="monte-carlo-progress">Monte Carlo and tornado for the new inputs</label>{" "}
              <progress id="monte-carlo-progress" max={1} value={live.monteCarlo.progress} /> {Math.round(live.monteCarlo.progress * 100)} %
            </p>
          ) : null}
          {dirty && live.monteCarlo.status === "error" ? (
            <p className="form-error" role="alert">
              The Monte Carlo run failed in this browser; the deterministic figures above are complete, and saving computes the
              sensitivity on the server.
            </p>
          ) : null}
          <ScenarioResults bundle={bundle} locale={locale} />
        </section>
      </div>
    </div>
  );
}
