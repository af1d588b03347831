import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { FormError } from "~/components/form-error.tsx";
import { TextField } from "~/components/text-field.tsx";
import tenantStyles from "~/components/tenant.css";
import { getScenario } from "~/models/scenario.server.ts";
import { createShareLink } from "~/models/share-link.server.ts";
import { CreateShareLinkSchema, DEFAULT_SHARE_LINK_DAYS, MAX_SHARE_LINK_DAYS, MAX_SHARE_LINK_LABEL_LENGTH } from "~/schemas/share-link.ts";
import sharedStyles from "~/styles/shared.css";
import { readForm, validateForm, type FormFailure } from "~/utils/form.server.ts";
import { readIdParam } from "~/utils/id-param.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [tenantStyles, sharedStyles].map((href) => ({ rel: "stylesheet", href }));

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [{ title: page ? `Share ${page.scenario.name} · OpenTCO` : "Share · OpenTCO" }];

/** `?revision=n`, the revision the editor was looking at; the latest when absent. */
function readRevisionParam(request: Request, latest: number): number {
  const raw = new URL(request.url).searchParams.get("revision");
  if (raw === null) return latest;
  if (!/^[1-9]\d{0,6}$/.test(raw) || Number(raw) > latest) throwNotFound();
  return Number(raw);
}

/** Editors and above create links; a viewer gets the 404 of any page beyond their role. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, params.slug, "editor");
  const scenario = await getScenario({ orgId: org.id, scenarioId: readIdParam(params.id) });
  if (!scenario) throwNotFound();
  return { scenario: { name: scenario.name, latestRevisionNumber: scenario.latestRevisionNumber }, revision: readRevisionParam(request, scenario.latestRevisionNumber), sharesHref: `/o/${org.slug}/shares` };
}

type ActionResult = { created: { url: string; label: string; expiresAt: string } } | { failure: FormFailure };

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, user } = await requireMembership(request, params.slug, "editor");
  const scenarioId = readIdParam(params.id);
  const read = await readForm(request);
  if (!read.ok) return data<ActionResult>({ failure: read.failure }, { status: read.status });
  const parsed = validateForm(read.form, CreateShareLinkSchema);
  if (!parsed.success) return data<ActionResult>({ failure: parsed.failure }, { status: parsed.status });
  const { label, mode, revision, expiresInDays, allowPdf } = parsed.data;
  const created = await createShareLink({ orgId: org.id, userId: user.id, scenarioId, label, revisionNumber: revision, followLatest: mode === "follow", expiresInDays, allowPdf });
  if (!created) throwNotFound();
  // The token is in this answer only: never stored, never in a URL the server logs.
  return data<ActionResult>({ created: { url: new URL(`/s/${created.token}`, request.url).toString(), label, expiresAt: created.expiresAt } });
}

export default function CreateShareLinkPage() {
  const { scenario, revision, sharesHref } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failure = result && "failure" in result ? result.failure : undefined;
  const created = result && "created" in result ? result.created : undefined;
  const values = failure?.values ?? {};
  return (
    <div className="stack share-page">
      <p>
        <Link to={`..${revision === scenario.latestRevisionNumber ? "" : `?revision=${revision}`}`} relative="path">
          ← {scenario.name}
        </Link>
      </p>
      <h1>Share “{scenario.name}”</h1>
      <p className="muted">
        Anyone with the link sees this scenario&apos;s results, read-only and without logging in, until the link expires or is revoked. Nothing else of the organisation is reachable from it.
      </p>
      {created ? (
        <section className="card notice-card" aria-labelledby="created-heading">
          <h2 id="created-heading">Link for “{created.label}” created</h2>
          <p>Copy it now: it is shown only once. It expires on {created.expiresAt.slice(0, 10)} ({created.expiresAt.slice(11, 16)} UTC).</p>
          <code className="invite-link" data-testid="share-link">
            {created.url}
          </code>
          <p>
            <Link to={sharesHref}>All share links of the organisation</Link>
          </p>
        </section>
      ) : null}
      <section className="card form-narrow" aria-labelledby="create-heading">
        <h2 id="create-heading">{created ? "Create another link" : "New link"}</h2>
        <Form method="post" key={created?.url ?? "form"}>
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="revision" value={revision} />
          {/* Errors of the fields that have no input to stand beside. */}
          <FormError message={failure?.formError ?? failure?.fieldErrors.revision ?? failure?.fieldErrors.allowPdf ?? failure?.fieldErrors.intent} />
          <TextField
            name="label"
            label="Label"
            hint="Who it is for, e.g. the prospect's name. Only your organisation sees it."
            required
            maxLength={MAX_SHARE_LINK_LABEL_LENGTH}
            defaultValue={values.label}
            error={failure?.fieldErrors.label}
          />
          <fieldset className="share-choice">
            <legend>The link shows</legend>
            <label>
              <input type="radio" name="mode" value="pinned" defaultChecked={values.mode !== "follow"} /> Revision {revision} as it is now (pinned)
            </label>
            <label>
              <input type="radio" name="mode" value="follow" defaultChecked={values.mode === "follow"} /> The latest revision, including later edits
            </label>
            {failure?.fieldErrors.mode ? <p className="field-error">{failure.fieldErrors.mode}</p> : null}
          </fieldset>
          <TextField
            name="expiresInDays"
            label="Expires after (days)"
            hint={`1 to ${MAX_SHARE_LINK_DAYS} days.`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_SHARE_LINK_DAYS}
            required
            defaultValue={values.expiresInDays ?? String(DEFAULT_SHARE_LINK_DAYS)}
            error={failure?.fieldErrors.expiresInDays}
          />
          <label className="share-checkbox">
            <input type="checkbox" name="allowPdf" defaultChecked={values.allowPdf === "on"} /> Allow the PDF to be downloaded
          </label>
          <button type="submit" disabled={busy}>
            Create link
          </button>
        </Form>
      </section>
    </div>
  );
}
