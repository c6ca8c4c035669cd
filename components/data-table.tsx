"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { type ColumnDef, flexRender, getCoreRowModel, type RowData, useReactTable } from "@tanstack/react-table";
import type { ReactNode } from "react";
import type { TablePage } from "~/server/db/table-query";
import { Button } from "./button";
import { Spinner } from "./spinner";
import type { TableQueryState } from "./use-table-query";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Shown as a select above the table; values are sent as the column's filter. */
    filterOptions?: ReadonlyArray<{ value: string; label: string }>;
  }
}

const PAGE_SIZES = [10, 20, 50];
const SELECT = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/**
 * A server-paged table: paging, sorting and filtering are done by the list procedure
 * (manual* modes), so the table only renders one page and edits the query state.
 * Columns sort only when they set `enableSorting: true` (the server's allow-list).
 */
export function DataTable<Row>({
  label, columns, data, isLoading, state, empty, searchPlaceholder, getRowId, toolbar,
}: {
  label: string;
  columns: ColumnDef<Row, any>[];
  data: TablePage<Row> | undefined;
  isLoading: boolean;
  state: TableQueryState;
  empty: ReactNode;
  searchPlaceholder?: string;
  getRowId?: (row: Row) => string;
  toolbar?: ReactNode;
}) {
  const table = useReactTable({
    data: data?.rows ?? [],
    columns,
    getRowId,
    rowCount: data?.totalCount ?? 0,
    state: { pagination: state.pagination, sorting: state.sorting, columnFilters: state.columnFilters, columnVisibility: state.columnVisibility },
    onPaginationChange: state.setPagination,
    onSortingChange: state.setSorting,
    onColumnFiltersChange: state.setColumnFilters,
    onColumnVisibilityChange: state.setColumnVisibility,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    defaultColumn: { enableSorting: false },
    getCoreRowModel: getCoreRowModel(),
  });
  const filterable = table.getAllLeafColumns().filter((column) => column.columnDef.meta?.filterOptions);
  const totalCount = data?.totalCount ?? 0;

  return (
    <section aria-label={label} className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 p-3">
        <input
          type="search"
          aria-label={`Search ${label}`}
          placeholder={searchPlaceholder ?? "Search…"}
          value={state.searchInput}
          onChange={(event) => state.setSearchInput(event.target.value)}
          className="w-56 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm"
        />
        {filterable.map((column) => (
          <select
            key={column.id}
            aria-label={`Filter by ${String(column.columnDef.header)}`}
            value={String(column.getFilterValue() ?? "")}
            onChange={(event) => column.setFilterValue(event.target.value || undefined)}
            className={SELECT}
          >
            <option value="">All {String(column.columnDef.header).toLowerCase()}</option>
            {column.columnDef.meta?.filterOptions?.map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </select>
        ))}
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm hover:bg-slate-50">Columns</DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="start" sideOffset={4} className="z-30 w-52 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
              {table.getAllLeafColumns().filter((column) => column.getCanHide()).map((column) => (
                <DropdownMenu.CheckboxItem
                  key={column.id}
                  checked={column.getIsVisible()}
                  onCheckedChange={(checked) => column.toggleVisibility(checked)}
                  onSelect={(event) => event.preventDefault()}
                  className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 outline-none data-[highlighted]:bg-indigo-50"
                >
                  <span aria-hidden className="w-4">{column.getIsVisible() ? "✓" : ""}</span>
                  {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
                </DropdownMenu.CheckboxItem>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
        <div className="ml-auto flex items-center gap-2">{isLoading && <Spinner small />}{toolbar}</div>
      </div>

      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2 font-medium whitespace-nowrap">
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100 hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 align-top">{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!isLoading && totalCount === 0 && <div className="p-4">{empty}</div>}
      {isLoading && !data && <div className="flex justify-center p-8"><Spinner /></div>}

      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 p-3 text-sm text-slate-600">
        <span data-testid="table-summary">
          {totalCount} {totalCount === 1 ? "row" : "rows"} · page {totalCount ? state.pagination.pageIndex + 1 : 0} of {table.getPageCount()}
        </span>
        <div className="flex items-center gap-2">
          <select aria-label="Rows per page" value={state.pagination.pageSize} onChange={(event) => table.setPageSize(Number(event.target.value))} className={SELECT}>
            {PAGE_SIZES.map((size) => <option key={size} value={size}>{size} / page</option>)}
          </select>
          <Button variant="secondary" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>Previous</Button>
          <Button variant="secondary" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>Next</Button>
        </div>
      </div>
    </section>
  );
}
