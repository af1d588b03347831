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
} from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";

/** A sort key; `undefined` means the value is unknown and always sorts after known values. */
export type SortValue = string | number | undefined;

export interface DataColumn<TRow> {
  id: string;
  header: string;
  cell: (row: TRow) => ReactNode;
  /** Sort key of the row in this column; a column without one cannot be sorted. */
  sortValue?: (row: TRow) => SortValue;
  /** Numbers are right-aligned (class "num") and compared as numbers. */
  numeric?: boolean;
}

export interface DataTableProps<TRow> {
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
  columnMeta: metaHelper<{ numeric: boolean }>(),
});

type Features = typeof features;

function toColumnDef<TRow>(column: DataColumn<TRow>): ColumnDef<Features, TRow, SortValue> {
  const { sortValue } = column;
  return {
    id: column.id,
    header: column.header,
    accessorFn: (row: TRow) => (sortValue === undefined ? undefined : sortValue(row)),
    cell: ({ row }) => column.cell(row.original),
    enableSorting: sortValue !== undefined,
    // Natural order for text (so "H100" sorts before "H200" and "B200" before both).
    sortFn: column.numeric ? "basic" : "alphanumeric",
    // Ascending first for every column: the first press gives the order people expect to read.
    sortDescFirst: false,
    // Unknown values go last in both directions, never mixed with zeros.
    sortUndefined: "last",
    meta: { numeric: column.numeric ?? false },
  };
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const SORT_ARROW = { asc: "▲", desc: "▼" } as const;

/**
 * A captioned, sortable table: a header button toggles ascending → descending → original order, and
 * the header cell reports the state through aria-sort. Rows keep the caller's order until sorted, so
 * the server render and the first client render are identical.
 */
export function DataTable<TRow>({ caption, columns, rows, getRowId, className }: DataTableProps<TRow>) {
  const columnDefs = useMemo(() => columns.map((column) => toColumnDef(column)), [columns]);
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
              const numeric = column.columnDef.meta?.numeric ?? false;
              const sorted = column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={numeric ? "num" : undefined}
                  aria-sort={column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : "none") : undefined}
                >
                  {column.getCanSort() ? (
                    <button type="button" className="data-table__sort" onClick={() => column.toggleSorting(undefined, false)}>
                      <table.FlexRender header={header} />
                      <span className="data-table__arrow" aria-hidden="true">
                        {sorted ? SORT_ARROW[sorted] : "↕"}
                      </span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
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
              <td key={cell.id} className={cell.column.columnDef.meta?.numeric ? "num" : undefined}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
