import { z } from "zod";
import type { PageWindow } from "~/server/db/table-query";

/** Lago's `?page=&per_page=` paging and its `meta` block. */
export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(1000).default(100),
});

export type Pagination = z.infer<typeof paginationSchema>;

export function parsePagination(searchParams: URLSearchParams): Pagination {
  return paginationSchema.parse({
    page: searchParams.get("page") ?? undefined,
    per_page: searchParams.get("per_page") ?? undefined,
  });
}

/** The rows of the requested page, as domain list functions take them. */
export const paginationWindow = ({ page, per_page }: Pagination): PageWindow => ({ skip: (page - 1) * per_page, take: per_page });

export function paginationMeta({ page, per_page }: Pagination, totalCount: number) {
  const totalPages = Math.ceil(totalCount / per_page);
  // Lago (Kaminari) reports page 0 of 0 for an empty collection.
  return {
    current_page: totalCount === 0 ? 0 : page,
    next_page: page < totalPages ? page + 1 : null,
    prev_page: page > 1 ? page - 1 : null,
    total_pages: totalPages,
    total_count: totalCount,
  };
}
