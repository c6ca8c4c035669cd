/** One changed value between two audit snapshots, at a dot path (`charges.0.properties.amount`). */
export interface SnapshotChange {
  path: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping every write touches: listing it would hide the change that matters.
const IGNORED = new Set(["updatedAt"]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function flatten(value: unknown, path: string, into: Map<string, unknown>): void {
  if (isObject(value) && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0)) {
    for (const [key, child] of Object.entries(value)) {
      if (!path && IGNORED.has(key)) continue;
      flatten(child, path ? `${path}.${key}` : key, into);
    }
  } else if (path) into.set(path, value);
}

/**
 * What a change changed: every leaf that differs between the before and after
 * snapshots, in the after snapshot's key order (then keys only before had). A create has
 * no before (every key is new), a delete no after.
 */
export function diffSnapshots(before: unknown, after: unknown): SnapshotChange[] {
  const old = new Map<string, unknown>();
  const next = new Map<string, unknown>();
  flatten(before ?? {}, "", old);
  flatten(after ?? {}, "", next);
  const paths = [...next.keys(), ...[...old.keys()].filter((path) => !next.has(path))];
  return paths
    .filter((path) => JSON.stringify(old.get(path)) !== JSON.stringify(next.get(path)))
    .map((path) => ({ path, before: old.get(path), after: next.get(path) }));
}
