import { useMemo } from "react";
import { DataTable, type DataColumn } from "~/components/data-table.tsx";
import { buildComparisonCsv, buildComparisonRows, type ComparisonRow, type Formatter, type ResultBundle } from "~/reports/index.ts";
import { OptionSwatch } from "./option-swatch.tsx";

function buildColumns(bundle: ResultBundle, fmt: Formatter): DataColumn<ComparisonRow>[] {
  const currency = fmt.currency;
  const money = (id: string, header: string, pick: (row: ComparisonRow) => ComparisonRow["cashTco"], note = currency): DataColumn<ComparisonRow> => ({
    id,
    header,
    headerNote: note,
    numeric: true,
    cell: (row) => pick(row).text,
    sortValue: (row) => pick(row).sort,
  });
  const withCompliance = bundle.scenario.compliance !== null;
  return [
    {
      id: "option",
      header: "Option",
      cell: (row) => (
        <span className="option-name">
          <OptionSwatch colour={row.style.colour} marker={row.style.marker} />
          <span>
            {row.name}
            {row.isCheapestCompliant ? <span className="badge badge--best">{withCompliance ? "cheapest compliant" : "cheapest"}</span> : null}
          </span>
        </span>
      ),
      sortValue: (row) => row.name,
    },
    { id: "kind", header: "Kind", cell: (row) => row.kindLabel, sortValue: (row) => row.kindLabel, fit: true },
    money("cash", "Cash TCO", (row) => row.cashTco, `${currency}, horizon`),
    money("accounting", "Accounting TCO", (row) => row.accountingTco, `${currency}, horizon`),
    money("npv", "NPV", (row) => row.npv),
    money("per-million", "Cost per 1M tokens", (row) => row.costPerMillionTokens, `${currency}, input + output`),
    ...bundle.scenario.options.map(
      (other): DataColumn<ComparisonRow> => ({
        id: `break-even-${other.id}`,
        header: `Break-even vs ${other.name}`,
        headerNote: "first month at or below",
        numeric: true,
        cell: (row) => row.breakEven.find((cell) => cell.otherId === other.id)?.text ?? "—",
        sortValue: (row) => row.breakEven.find((cell) => cell.otherId === other.id)?.sort,
      }),
    ),
    ...(withCompliance
      ? [
          {
            id: "verdict",
            header: "Compliance",
            cell: (row: ComparisonRow) => <span className={`verdict verdict--${row.verdict.value ?? "none"}`}>{row.verdict.text}</span>,
            sortValue: (row: ComparisonRow) => row.verdict.sort,
          },
          { id: "seal", header: "Sovereignty", headerNote: "OpenTCO weighted SEAL score, 0–4", numeric: true, cell: (row: ComparisonRow) => row.sovereignty.text, sortValue: (row: ComparisonRow) => row.sovereignty.sort },
        ]
      : []),
    { id: "quality", header: "Quality", headerNote: "benchmark score", numeric: true, cell: (row) => <span title={row.quality.benchmark ?? undefined}>{row.quality.text}</span>, sortValue: (row) => row.quality.sort },
    { id: "gap", header: "Quality gap", headerNote: "points to best", numeric: true, cell: (row) => row.qualityGap.text, sortValue: (row) => row.qualityGap.sort },
  ];
}

function toFileName(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "scenario"}-comparison.csv`;
}

/** The per-option comparison, sortable, with a CSV download of the exact figures. */
export function ComparisonTable({ bundle, fmt }: { bundle: ResultBundle; fmt: Formatter }) {
  const rows = useMemo(() => buildComparisonRows(bundle, fmt), [bundle, fmt]);
  const columns = useMemo(() => buildColumns(bundle, fmt), [bundle, fmt]);
  // A data: link works without JavaScript; the BOM lets spreadsheets read the file as UTF-8 (€, ¥).
  const csvHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${buildComparisonCsv(bundle, fmt)}`)}`, [bundle, fmt]);
  return (
    <section className="results-section" aria-labelledby="comparison-heading">
      <div className="results-section__head">
        <h3 id="comparison-heading">Comparison</h3>
        <a className="button secondary" href={csvHref} download={toFileName(bundle.scenario.name)}>
          Download CSV
        </a>
      </div>
      <div className="results-scroll" tabIndex={0} role="region" aria-labelledby="comparison-heading">
        <DataTable
          caption={`Totals over ${bundle.scenario.horizonMonths} months in ${fmt.currency}; select a column header to sort.`}
          columns={columns}
          rows={rows}
          getRowId={(row) => row.optionId}
          className="results-table results-table--sticky"
        />
      </div>
    </section>
  );
}
