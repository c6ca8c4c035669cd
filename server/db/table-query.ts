import { badRequest } from "~/server/errors";

/** Which rows of a list: `take` rows after skipping `skip` (Lago lists and console tables alike). */
export interface PageWindow {
  skip: number;
  take: number;
}

/**
 * One console table read, as domain search functions take it: the paging window, the
 * sorted column, column filters (id → value; an empty value means unset) and a free-text
 * search. The tRPC input (server/trpc/table-input.ts) turns react-table's state into it.
 */
export interface TableQuery extends PageWindow {
  sort: { id: string; desc: boolean } | null;
  filter: Readonly<Record<string, string>>;
  search: string;
}

export interface TablePage<Row> {
  rows: Row[];
  totalCount: number;
}

/** Just the window, for Prisma's findMany (a TableQuery carries more keys than it accepts). */
export const pageWindow = ({ skip, take }: PageWindow): PageWindow => ({ skip, take });

/** A page of rows and the total the filters match, read side by side. */
export async function readTablePage<Row>(rows: Promise<Row[]>, totalCount: Promise<number>): Promise<TablePage<Row>> {
  const [pageRows, total] = await Promise.all([rows, totalCount]);
  return { rows: pageRows, totalCount: total };
}

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
  for (const filterId of Object.keys(query.filter)) {
    if (!(columns as readonly string[]).includes(filterId)) throw badRequest(`cannot filter on ${filterId}`);
  }
  const value = query.filter[id];
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

/** A column filter's meaning: the where-clause piece for a set value (`id` names the column, for messages). */
export type TableFilter<Where> = (value: string, id: string) => Where;

/** A filter on an enum column, refusing any value outside `values` (400, not an invalid enum literal's 500). */
export function oneOf<Value extends string, Where>(values: Readonly<Record<string, Value>>, toWhere: (value: Value) => Where): TableFilter<Where> {
  const allowed = Object.values(values) as string[];
  return (value, id) => {
    if (!allowed.includes(value)) throw badRequest(`cannot filter ${id} on ${value}: expected one of ${allowed.join(", ")}`);
    return toWhere(value as Value);
  };
}

/**
 * The where-clause a console table asks for: its free-text search over `search`, and
 * each set column filter as `filters` maps it (a filter on any other column is refused).
 * Every search reads its table through this, so none builds the clause again by hand.
 */
export function tableWhere<Where extends object>(
  query: TableQuery,
  spec: { search?: ReadonlyArray<Extract<keyof Where, string>>; filters?: Readonly<Record<string, TableFilter<Where>>> },
): Where {
  const filters = spec.filters ?? {};
  const pieces = Object.entries(query.filter).map(([id, value]) => {
    if (!Object.hasOwn(filters, id)) throw badRequest(`cannot filter on ${id}`);
    return value === "" ? {} : filters[id]!(value, id);
  });
  return Object.assign({}, tableSearch(query, spec.search ?? []), ...pieces) as Where;
}

/** The sorted window of rows for Prisma's findMany: `orderBy` (tableOrderBy), `skip` and `take`. */
export function tableWindow<Column extends string>(query: TableQuery, columns: readonly Column[], fallback: { id: Column; desc: boolean }) {
  return { orderBy: tableOrderBy(query, columns, fallback), ...pageWindow(query) };
}
