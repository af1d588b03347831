import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { requireMembership } from "~/auth/membership.server.ts";
import { labelValue } from "~/catalogue/entries.ts";
import { planPriceImport } from "~/catalogue/import-plan.ts";
import { parsePriceFile, PRICE_FILE_MAX_BYTES, type PriceFileProblem, type PriceImportPreview } from "~/catalogue/price-import.ts";
import { FormError } from "~/components/form-error.tsx";
import { createCatalogue } from "~/engine/index.ts";
import { applyCatalogueImport, getOrganisationLayer } from "~/models/organization-catalogue.server.ts";
import { ApplyPriceImportSchema } from "~/schemas/organization-catalogue.ts";
import catalogueStyles from "~/styles/org-catalogue.css";
import { readForm, validateForm } from "~/utils/form.server.ts";
import { displayFileName } from "~/utils/control-characters.ts";
import { getToday } from "~/utils/today.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];

export const meta: MetaFunction = () => [{ title: "Import prices · OpenTCO" }];

/** Owners and admins; anyone else gets the tenant 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireMembership(request, params.slug, "admin");
  return null;
}

type ActionResult =
  | { kind: "error"; formError: string; fileName?: string; problems?: PriceFileProblem[] }
  | {
      kind: "preview";
      fileName: string;
      format: string;
      base: number;
      text: string;
      preview: PriceImportPreview;
      notImported: { line: number; key: string; reason: string }[];
      skipped: number;
      entryCount: number;
    };

function fail(formError: string, status: number, extra: { fileName?: string; problems?: PriceFileProblem[] } = {}) {
  return data<ActionResult>({ kind: "error", formError, ...extra }, { status });
}

/**
 * `preview`: parse the uploaded file, list every bad row (nothing changes) or show what would change.
 * `apply`: the same file again (from the preview's form), planned against the catalogue as it is now
 * and stored as the next catalogue version, if that is still the version the preview was made on.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, user } = await requireMembership(request, params.slug, "admin");
  // The file's text travels twice (upload, then confirmation); a little room for the other fields.
  const read = await readForm(request, PRICE_FILE_MAX_BYTES + 64 * 1024);
  if (!read.ok) return fail(read.failure.formError ?? Object.values(read.failure.fieldErrors)[0] ?? "The form could not be read.", read.status);
  const intent = read.form.get("intent");
  let fileName: string;
  let text: string;
  let base: number | null = null;
  if (intent === "preview") {
    const file = read.form.get("file");
    if (!(file instanceof File) || file.size === 0) return fail("File: choose a price file (JSON or CSV) to import", 400);
    fileName = displayFileName(file.name);
    text = await file.text();
  } else {
    const parsed = validateForm(read.form, ApplyPriceImportSchema);
    if (!parsed.success) return fail(parsed.failure.formError ?? Object.values(parsed.failure.fieldErrors)[0] ?? "The form could not be read.", 400);
    ({ text, base } = parsed.data);
    fileName = displayFileName(parsed.data.fileName);
  }
  const parsedFile = parsePriceFile(text, fileName);
  if (parsedFile.problems.length > 0 || parsedFile.format === null) {
    const count = parsedFile.problems.length;
    const first = parsedFile.problems[0];
    const detail = first === undefined ? "not a price file we can read" : `line ${first.line}${first.field ? `, ${first.field}` : ""}: ${first.reason}`;
    return fail(`File: ${fileName} has ${count} bad row${count === 1 ? "" : "s"} (${detail}${count > 1 ? "; all listed below" : ""}); nothing was imported.`, 400, { fileName, problems: parsedFile.problems });
  }
  const layer = await getOrganisationLayer({ orgId: org.id });
  const plan = planPriceImport(createCatalogue(layer), parsedFile, { fileName, today: getToday() });
  if (base === null) {
    return data<ActionResult>({
      kind: "preview",
      fileName,
      format: parsedFile.format,
      base: layer.number,
      text,
      preview: plan.preview,
      notImported: plan.notImported,
      skipped: parsedFile.skipped.length,
      entryCount: plan.entries.length,
    });
  }
  const changedMeanwhile = `Catalogue: changed since the preview (now version ${layer.number}); upload the file again to see what it changes now.`;
  if (base !== layer.number) return fail(changedMeanwhile, 409, { fileName });
  if (plan.entries.length === 0) return fail(`File: no price of ${fileName} differs from the catalogue; nothing to import.`, 400, { fileName });
  const summary = { changed: new Set(plan.preview.changed.map((change) => change.id)).size, added: plan.preview.added.length, unchanged: plan.preview.unchanged, missing: plan.preview.missing.length };
  const applied = await applyCatalogueImport({ orgId: org.id, userId: user.id, base, fileName, format: parsedFile.format, entries: plan.entries, summary });
  if (!applied.ok) return fail(changedMeanwhile.replace(String(layer.number), String(applied.currentNumber)), 409, { fileName });
  return redirect(`/o/${org.slug}/catalogue?imported=${applied.number}`);
}

export default function ImportPrices() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="stack org-catalogue">
      <p>
        <Link to="..">← Catalogue</Link>
      </p>
      <h1>Import prices</h1>
      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Price file</h2>
        <p className="muted">
          Refreshes API prices for this organisation: our JSON or CSV price format, or LiteLLM's <code>model_prices_and_context_window.json</code>. Every row is checked; you see what changes before anything is
          saved, and a confirmed import becomes a new version of the organisation's catalogue.
        </p>
        <Form method="post" encType="multipart/form-data" className="org-catalogue__upload">
          <input type="hidden" name="intent" value="preview" />
          <label htmlFor="price-file">File (JSON or CSV)</label>
          <input id="price-file" name="file" type="file" accept=".json,.csv,application/json,text/csv" required />
          <button type="submit" disabled={busy}>
            Preview
          </button>
        </Form>
      </section>
      {result?.kind === "error" ? (
        <section className="card" aria-labelledby="problems-heading">
          <h2 id="problems-heading">Not imported</h2>
          <FormError message={result.formError} />
          {result.problems && result.problems.length > 0 ? (
            <div className="table-scroll">
              <table className="org-catalogue__table" aria-label={`Bad rows of ${result.fileName ?? "the file"}`}>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Row</th>
                    <th scope="col">Field</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {result.problems.map((problem, index) => (
                    <tr key={`${problem.line}-${index}`}>
                      <td className="numeric">{problem.line}</td>
                      <td>{problem.key ? <code>{problem.key}</code> : "—"}</td>
                      <td>{problem.field ? <code>{problem.field}</code> : "—"}</td>
                      <td>{problem.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
      {result?.kind === "preview" ? <Preview result={result} busy={busy} /> : null}
    </div>
  );
}

function Preview({ result, busy }: { result: Extract<ActionResult, { kind: "preview" }>; busy: boolean }) {
  const { preview } = result;
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading" className="org-catalogue__wrap">
        Preview of {result.fileName} <span className="muted">({result.format})</span>
      </h2>
      <p>
        {new Set(preview.changed.map((change) => change.id)).size} changed, {preview.added.length} new, {preview.unchanged} unchanged, {preview.missing.length} in the catalogue but not in the file (kept as they are)
        {result.skipped > 0 ? `; ${result.skipped} rows of the file skipped (not text-generation prices)` : ""}.
      </p>
      {preview.changed.length > 0 ? (
        <div className="table-scroll">
          <table className="org-catalogue__table">
            <caption>Changed prices (USD per 1M tokens)</caption>
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">Field</th>
                <th scope="col">Now</th>
                <th scope="col">After import</th>
              </tr>
            </thead>
            <tbody>
              {preview.changed.map((change) => (
                <tr key={`${change.id}-${change.field}`}>
                  <th scope="row">
                    {change.label}
                    <br />
                    <code className="muted">{change.id}</code>
                  </th>
                  <td className="nowrap" title={change.field}>
                    {labelValue(change.field)}
                  </td>
                  <td className="numeric">{change.from ?? "—"}</td>
                  <td className="numeric">{change.to}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.added.length > 0 ? (
        <div className="table-scroll">
          <table className="org-catalogue__table">
            <caption>New models (USD per 1M tokens)</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Input</th>
                <th scope="col">Cached input</th>
                <th scope="col">Output</th>
              </tr>
            </thead>
            <tbody>
              {preview.added.map((added) => (
                <tr key={added.id}>
                  <th scope="row">
                    {added.label}
                    <br />
                    <code className="muted">{added.id}</code>
                  </th>
                  <td className="numeric">{added.inputPricePerMillion}</td>
                  <td className="numeric">{added.cachedInputPricePerMillion ?? "= input"}</td>
                  <td className="numeric">{added.outputPricePerMillion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.missing.length > 0 ? (
        <details>
          <summary>{preview.missing.length} catalogue entries the file does not name</summary>
          <p className="muted">{preview.missing.join(", ")}</p>
        </details>
      ) : null}
      {result.notImported.length > 0 ? (
        <details>
          <summary>{result.notImported.length} rows that cannot be imported</summary>
          <ul>
            {result.notImported.map((row) => (
              <li key={`${row.line}-${row.key}`}>
                line {row.line} <code>{row.key}</code>: {row.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {result.entryCount === 0 ? (
        <p className="muted">Nothing to import: every price of the file equals the catalogue's.</p>
      ) : (
        <Form method="post" encType="multipart/form-data" className="org-catalogue__confirm">
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="base" value={result.base} />
          <input type="hidden" name="fileName" value={result.fileName} />
          <textarea name="text" defaultValue={result.text} hidden readOnly aria-hidden="true" />
          <button type="submit" disabled={busy}>
            Confirm import ({result.entryCount} {result.entryCount === 1 ? "entry" : "entries"})
          </button>
        </Form>
      )}
    </section>
  );
}
