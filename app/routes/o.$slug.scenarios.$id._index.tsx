import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { hasRole } from "~/domain/roles.ts";
import { FormError } from "~/components/form-error.tsx";
import { PdfDownloadButton } from "~/components/pdf-download-button.tsx";
import { ScenarioWorkspace } from "~/components/scenario-workspace/workspace.tsx";
import {
  archiveScenario,
  deleteScenario,
  duplicateScenario,
  getScenario,
  isRevisionCurrent,
  recomputeRevision,
  renameScenario,
  restoreArchivedScenario,
  restoreRevision,
  saveRevision,
} from "~/models/scenario.server.ts";
import { getSavedRevision } from "~/cache/revision-cache.server.ts";
import { getOrganisationLayer } from "~/models/organization-catalogue.server.ts";
import { createCatalogue } from "~/engine/index.ts";
import type { Json } from "~/scenarios/merge.ts";
import { DeleteScenarioSchema, MAX_SCENARIO_BYTES, RenameScenarioSchema, RevisionIntentSchema, SaveRevisionSchema } from "~/schemas/scenario.ts";
import editorStyles from "~/styles/editor.css";
import resultsStyles from "~/styles/results.css";
import scenarioStyles from "~/styles/scenarios.css";
import { readForm, validateForm } from "~/utils/form.server.ts";
import { computeSlots } from "~/utils/compute-slots.server.ts";
import { getLocale } from "~/utils/locale.server.ts";
import { readRevisionParam } from "~/utils/revision-param.server.ts";
import { isServerBusy, RETRY_AFTER_SECONDS } from "~/utils/server-busy.server.ts";
import { getToday } from "~/utils/today.server.ts";
import { readIdParam } from "~/utils/id-param.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [editorStyles, resultsStyles, scenarioStyles].map((href) => ({ rel: "stylesheet", href }));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.scenario.name} · OpenTCO` : "Scenario · OpenTCO" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireMembership(request, params.slug);
  const scenarioId = readIdParam(params.id);
  const number = readRevisionParam(new URL(request.url), "revision");
  const scenario = await getScenario({ orgId: org.id, scenarioId });
  if (!scenario) throwNotFound();
  const revision = await getSavedRevision({ orgId: org.id, scenarioId, number: number ?? scenario.latestRevisionNumber });
  if (!revision) throwNotFound();
  const catalogueLayer = await getOrganisationLayer({ orgId: org.id });
  return {
    scenario,
    // The cached revision's isCurrent was judged against the catalogue of its time: judge it against today's.
    revision: { ...revision, inputs: revision.inputs as Json, isCurrent: isRevisionCurrent(revision, createCatalogue(catalogueLayer).version) },
    canEdit: hasRole(role, "editor") && scenario.archivedAt === null,
    canManage: hasRole(role, "editor"),
    canDelete: hasRole(role, "admin"),
    locale: getLocale(request),
    today: getToday(),
    catalogueLayer,
  };
}

type ActionResult =
  | { saved: number }
  | { issues: { path: string; message: string }[]; formError: string }
  | { conflict: { number: number; createdByEmail: string | null; createdAt: string; inputs: Json } }
  | { formError: string; intent?: string };

function fail(formError: string, status = 400, intent?: string) {
  return data<ActionResult>({ formError, intent }, { status });
}

function firstMessage(failure: { formError?: string; fieldErrors: Record<string, string> }): string {
  return failure.formError ?? Object.values(failure.fieldErrors)[0] ?? "The form could not be read.";
}

