/**
 * The tables of /catalog: engine catalogue sections, the compliance capability matrix, its sources
 * and the sovereignty framework's weights. Everything shown comes from the loader's plain data.
 */
import { useMemo } from "react";
import type {
  CatalogueSection,
  Confidence,
  DeploymentRow,
  FactCell,
  ObjectiveRow,
  Provenance,
  SourceRow,
  ValueCell,
} from "~/reports/catalogue-page.server.ts";
import { Citations } from "~/components/citations.tsx";
import { DataTable, type DataColumn, type DataRow } from "~/components/data-table.tsx";

/** Low before high when sorted ascending. */
const CONFIDENCE_RANK: Record<Confidence, number> = { low: 1, medium: 2, high: 3 };

function Value({ cell }: { cell: ValueCell }) {
  return cell.sort === undefined ? <span className="catalogue-unknown">unknown</span> : <>{cell.text}</>;
}

function SourceCell({ provenance }: { provenance: Provenance }) {
  return (
    <span className="catalogue-source">
      {provenance.citations.length === 0 ? "no public source" : <Citations citations={provenance.citations} />}
      {provenance.note === null ? null : <span className="catalogue-note">{provenance.note}</span>}
    </span>
  );
}

function AsOfCell({ provenance }: { provenance: Provenance }) {
  return (
    <>
      <time dateTime={provenance.asOf}>{provenance.asOf}</time>
      {provenance.stale ? (
        <span className="catalogue-stale" title={`${provenance.ageDays} days old; stale after ${provenance.staleAfterDays} days`}>
          stale · {provenance.ageDays} days
        </span>
      ) : null}
    </>
  );
}

function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  return <span className={`catalogue-confidence catalogue-confidence--${confidence}`}>{confidence}</span>;
}

/** Sorts by the first source's publisher and title. */
function sourceSortKey(provenance: Provenance): string {
  const [first] = provenance.citations;
  return first === undefined ? "" : `${first.publisher ?? ""} ${first.title}`;
}

/** Source, as-of and confidence columns, shared by every table whose rows carry a provenance. */
function provenanceColumns<TRow extends DataRow>(provenanceOf: (row: TRow) => Provenance): DataColumn<TRow>[] {
  return [
    { id: "source", header: "Source", cell: (row) => <SourceCell provenance={provenanceOf(row)} />, sortValue: (row) => sourceSortKey(provenanceOf(row)) },
    { id: "asOf", header: "As of", fit: true, cell: (row) => <AsOfCell provenance={provenanceOf(row)} />, sortValue: (row) => provenanceOf(row).asOf },
    {
      id: "confidence",
      header: "Confidence",
      fit: true,
      cell: (row) => <ConfidenceBadge confidence={provenanceOf(row).confidence} />,
      sortValue: (row) => CONFIDENCE_RANK[provenanceOf(row).confidence],
    },
  ];
}

type SectionRow = CatalogueSection["rows"][number];

function sectionColumns(section: CatalogueSection): DataColumn<SectionRow>[] {
  return [
    {
      id: "entry",
      header: "Entry",
      cell: (row) => (
        <span className="catalogue-entry">
          <span className="catalogue-label">{row.label}</span>
          <code className="catalogue-id">{row.id}</code>
        </span>
      ),
      sortValue: (row) => row.label,
    },
    ...section.fields.map(
      (field): DataColumn<SectionRow> => ({
        id: field.key,
        header: field.label,
        headerNote: field.unit,
        numeric: field.numeric,
        cell: (row) => <Value cell={row.values[field.key] ?? { text: "unknown" }} />,
        sortValue: (row) => row.values[field.key]?.sort,
      }),
    ),
    ...provenanceColumns<SectionRow>((row) => row.provenance),
  ];
}

function caption(count: number, singular: string, plural: string) {
  return `${count} ${count === 1 ? singular : plural}. Select a column heading to sort.`;
}

export function CatalogueSectionTable({ section }: { section: CatalogueSection }) {
  const columns = useMemo(() => sectionColumns(section), [section]);
  return (
    <DataTable caption={caption(section.rows.length, "entry", "entries")} columns={columns} rows={section.rows} getRowId={(row) => row.id} />
  );
}

