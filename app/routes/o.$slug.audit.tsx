import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/membership.server.ts";
import { listAuditEvents } from "~/models/audit.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Audit trail · OpenTCO" }];

/** Pages beyond this are refused rather than turned into huge OFFSET scans. */
const MAX_PAGE = 10_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, params.slug, "admin");
  const rawPage = new URL(request.url).searchParams.get("page") ?? "1";
  if (!/^\d{1,5}$/.test(rawPage) || Number(rawPage) < 1 || Number(rawPage) > MAX_PAGE) {
    // The message is the response body: the route's error boundary shows it.
    throw data(`Page: a whole number from 1 to ${MAX_PAGE}`, { status: 400 });
  }
  const page = Number(rawPage);
  const { events, hasNextPage } = await listAuditEvents({ orgId: org.id, page });
  return { events, page, hasNextPage };
}

const ACTION_LABELS: Record<string, string> = {
  "auth.login": "Signed in",
  "auth.logout": "Signed out",
  "auth.locked_out": "Log-in locked after repeated failures",
  "org.created": "Created the organisation",
  "org.settings_updated": "Changed settings",
  "member.invited": "Created an invitation",
  "member.invitation_revoked": "Revoked an invitation",
  "member.joined": "Joined",
  "member.role_changed": "Changed a role",
  "member.removed": "Removed a member",
  "scenario.created": "Created a scenario",
  "scenario.renamed": "Renamed a scenario",
  "scenario.archived": "Archived a scenario",
  "scenario.unarchived": "Restored a scenario from the archive",
  "scenario.duplicated": "Duplicated a scenario",
  "scenario.deleted": "Deleted a scenario",
  "scenario.revision_restored": "Restored an old revision",
  "scenario.recomputed": "Recomputed with current defaults",
  "share.created": "Created a share link",
  "share.revoked": "Revoked a share link",
  "share.revoked_all": "Revoked every share link",
  "share.viewed": "Share link viewed",
  "share.copied": "Shared scenario copied into another organisation",
  "catalogue.entry_saved": "Set a catalogue entry",
  "catalogue.entry_removed": "Removed a catalogue entry",
  "catalogue.imported": "Imported prices into the catalogue",
};

/** A one-line reading of the event's metadata ("role: viewer → admin"). */
function describeMetadata(metadata: unknown): string {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return "";
  return Object.entries(metadata)
    .filter(([key]) => key !== "invitationId" && key !== "shareLinkId")
    .map(([key, value]) => {
      if (value && typeof value === "object" && "from" in value && "to" in value) return `${key}: ${String(value.from)} → ${String(value.to)}`;
      return `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`;
    })
    .join("; ");
}

export default function AuditPage() {
  const { events, page, hasNextPage } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Audit trail</h1>
      <p className="muted">Sign-ins, membership and settings changes, scenario changes and share links (created, revoked, viewed) in this organisation, newest first. Times in UTC.</p>
      <section className="card">
        {events.length === 0 ? (
          <p className="muted">No events on this page.</p>
        ) : (
          <div className="table-scroll">
            <table className="audit-table">
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Target</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>
                      <time dateTime={event.createdAt}>{event.createdAt.slice(0, 19).replace("T", " ")}</time>
                    </td>
                    <td>{event.actorEmail ?? <span className="muted">{event.action.startsWith("share.") ? "someone with the link" : "deleted user"}</span>}</td>
                    <td>
                      {ACTION_LABELS[event.action] ?? event.action} <code className="muted">{event.action}</code>
                    </td>
                    <td>{event.target}</td>
                    <td>{describeMetadata(event.metadata)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav className="pagination" aria-label="Audit pages">
          {page > 1 ? <Link to={`?page=${page - 1}`}>← Newer</Link> : <span />}
          <span className="muted">Page {page}</span>
          {hasNextPage ? <Link to={`?page=${page + 1}`}>Older →</Link> : <span />}
        </nav>
      </section>
    </div>
  );
}