/** Every write on one scenario. Editors and above; deleting needs an admin. A foreign or unknown id: 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, user, role } = await requireMembership(request, params.slug, "editor");
  const scenarioId = readIdParam(params.id);
  const read = await readForm(request, MAX_SCENARIO_BYTES);
  if (!read.ok) return fail(firstMessage(read.failure), read.status);
  const form = read.form;
  const intent = form.get("intent");
  const scope = { orgId: org.id, userId: user.id, scenarioId };
  const asOf = getToday();
  const base = `/o/${org.slug}/scenarios`;
  const scenario = await getScenario({ orgId: org.id, scenarioId });
  if (!scenario) throwNotFound();
  // An archived scenario is read-only until restored: only unarchive, duplicate and delete apply.
  if (scenario.archivedAt !== null && !["unarchive", "duplicate", "delete"].includes(String(intent))) {
    return fail("This scenario is archived: restore it from the archive before changing it.", 409);
  }

  switch (intent) {
    case "save": {
      const parsed = validateForm(form, SaveRevisionSchema);
      if (!parsed.success) return fail(firstMessage(parsed.failure));
      let result: Awaited<ReturnType<typeof saveRevision>>;
      try {
        result = await computeSlots.run(() => saveRevision({ ...scope, baseRevisionNumber: parsed.data.baseRevision, inputs: parsed.data.inputs, note: parsed.data.note, asOf }));
      } catch (error) {
        // Thrown on, the 503 would replace the workspace with the error page and lose the draft.
        if (isServerBusy(error)) return data<ActionResult>({ formError: `Not saved: ${await error.text()}` }, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
        throw error;
      }
      if (result === null) throwNotFound();
      if (result.ok) return data<ActionResult>({ saved: result.revisionNumber });
      if (result.reason === "invalid") {
        return data<ActionResult>({ issues: result.issues, formError: `Not saved: ${result.issues.length} field${result.issues.length === 1 ? " is" : "s are"} invalid.` }, { status: 400 });
      }
      return data<ActionResult>({ conflict: { ...result.latest, inputs: result.latest.inputs as Json } }, { status: 409 });
    }
    case "restore":
    case "recompute": {
      const parsed = validateForm(form, RevisionIntentSchema);
      if (!parsed.success) return fail(firstMessage(parsed.failure));
      const run = intent === "restore" ? restoreRevision : recomputeRevision;
      const result = await computeSlots.run(() => run({ ...scope, number: parsed.data.revision, asOf }));
      if (result === null) throwNotFound();
      return redirect(`${base}/${scenarioId}`);
    }
    case "rename": {
      const parsed = validateForm(form, RenameScenarioSchema);
      if (!parsed.success) return fail(firstMessage(parsed.failure), 400, "rename");
      const renamed = await renameScenario({ ...scope, name: parsed.data.name });
      if (renamed === null) throwNotFound();
      if (!renamed.ok) return fail(renamed.issues.map((issue) => `Name: ${issue.message}`).join("; "), 400, "rename");
      return redirect(`${base}/${scenarioId}`);
    }
    case "archive":
    case "unarchive": {
      const run = intent === "archive" ? archiveScenario : restoreArchivedScenario;
      if ((await run(scope)) === null) throwNotFound();
      return redirect(`${base}/${scenarioId}`);
    }
    case "duplicate": {
      const copy = await duplicateScenario(scope);
      if (copy === null) throwNotFound();
      return redirect(`${base}/${copy.scenarioId}`);
    }
    case "delete": {
      if (!hasRole(role, "admin")) throwNotFound();
      const parsed = validateForm(form, DeleteScenarioSchema);
      if (!parsed.success) return fail(firstMessage(parsed.failure), 400, "delete");
      const deleted = await deleteScenario({ ...scope, confirmName: parsed.data.confirmName });
      if (deleted === null) throwNotFound();
      if (!deleted.ok) return fail("Confirmation: type the scenario's name exactly to delete it", 400, "delete");
      return redirect(base);
    }
    default:
      return fail("Intent: unknown action");
  }
}

export default function ScenarioPage() {
  const { scenario, revision, canEdit, canManage, canDelete, locale, today, catalogueLayer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The editor saves through a fetcher and shows its own answers; this is the answer to a form posted
  // without JavaScript (a menu action, or a save), each refused field named after the summary.
  const menuError =
    actionData && "issues" in actionData
      ? [actionData.formError, ...actionData.issues.slice(0, 5).map((issue) => `${issue.path || "Scenario"}: ${issue.message}`)].join(" ")
      : actionData && "formError" in actionData
        ? actionData.formError
        : undefined;
  const { slug } = useParams();
  return (
    <div className="stack scenario-page">
      <div className="page-heading">
        <h1>{scenario.name}</h1>
        <nav aria-label="Scenario" className="button-row">
          <Link to="history" className="button secondary">
            History ({scenario.latestRevisionNumber})
          </Link>
          <Link to={`../compare?s=${scenario.id}`} relative="path" className="button secondary">
            Compare
          </Link>
          <PdfDownloadButton href={`/o/${slug}/scenarios/${scenario.id}/pdf?revision=${revision.number}`} />
          <Link to={`/o/${slug}/verify`} className="button secondary">
            Verify a copy
          </Link>
          {canManage ? (
            <Link to={revision.number === scenario.latestRevisionNumber ? "share" : `share?revision=${revision.number}`} className="button secondary">
              Share
            </Link>
          ) : null}
        </nav>
      </div>
      {scenario.archivedAt ? (
        <p className="banner" role="status">
          Archived on {scenario.archivedAt.slice(0, 10)}: read-only until it is restored.
        </p>
      ) : null}
      <FormError message={menuError} />
      <ScenarioWorkspace key={scenario.id} revision={revision} latestRevisionNumber={scenario.latestRevisionNumber} canEdit={canEdit} locale={locale} today={today} catalogueLayer={catalogueLayer} />
      {canManage ? (
        <details className="card scenario-manage">
          <summary>Manage this scenario</summary>
          <div className="stack">
            {canEdit ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="rename" />
                <label htmlFor="rename-name">Name</label>
                <input id="rename-name" name="name" defaultValue={scenario.name} required maxLength={200} />
                <button type="submit" className="secondary">
                  Rename
                </button>
              </Form>
            ) : null}
            <div className="button-row">
              <Form method="post">
                <input type="hidden" name="intent" value="duplicate" />
                <button type="submit" className="secondary">
                  Duplicate
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value={scenario.archivedAt ? "unarchive" : "archive"} />
                <button type="submit" className="secondary">
                  {scenario.archivedAt ? "Restore from archive" : "Archive"}
                </button>
              </Form>
            </div>
            {canDelete ? (
              <Form method="post" className="inline-form danger-zone">
                <input type="hidden" name="intent" value="delete" />
                <label htmlFor="delete-confirm">
                  Delete for good: type <strong>{scenario.name}</strong> to confirm
                </label>
                <input id="delete-confirm" name="confirmName" autoComplete="off" required />
                <button type="submit" className="danger">
                  Delete scenario and all its revisions
                </button>
              </Form>
            ) : null}
          </div>
        </details>
      ) : null}
    </div>
  );
}
