import { z } from "zod";
import type { TableQuery } from "~/server/db/table-query";

/**
 * The one paging/sort/filter input of every console list procedure. It mirrors
 * @tanstack/react-table's state (pageIndex, SortingState, ColumnFiltersState) so the
 * console tables send their state as is; procedures receive the domain's TableQuery.
 */
export const tableQuerySchema = z
  .object({
    /** 0-based, like react-table's pageIndex. */
    page: z.number().int().min(0).max(100_000).default(0),
    pageSize: z.number().int().min(1).max(100).default(20),
    sort: z.object({ id: z.string().max(64), desc: z.boolean() }).nullable().default(null),
    filters: z.array(z.object({ id: z.string().max(64), value: z.string().max(200) })).max(20).default([]),
    search: z.string().trim().max(200).default(""),
  })
  .transform(
    (input): TableQuery => ({
      skip: input.page * input.pageSize,
      take: input.pageSize,
      sort: input.sort,
      // The first filter of a column wins, as react-table holds one per column anyway.
      filter: input.filters.reduce<Record<string, string>>((filter, { id, value }) => (id in filter ? filter : { ...filter, [id]: value }), {}),
      search: input.search,
    }),
  );

export type TableQueryInput = z.input<typeof tableQuerySchema>;
