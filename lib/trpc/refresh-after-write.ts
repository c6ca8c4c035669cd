import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Refetches the queries under `queryKey` after a write. A read already in flight may
 * have started before the write committed, and invalidation alone would join it rather
 * than start again when that query has no data yet (its first page, e.g. right after a
 * search changed the key); cancelling first makes the refetch a fresh read.
 */
export async function refreshAfterWrite(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}
