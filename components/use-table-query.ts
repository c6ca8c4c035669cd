"use client";

import type { ColumnFiltersState, PaginationState, SortingState, VisibilityState } from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { TableQueryInput } from "~/server/trpc/table-input";
import { replaceSearchParams } from "./url-params";
import { useDebouncedValue } from "./use-debounced-value";

const PAGE_SIZES = new Set([10, 20, 50]);

/**
 * react-table state for a server-paged table, and the same state as the shared
 * table-query input every list procedure takes. Sorting, filtering or searching goes
 * back to the first page. Search, filters, sort and page live in the URL (under `key.`
 * when a page has several tables), so a reload or Back restores the table.
 */
export function useTableQuery(initial: { key?: string; pageSize?: number; sorting?: SortingState; columnVisibility?: VisibilityState } = {}) {
  const searchParams = useSearchParams();
  const prefix = initial.key ? `${initial.key}.` : "";
  const param = (name: string) => searchParams.get(`${prefix}${name}`);
  const [pagination, setPagination] = useState<PaginationState>(() => {
    const size = Number(param("size"));
    return { pageIndex: Math.max(0, Number(param("page") ?? 1) - 1) || 0, pageSize: PAGE_SIZES.has(size) ? size : (initial.pageSize ?? 10) };
  });
  const [sorting, setSorting] = useState<SortingState>(() => {
    const sort = param("sort");
    return sort ? [{ id: sort.replace(/^-/, ""), desc: sort.startsWith("-") }] : (initial.sorting ?? []);
  });
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>(() =>
    [...searchParams.entries()].filter(([name]) => name.startsWith(`${prefix}f.`)).map(([name, value]) => ({ id: name.slice(prefix.length + 2), value })),
  );
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(initial.columnVisibility ?? {});
  const [searchInput, setSearchInput] = useState(() => param("q") ?? "");
  const search = useDebouncedValue(searchInput.trim());

  // Back to page 1 when what is shown changes, but not on mount: the URL's page stands.
  const shown = JSON.stringify([sorting, columnFilters, search]);
  const previouslyShown = useRef(shown);
  useEffect(() => {
    if (previouslyShown.current === shown) return;
    previouslyShown.current = shown;
    setPagination((current) => ({ ...current, pageIndex: 0 }));
  }, [shown]);

  useEffect(() => {
    const defaultSort = initial.sorting?.[0];
    const sort = sorting[0];
    const isDefaultSort = sort ? defaultSort?.id === sort.id && defaultSort.desc === sort.desc : !defaultSort;
    const filterKeys = [...new URLSearchParams(window.location.search).keys()].filter((name) => name.startsWith(`${prefix}f.`));
    replaceSearchParams({
      ...Object.fromEntries(filterKeys.map((name) => [name, null])),
      ...Object.fromEntries(columnFilters.map((filter) => [`${prefix}f.${filter.id}`, String(filter.value ?? "")])),
      // What is typed, not the debounced value: written at once, it can never land after
      // a click has already navigated away (a late replaceState would undo that navigation).
      [`${prefix}q`]: searchInput.trim() || null,
      [`${prefix}sort`]: isDefaultSort || !sort ? null : `${sort.desc ? "-" : ""}${sort.id}`,
      [`${prefix}page`]: pagination.pageIndex ? String(pagination.pageIndex + 1) : null,
      [`${prefix}size`]: pagination.pageSize === (initial.pageSize ?? 10) ? null : String(pagination.pageSize),
    });
    // initial.* are constants of the screen.
  }, [prefix, columnFilters, searchInput, sorting, pagination]);

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
