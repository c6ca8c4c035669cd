"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";

/**
 * Writes some search params of the current URL, leaving the others (another table's on
 * the same page) alone. `history.replaceState` updates the URL without a server round
 * trip (Next.js keeps useSearchParams in sync), so Back from a detail page lands on the
 * list as it was left.
 */
export function replaceSearchParams(updates: Record<string, string | null>): void {
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(updates)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(null, "", url);
}

/** One string kept in the URL (e.g. the subscription being explored), read once on mount. */
export function useUrlState(key: string): [string | null, (value: string | null) => void] {
  const searchParams = useSearchParams();
  const [value, setValue] = useState<string | null>(() => searchParams.get(key));
  const set = useCallback((next: string | null) => {
    setValue(next);
    replaceSearchParams({ [key]: next });
  }, [key]);
  return [value, set];
}
