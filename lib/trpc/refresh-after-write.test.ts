import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { refreshAfterWrite } from "./refresh-after-write";

/**
 * The race the console hit: a list's first read for a new key (a search just typed) is
 * in flight when a write commits; that read returns the old row.
 */
function listWithSlowFirstRead() {
  let committed = false;
  let reads = 0;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const queryKey = ["services", "list", { search: "rot" }];
  const observer = new QueryObserver(queryClient, {
    queryKey,
    queryFn: async ({ signal }) => {
      const seen = committed ? "new key" : "old key";
      reads++;
      // The first read is slow: it saw the database before the write and answers after it.
      if (reads === 1) await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, 50);
        signal.addEventListener("abort", () => { clearTimeout(timer); reject(signal.reason); });
      });
      return seen;
    },
  });
  const unsubscribe = observer.subscribe(() => {});
  return { queryClient, queryKey, commit: () => { committed = true; }, unsubscribe, readCount: () => reads };
}

const until = (condition: () => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => (condition() ? resolve() : setTimeout(check, 2));
    check();
  });
const settled = (queryClient: QueryClient, queryKey: unknown[]) => until(() => queryClient.getQueryState(queryKey)?.fetchStatus === "idle");

describe("refreshAfterWrite", () => {
  it("reads again after a write even when the key's first read was still in flight", async () => {
    const list = listWithSlowFirstRead();
    await until(() => list.readCount() === 1);
    list.commit();
    await refreshAfterWrite(list.queryClient, ["services", "list"]);
    await settled(list.queryClient, list.queryKey);
    expect(list.queryClient.getQueryData(list.queryKey)).toBe("new key");
    expect(list.readCount()).toBe(2);
    list.unsubscribe();
  });

  it("is needed: invalidation alone joins the in-flight first read and keeps its stale answer", async () => {
    const list = listWithSlowFirstRead();
    await until(() => list.readCount() === 1);
    list.commit();
    await list.queryClient.invalidateQueries({ queryKey: ["services", "list"] });
    await settled(list.queryClient, list.queryKey);
    expect(list.queryClient.getQueryData(list.queryKey)).toBe("old key");
    list.unsubscribe();
  });
});
