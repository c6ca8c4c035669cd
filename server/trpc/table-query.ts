import { z } from "zod";
import { badRequest } from "~/server/errors";

/**
 * The one paging/sort/filter shape of every list procedure. It mirrors
 * @tanstack/react-table's state (pageIndex, SortingState, ColumnFiltersState) so the
 * console tables send their state as is and the server does the paging.
 */
export const tableQuerySchema = z.object({
  /** 0-based, like react-table's pageIndex. */
  page: z.number().int().min(0).max(100_000).default(0),
  pageSize: z.number().int().min(1).max(100).default(20),
  sort: z.object({ id: z.string().max(64), desc: z.boolean() }).nullable().default(null),
  filters: z.array(z.object({ id: z.string().max(64), value: z.string().max(200) })).max(20).default([]),
  search: z.string().trim().max(200).default(""),
});

export type TableQuery = z.output<typeof tableQuerySchema>;
export type TableQueryInput = z.input<typeof tableQuerySchema>;

export interface TablePage<Row> {
  rows: Row[];
  totalCount: number;
}

export const tableWindow = (query: TableQuery) => ({ skip: query.page * query.pageSize, take: query.pageSize });

type SortOrder = "asc" | "desc";

/**
 * Prisma orderBy for the requested column, then `id` so pages never overlap. Only
 * `columns` may be sorted on: an unknown id is refused rather than passed to Prisma.
 */
export function tableOrderBy<Column extends string>(
  query: TableQuery,
  columns: readonly Column[],
  fallback: { id: Column; desc: boolean },
): Array<Partial<Record<Column | "id", SortOrder>>> {
  const sort = query.sort ?? fallback;
  if (!(columns as readonly string[]).includes(sort.id)) throw badRequest(`cannot sort on ${sort.id}`);
  const primary = { [sort.id]: sort.desc ? "desc" : "asc" } as Partial<Record<Column | "id", SortOrder>>;
  const tieBreak = { id: "asc" } as Partial<Record<Column | "id", SortOrder>>;
  return sort.id === "id" ? [primary] : [primary, tieBreak];
}

/** The value of one column filter, if set; filters on other columns are refused. */
export function tableFilter<Column extends string>(query: TableQuery, columns: readonly Column[], id: Column): string | undefined {
  for (const filter of query.filters) {
    if (!(columns as readonly string[]).includes(filter.id)) throw badRequest(`cannot filter on ${filter.id}`);
  }
  const value = query.filters.find((filter) => filter.id === id)?.value;
  return value === "" ? undefined : value;
}

/**
 * A filter on an enum column: a value outside `values` is refused here (400) rather
 * than reaching the database as an invalid enum literal (a 500).
 */
export function tableEnumFilter<Column extends string, Value extends string>(
  query: TableQuery,
  columns: readonly Column[],
  id: Column,
  values: Readonly<Record<string, Value>>,
): Value | undefined {
  const value = tableFilter(query, columns, id);
  if (value === undefined) return undefined;
  const allowed = Object.values(values);
  if (!(allowed as string[]).includes(value)) throw badRequest(`cannot filter ${id} on ${value}: expected one of ${allowed.join(", ")}`);
  return value as Value;
}

/** Case-insensitive `contains` over several text columns, or nothing for an empty search. */
export function tableSearch<Field extends string>(query: TableQuery, fields: readonly Field[]) {
  if (!query.search) return {};
  return { OR: fields.map((field) => ({ [field]: { contains: query.search, mode: "insensitive" as const } })) as Array<Partial<Record<Field, { contains: string; mode: "insensitive" }>>> };
}
