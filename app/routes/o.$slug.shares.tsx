import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { hasRole } from "~/domain/roles.ts";
import { DataTable, type DataColumn } from "~/components/data-table.tsx";
import { FormError } from "~/components/form-error.tsx";
import tenantStyles from "~/components/tenant.css";
import { listShareLinks, revokeAllShareLinks, revokeShareLink, type ShareLinkListItem, type ShareLinkStatus } from "~/models/share-link.server.ts";
import { RevokeShareLinkSchema } from "~/schemas/share-link.ts";
import sharedStyles from "~/styles/shared.css";
import { readForm, validateForm } from "~/utils/form.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const links: LinksFunction = () => [tenantStyles, sharedStyles].map((href) => ({ rel: "stylesheet", href }));

export const meta: MetaFunction = () => [{ title: "Share links · OpenTCO" }];

/** The organisation's share links: editors and above (viewers get the 404 of a page beyond their role). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireMembership(request, params.slug, "editor");
  return { links: await listShareLinks({ orgId: org.id }), slug: org.slug, canRevokeAll: hasRole(role, "admin") };
}

type ActionResult = { notice: string } | { formError: string };

/** Any editor revokes one link; only an admin revokes them all. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, user, role } = await requireMembership(request, params.slug, "editor");
  const read = await readForm(request);
  if (!read.ok) return data<ActionResult>({ formError: read.failure.formError ?? "The form could not be read." }, { status: read.status });
  switch (read.form.get("intent")) {
    case "revoke": {
      const parsed = validateForm(read.form, RevokeShareLinkSchema);
      if (!parsed.success) return data<ActionResult>({ formError: Object.values(parsed.failure.fieldErrors)[0] ?? "Link: required" }, { status: 400 });
      const revoked = await revokeShareLink({ orgId: org.id, userId: user.id, linkId: parsed.data.linkId });
      if (!revoked) throwNotFound();
      return data<ActionResult>({ notice: revoked.revoked ? "Link revoked: it now answers “not found”." : "That link was already revoked." });
    }
    case "revoke-all": {
      if (!hasRole(role, "admin")) throwNotFound();
      const count = await revokeAllShareLinks({ orgId: org.id, userId: user.id });
      return data<ActionResult>({ notice: `${count} live link${count === 1 ? "" : "s"} revoked.` });
    }
    default:
      return data<ActionResult>({ formError: "Intent: must be revoke or revoke-all" }, { status: 400 });
  }
}

const STATUS_LABELS: Record<ShareLinkStatus, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

function formatDay(iso: string): string {
  return iso.slice(0, 10);
}

function formatTime(iso: string): string {
  return `${iso.slice(11, 16)} UTC`;
}

export default function ShareLinksPage() {
  const { links: shareLinks, slug, canRevokeAll } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const liveCount = shareLinks.filter((link) => link.status === "active").length;
  const columns: DataColumn<ShareLinkListItem>[] = [
    { id: "label", header: "Label", cell: (row) => row.label, sortValue: (row) => row.label },
    {
      id: "scenario",
      header: "Scenario and revision",
      cell: (row) => (
        <>
          <Link to={`/o/${slug}/scenarios/${row.scenarioId}`}>{row.scenarioName}</Link>
          <span className="share-cell-note">{row.followLatest ? `Latest revision (now ${row.latestRevisionNumber})` : `Revision ${row.revisionNumber}, pinned`}</span>
        </>
      ),
      sortValue: (row) => row.scenarioName,
    },
    {
      id: "createdAt",
      header: "Created",
      cell: (row) => (
        <>
          <time dateTime={row.createdAt}>{formatDay(row.createdAt)}</time>
          <span className="share-cell-note">by {row.createdByEmail ?? "a former member"}</span>
        </>
      ),
      sortValue: (row) => row.createdAt,
    },
    { id: "expiresAt", header: "Expires", fit: true, cell: (row) => <time dateTime={row.expiresAt}>{formatDay(row.expiresAt)}</time>, sortValue: (row) => row.expiresAt },
    { id: "pdf", header: "PDF download", fit: true, cell: (row) => (row.allowPdf ? "allowed" : "not allowed"), sortValue: (row) => (row.allowPdf ? 1 : 0) },
    { id: "views", header: "Views", numeric: true, cell: (row) => row.viewCount, sortValue: (row) => row.viewCount },
    {
      id: "lastViewedAt",
      header: "Last view",
      fit: true,
      cell: (row) =>
        row.lastViewedAt ? (
          <time dateTime={row.lastViewedAt}>
            {formatDay(row.lastViewedAt)}
            <span className="share-cell-note">{formatTime(row.lastViewedAt)}</span>
          </time>
        ) : (
          <span className="muted">never</span>
        ),
      sortValue: (row) => row.lastViewedAt ?? undefined,
    },
    { id: "status", header: "Status", fit: true, cell: (row) => <span className={`share-status share-status--${row.status}`}>{STATUS_LABELS[row.status]}</span>, sortValue: (row) => row.status },
    {
      id: "actions",
      header: "Actions",
      fit: true,
      cell: (row) =>
        row.status === "active" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="linkId" value={row.id} />
            <button type="submit" className="secondary share-revoke" disabled={busy} aria-label={`Revoke the link for ${row.label}`}>
              Revoke
            </button>
          </Form>
        ) : null,
    },
  ];
  return (
    <div className="stack share-page">
      <h1>Share links</h1>
      <p className="muted">
        Read-only links to one scenario for people outside the organisation. Create one with <strong>Share</strong> on a scenario&apos;s page; a revoked link answers “not found” at once.
      </p>
      {result && "notice" in result ? (
        <p className="notice" role="status">
          {result.notice}
        </p>
      ) : null}
      <FormError message={result && "formError" in result ? result.formError : undefined} />
      {shareLinks.length === 0 ? (
        <p className="card muted">No share links yet.</p>
      ) : (
        <div className="share-table-scroll">
          <DataTable caption={`${shareLinks.length} link${shareLinks.length === 1 ? "" : "s"}, ${liveCount} active, newest first`} columns={columns} rows={shareLinks} getRowId={(row) => row.id} />
        </div>
      )}
      {canRevokeAll && liveCount > 0 ? (
        <details className="card danger-zone">
          <summary>Revoke every active link…</summary>
          <Form method="post" className="stack">
            <p>All {liveCount} active links stop working at once. Links cannot be restored; create new ones if needed.</p>
            <input type="hidden" name="intent" value="revoke-all" />
            <button type="submit" className="danger" disabled={busy}>
              Revoke all {liveCount} active links
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