function Fact({ cell, title }: { cell: FactCell; title: string | null }) {
  return (
    <>
      <Value cell={cell} />
      <sup className="catalogue-cite">
        <a href={`#source-${cell.sourceNumber}`} title={title ?? undefined} aria-label={`source ${cell.sourceNumber}`}>
          [{cell.sourceNumber}]
        </a>
      </sup>
      {cell.note === null ? null : <span className="catalogue-note">{cell.note}</span>}
    </>
  );
}

/** A fact column; `withNote` prints the fact's note under the value, otherwise it stays in the citation's title. */
function factColumn(
  id: string,
  header: string,
  factOf: (row: DeploymentRow) => FactCell,
  options: { headerNote?: string; withNote?: boolean } = {},
): DataColumn<DeploymentRow> {
  const cell = (row: DeploymentRow) => {
    const fact = factOf(row);
    return <Fact cell={options.withNote ? fact : { ...fact, note: null }} title={fact.note} />;
  };
  return { id, header, ...(options.headerNote === undefined ? {} : { headerNote: options.headerNote }), cell, sortValue: (row) => factOf(row).sort };
}

const DEPLOYMENT_COLUMNS: DataColumn<DeploymentRow>[] = [
  {
    id: "deployment",
    header: "Deployment",
    cell: (row) => (
      <>
        <span className="catalogue-label">{row.label}</span>
        <span className="catalogue-note">{row.kind}</span>
        {row.certifications.length === 0 ? null : (
          <ul className="catalogue-list catalogue-note" aria-label="Certifications">
            {row.certifications.map((certification) => (
              <li key={certification.text}>
                <Fact cell={{ ...certification, note: null }} title={certification.note} />
              </li>
            ))}
          </ul>
        )}
      </>
    ),
    sortValue: (row) => row.label,
  },
  factColumn("parent", "Parent", (row) => row.parent, { headerNote: "and its country" }),
  factColumn("processing", "Processing", (row) => row.processing, { headerNote: "where prompts are processed" }),
  factColumn("premium", "Residency premium", (row) => row.residencyPremium, { headerNote: "on token prices", withNote: true }),
  factColumn("zdr", "Zero data retention", (row) => row.zeroDataRetention),
  factColumn("training", "No training on data", (row) => row.noTraining),
  factColumn("baa", "HIPAA BAA", (row) => row.baa),
  factColumn("keys", "Customer-managed keys", (row) => row.customerManagedKeys),
  factColumn("audit", "Audit rights", (row) => row.auditRights),
];

export function DeploymentTable({ rows }: { rows: DeploymentRow[] }) {
  return (
    <DataTable
      className="catalogue-deployments"
      caption={`${rows.length} deployments. Numbers in brackets cite the compliance sources below. Select a column heading to sort.`}
      columns={DEPLOYMENT_COLUMNS}
      rows={rows}
      getRowId={(row) => row.id}
    />
  );
}

const SOURCE_COLUMNS: DataColumn<SourceRow>[] = [
  {
    id: "number",
    header: "#",
    numeric: true,
    fit: true,
    cell: (row) => <span id={`source-${row.number}`}>[{row.number}]</span>,
    sortValue: (row) => row.number,
  },
  ...provenanceColumns<SourceRow>((row) => row),
];

export function ComplianceSourceTable({ rows }: { rows: SourceRow[] }) {
  return <DataTable caption={caption(rows.length, "source", "sources")} columns={SOURCE_COLUMNS} rows={rows} getRowId={(row) => row.id} />;
}

const OBJECTIVE_COLUMNS: DataColumn<ObjectiveRow>[] = [
  { id: "objective", header: "Objective", fit: true, cell: (row) => row.id, sortValue: (row) => row.id },
  { id: "name", header: "Name", cell: (row) => row.name, sortValue: (row) => row.name },
  { id: "weight", header: "Weight", headerNote: "% of the score", numeric: true, cell: (row) => <Value cell={row.weight} />, sortValue: (row) => row.weight.sort },
  ...provenanceColumns<ObjectiveRow>((row) => row.provenance),
];

export function ObjectiveTable({ rows }: { rows: ObjectiveRow[] }) {
  return <DataTable caption={caption(rows.length, "objective", "objectives")} columns={OBJECTIVE_COLUMNS} rows={rows} getRowId={(row) => row.id} />;
}
