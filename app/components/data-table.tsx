/**
 * The app's one sortable table, and the only module that imports @tanstack/react-table (v9 API):
 * callers describe columns in plain terms and never see TanStack types, so a later upgrade or a
 * swap of the library stays inside this file.
 */
import {
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";

/** A sort key; `undefined` means the value is unknown and always sorts after known values. */
export type SortValue = string | number | undefined;

/** Rows are plain objects (or tuples), as the loader returns them. */
export type DataRow = RowData;

export interface DataColumn<TRow extends DataRow> {
  id: string;
  header: string;
  /** A second, smaller header line, e.g. the unit of the column's values. */
  headerNote?: string;
  cell: (row: TRow) => ReactNode;
  /** Sort key of the row in this column; a column without one cannot be sorted. */
  sortValue?: (row: TRow) => SortValue;
  /** Numbers are right-aligned (class "num") and compared as numbers. */
  numeric?: boolean;
  /** As narrow as its content (dates, badges), leaving the width to text columns. */
  fit?: boolean;
}

export interface DataTableProps<TRow extends DataRow> {
  caption: ReactNode;
  columns: readonly DataColumn<TRow>[];
  rows: readonly TRow[];
  getRowId: (row: TRow) => string;
  className?: string;
}

// Module scope: the feature set must stay referentially stable across renders.
const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  columnMeta: metaHelper<{ className: string | undefined; headerNote: string | null }>(),
});

type Features = typeof features;

function columnClass<TRow extends DataRow>(column: DataColumn<TRow>): string | undefined {
  const classes = [column.numeric ? "num" : "", column.fit ? "data-table__fit" : ""].filter(Boolean);
  return classes.length === 0 ? undefined : classes.join(" ");
}

/**
 * True when the column's known sort keys are all numbers, whatever its cells show: such a column must
 * compare numerically, since the natural-text comparison reads 0.1112 as above 0.25 (1112 > 25).
 */
function sortsAsNumbers<TRow extends DataRow>(column: DataColumn<TRow>, rows: readonly TRow[]): boolean {
  const { sortValue } = column;
  if (column.numeric) return true;
  if (sortValue === undefined) return false;
  return rows.every((row) => {
    const value = sortValue(row);
    return value === undefined || typeof value === "number";
  });
}

function toColumnDef<TRow extends DataRow>(column: DataColumn<TRow>, numericSort: boolean): ColumnDef<Features, TRow> {
  const { sortValue } = column;
  return {
    id: column.id,
    header: column.header,
    accessorFn: (row: TRow) => (sortValue === undefined ? undefined : sortValue(row)),
    cell: ({ row }) => column.cell(row.original),
    enableSorting: sortValue !== undefined,
    // Natural order for text (so "H100" sorts before "H200" and "B200" before both).
    sortFn: numericSort ? "basic" : "alphanumeric",
    // Ascending first for every column: the first press gives the order people expect to read.
    sortDescFirst: false,
    // Unknown values go last in both directions, never mixed with zeros.
    sortUndefined: "last",
    meta: { className: columnClass(column), headerNote: column.headerNote ?? null },
  };
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const SORT_ARROW = { asc: "▲", desc: "▼" } as const;

/**
 * A captioned, sortable table: a header button toggles ascending → descending → original order, and
 * the header cell reports the state through aria-sort. Rows keep the caller's order until sorted, so
 * the server render and the first client render are identical.
 */
export function DataTable<TRow extends DataRow>({ caption, columns, rows, getRowId, className }: DataTableProps<TRow>) {
  const columnDefs = useMemo(() => columns.map((column) => toColumnDef(column, sortsAsNumbers(column, rows))), [columns, rows]);
  // TanStack wants a mutable array; the copy is memoised so row models are not rebuilt on each render.
  const data = useMemo(() => [...rows], [rows]);
  const table = useTable({ features, columns: columnDefs, data, getRowId: (row) => getRowId(row) });

  return (
    <table className={className ? `data-table ${className}` : "data-table"}>
      <caption>{caption}</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const { column } = header;
              const className = column.columnDef.meta?.className;
              const headerNote = column.columnDef.meta?.headerNote ?? null;
              const sorted = column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={className}
                  aria-sort={column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : "none") : undefined}
                >
                  {column.getCanSort() ? (
                    <button type="button" className="data-table__sort" onClick={() => column.toggleSorting()}>
                      <table.FlexRender header={header} />
                      <span className="data-table__arrow" aria-hidden="true">
                        {sorted ? SORT_ARROW[sorted] : "↕"}
                      </span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                  {/* Outside the button, so the button's accessible name stays the column name. */}
                  {headerNote === null ? null : <span className="data-table__header-note">{headerNote}</span>}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className={cell.column.columnDef.meta?.className}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
