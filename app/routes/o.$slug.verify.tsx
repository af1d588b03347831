import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireMembership } from "~/auth/membership.server.ts";
import { TextField } from "~/components/text-field.tsx";
import { listRevisionsByFingerprint, type FingerprintMatch } from "~/models/report-source.server.ts";
import { FINGERPRINT_RULE, parseFingerprint } from "~/schemas/fingerprint.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Verify a report · OpenTCO" }];

/**
 * /o/<slug>/verify?fingerprint=<hex>: which revision of which scenario a printed report belongs to,
 * and whether it has been superseded — or that it matches nothing in this organisation. Any member.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, params.slug);
  const raw = new URL(request.url).searchParams.get("fingerprint");
  if (raw === null) return { query: null, error: null, matches: null };
  const fingerprint = parseFingerprint(raw);
  if (fingerprint === null) return { query: raw, error: FINGERPRINT_RULE, matches: null };
  return { query: fingerprint, error: null, matches: await listRevisionsByFingerprint({ orgId: org.id, fingerprint }) };
}

function formatDate(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function Match({ match }: { match: FingerprintMatch }) {
  return (
    <li className="card" data-testid="verify-match">
      <p>
        <strong>
          <Link to={`../scenarios/${match.scenarioId}?revision=${match.revisionNumber}`} relative="path">
            {match.scenarioName}, revision {match.revisionNumber}
          </Link>
        </strong>{" "}
        — saved {formatDate(match.createdAt)} by {match.createdByEmail ?? "a former member"}.
      </p>
      <p role="status">
        {match.superseded
          ? `Superseded: the scenario's latest revision is ${match.latestRevisionNumber}. The printed figures are those of revision ${match.revisionNumber}.`
          : "Current: this is the scenario's latest revision."}
        {match.archivedAt ? ` The scenario was archived on ${match.archivedAt.slice(0, 10)}.` : ""}
      </p>
      <p className="muted">Revision id {match.revisionId}</p>
    </li>
  );
}

export default function VerifyPage() {
  const { query, error, matches } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="stack">
      <h1>Verify a report</h1>
      <p>
        Every OpenTCO PDF prints the fingerprint of the revision it was made from: the SHA-256 of that revision&apos;s inputs. Enter it to see which
        revision of which scenario a copy belongs to, and whether a newer revision has replaced it.
      </p>
      <Form method="get" className="card form-narrow" noValidate>
        <TextField name="fingerprint" label="Fingerprint" defaultValue={query ?? ""} required autoComplete="off" spellCheck={false} autoCapitalize="none" error={error ?? undefined} />
        <button type="submit" disabled={busy}>
          Verify
        </button>
      </Form>
      {matches === null ? null : matches.length === 0 ? (
        <p className="banner" role="status" data-testid="verify-none">
          No revision in this organisation has this fingerprint. The copy was not made from these scenarios, or its fingerprint was mistyped.
        </p>
      ) : (
        <section aria-labelledby="verify-results">
          <h2 id="verify-results">
            {matches.length === 1 ? "This fingerprint belongs to one revision" : `This fingerprint belongs to ${matches.length} revisions with identical inputs`}
          </h2>
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {matches.map((match) => (
              <Match key={match.revisionId} match={match} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
