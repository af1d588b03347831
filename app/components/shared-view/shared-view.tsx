import type { ReactNode } from "react";
import { ScenarioResults } from "~/components/scenario-results/index.tsx";
import type { ResultBundle } from "~/reports/index.ts";

export interface SharedViewProps {
  orgName: string;
  scenarioName: string;
  revision: { number: number; fingerprint: string; createdAt: string; dateLabel: string };
  bundle: ResultBundle;
  locale: string;
  /** The PDF of this revision, when the link allows it and the route exists. */
  pdfHref: string | null;
  /** The page that checks a printed copy's fingerprint against this link. */
  verifyHref: string;
  /** The copy panel, or nothing. */
  children?: ReactNode;
}

/** The quiet page end of every /s/ answer, the 404 included. */
export function SharedFooter() {
  return (
    <footer className="shared-footer">
      Prepared with OpenTCO · <a href="/methodology">How the figures are computed</a>
    </footer>
  );
}

/**
 * What a prospect sees (ADR 011, "What the page shows and sends"): whose scenario, which revision, the
 * whole results area, the fingerprint that ties it to the revision. No navigation, no edit control.
 */
export function SharedView({ orgName, scenarioName, revision, bundle, locale, pdfHref, verifyHref, children }: SharedViewProps) {
  return (
    <div className="shared-page">
      <header className="shared-header">
        <div className="shared-header__titles">
          <p className="shared-header__org">{orgName}</p>
          <h1>{scenarioName}</h1>
          <p className="shared-header__meta">
            Revision {revision.number} · <time dateTime={revision.createdAt}>{revision.dateLabel}</time> · read-only
          </p>
        </div>
        {pdfHref ? (
          <a className="button secondary" href={pdfHref}>
            Download PDF
          </a>
        ) : null}
      </header>
      <main id="main" className="shared-main">
        <h2 className="shared-visually-hidden">Results</h2>
        <ScenarioResults bundle={bundle} locale={locale} />
        <section className="shared-fingerprint" aria-labelledby="shared-fingerprint-heading">
          <h2 id="shared-fingerprint-heading">Fingerprint</h2>
          <p className="muted">The SHA-256 of this revision&apos;s inputs. The same inputs always give the same fingerprint, so these figures can be traced back to the exact revision.</p>
          <code data-testid="shared-fingerprint">{revision.fingerprint}</code>
          <p>
            <a href={verifyHref}>Check a printed copy against this link</a>
          </p>
        </section>
        {children}
      </main>
      <SharedFooter />
    </div>
  );
}
