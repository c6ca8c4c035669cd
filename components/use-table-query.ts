"use client";

import type { ColumnFiltersState, PaginationState, SortingState, VisibilityState } from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { useDebouncedValue } from "./use-debounced-value";
import type { TableQueryInput } from "~/server/trpc/table-input";

/**
 * react-table state for a server-paged table, and the same state as the shared
 * table-query input every list procedure takes. Sorting, filtering or searching goes
 * back to the first page.
 */
export function useTableQuery(initial: { pageSize?: number; sorting?: SortingState; columnVisibility?: VisibilityState } = {}) {
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: initial.pageSize ?? 10 });
  const [sorting, setSorting] = useState<SortingState>(initial.sorting ?? []);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(initial.columnVisibility ?? {});
  const [searchInput, setSearchInput] = useState("");
  const search = useDebouncedValue(searchInput.trim());

  useEffect(() => setPagination((current) => ({ ...current, pageIndex: 0 })), [sorting, columnFilters, search]);

  const query = useMemo<TableQueryInput>(
    () => ({
      page: pagination.pageIndex,
      pageSize: pagination.pageSize,
      sort: sorting[0] ?? null,
      filters: columnFilters.map((filter) => ({ id: filter.id, value: String(filter.value ?? "") })),
      search,
    }),
    [pagination, sorting, columnFilters, search],
  );

  return {
    query,
    pagination, setPagination,
    sorting, setSorting,
    columnFilters, setColumnFilters,
    columnVisibility, setColumnVisibility,
    searchInput, setSearchInput,
  };
}

export type TableQueryState = ReturnType<typeof useTableQuery>;
