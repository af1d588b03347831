import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireShareLink, shareRouteHeaders } from "~/auth/share-link.server.ts";
import { SharedFooter } from "~/components/shared-view/shared-view.tsx";
import { SharedUnavailable } from "~/components/shared-view/unavailable.tsx";
import { TextField } from "~/components/text-field.tsx";
import { checkSharedFingerprint } from "~/models/report-source.server.ts";
import { FINGERPRINT_RULE, parseFingerprint } from "~/schemas/fingerprint.ts";
import sharedStyles from "~/styles/shared.css";
import { answerUnavailableDatabase } from "~/auth/database-down.server.ts";

/**
 * /s/<token>/verify?fingerprint=<hex>: a link's holder checks which shared revision a printed copy
 * belongs to (issue 8). Not nested in s.$token (the `_`), so checking is not counted as a view; the
 * gate still throttles it. A pinned link answers about its own revision only (ADR 011).
 */

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sharedStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `Verify a copy · ${page.scenarioName}` : "Verify a copy · OpenTCO" },
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

export const headers = shareRouteHeaders;

export const loader = /* @__PURE__ */ answerUnavailableDatabase(async ({ request, params, context }: LoaderFunctionArgs) => {
  const shared = await requireShareLink(request, context, params.token, { recordView: false });
  const base = { scenarioName: shared.scenarioName, orgName: shared.orgName, shownRevisionNumber: shared.revision.number };
  const raw = new URL(request.url).searchParams.get("fingerprint");
  if (raw === null) return { ...base, query: null, error: null, check: null };
  const fingerprint = parseFingerprint(raw);
  if (fingerprint === null) return { ...base, query: raw, error: FINGERPRINT_RULE, check: null };
  const check = await checkSharedFingerprint({ linkId: shared.linkId, shownRevisionNumber: shared.revision.number, shownFingerprint: shared.revision.fingerprint, fingerprint });
  return { ...base, query: fingerprint, error: null, check };
});

export default function SharedVerifyPage() {
  const { scenarioName, orgName, shownRevisionNumber, query, error, check } = useLoaderData<typeof loader>();
  return (
    <div className="shared-page">
      <main id="main" className="shared-main stack">
        <p className="muted">{orgName}</p>
        <h1>Verify a printed copy of “{scenarioName}”</h1>
        <p>A PDF of this scenario prints its fingerprint in every page&apos;s footer. Enter it to see whether the copy shows the revision this link shares.</p>
        <Form method="get" className="shared-verify-form" noValidate>
          <TextField name="fingerprint" label="Fingerprint" defaultValue={query ?? ""} required autoComplete="off" spellCheck={false} autoCapitalize="none" error={error ?? undefined} />
          <button type="submit">Verify</button>
        </Form>
        {check === null ? null : (
          <p className="shared-verify-result" role="status" data-testid="shared-verify-result">
            {check.match === "shown"
              ? `It matches: the copy shows revision ${check.revisionNumber}, the revision this link shares.`
              : check.match === "superseded"
                ? `The copy shows revision ${check.revisionNumber}, since superseded: this link now shares revision ${check.shownRevisionNumber}.`
                : `It matches nothing this link shares (revision ${shownRevisionNumber}). The copy is of another revision or scenario, or its fingerprint was mistyped.`}
          </p>
        )}
        <p>
          <Link to=".." relative="path">
            Back to the scenario
          </Link>
        </p>
      </main>
      <SharedFooter />
    </div>
  );
}

export { SharedUnavailable as ErrorBoundary };
