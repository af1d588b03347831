/**
 * Database reads → PDF view-models. Kept apart from rendering (render.tsx: view-model in, bytes
 * out), so the renderer is tested without a database and the reads are tested without rendering.
 */
import type { SharedRevisionContext } from "~/auth/share-link.server.ts";
import type { OrganizationSummary } from "~/models/organization.server.ts";
import { getSharedReportSource } from "~/models/report-source.server.ts";
import { getRevision, type RevisionDetail } from "~/models/scenario.server.ts";
import { buildCompareReport, buildScenarioReport, type CompareReport, type PdfPageSize, type ReportRevision, type ReportSettings, type ScenarioReport } from "./model.ts";

function toPageSize(value: string): PdfPageSize {
  return value === "LETTER" ? "LETTER" : "A4";
}

function toSettings(org: { name: string; locale: string; pdfPageSize: string }): ReportSettings {
  return { orgName: org.name, locale: org.locale, pageSize: toPageSize(org.pdfPageSize) };
}

/** The revision's own name: a later rename does not change the PDF of an earlier revision. */
function nameOf(revision: RevisionDetail): string {
  return typeof revision.inputs.name === "string" ? revision.inputs.name : "Scenario";
}

function toReportRevision(revision: RevisionDetail, { discloseAuthor }: { discloseAuthor: boolean }): ReportRevision {
  return {
    id: revision.id,
    number: revision.number,
    fingerprint: revision.fingerprint,
    createdAt: revision.createdAt,
    createdByEmail: discloseAuthor ? revision.createdByEmail : null,
    engineVersion: revision.engineVersion,
    catalogueVersion: revision.catalogueVersion,
    asOf: revision.asOf,
    note: revision.note,
    inputs: revision.inputs,
    result: revision.result,
  };
}

/** The report of revision `number` (default: the latest) of a scenario of the member's organisation; null if not found. */
export async function loadScenarioReport({ org, scenarioId, number }: { org: OrganizationSummary; scenarioId: string; number?: number }): Promise<{ report: ScenarioReport; fileName: string } | null> {
  const revision = await getRevision({ orgId: org.id, scenarioId, number });
  if (!revision) return null;
  const scenarioName = nameOf(revision);
  return {
    report: buildScenarioReport({ ...toSettings(org), scenarioName, revision: toReportRevision(revision, { discloseAuthor: true }) }),
    fileName: `${scenarioName} - revision ${revision.number}.pdf`,
  };
}

/** The comparison of 2–4 scenarios (each at `revision`, default latest); null if any is not found. */
export async function loadCompareReport({ org, selection }: { org: OrganizationSummary; selection: { id: string; revision?: number }[] }): Promise<{ report: CompareReport; fileName: string } | null> {
  const revisions = await Promise.all(selection.map(({ id, revision }) => getRevision({ orgId: org.id, scenarioId: id, number: revision })));
  if (revisions.some((revision) => revision === null)) return null;
  const items = (revisions as RevisionDetail[]).map((revision) => ({ scenarioName: nameOf(revision), revision: toReportRevision(revision, { discloseAuthor: true }) }));
  return {
    report: buildCompareReport({ ...toSettings(org), items }),
    fileName: `Comparison - ${items.map((item) => `${item.scenarioName} r${item.revision.number}`).join(", ")}.pdf`,
  };
}

/**
 * The report of the revision a share link shows. The author's address is not disclosed to the
 * link's reader (the shared page does not show it either); null if the link has gone since the gate.
 */
export async function loadSharedReport(shared: SharedRevisionContext): Promise<{ report: ScenarioReport; fileName: string } | null> {
  const source = await getSharedReportSource({ linkId: shared.linkId, number: shared.revision.number });
  if (!source) return null;
  const { settings, revision } = source;
  return {
    report: buildScenarioReport({ ...toSettings(settings), scenarioName: shared.scenarioName, revision: toReportRevision(revision, { discloseAuthor: false }) }),
    fileName: `${shared.scenarioName} - revision ${revision.number}.pdf`,
  };
}
