import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A flush that records its groups and answers each item doubled, once released. */
function recorder() {
  const groups: number[][] = [];
  const releases: Array<() => void> = [];
  const flush = async (items: number[]) => {
    groups.push(items);
    await new Promise<void>((resolve) => releases.push(resolve));
    return items.map((item) => item * 2);
  };
  return { groups, releases, flush };
}

describe("group commit", () => {
  it("sends submissions of one tick together, and those made during a flush in the next one", async () => {
    const { groups, releases, flush } = recorder();
    const group = createGroupCommit({ maxItems: 10, key: String, flush });
    const first = [group.submit(1), group.submit(2)];
    await tick();
    const second = [group.submit(3), group.submit(4), group.submit(5)];
    await tick();
    expect(groups).toEqual([[1, 2]]);
    releases[0]!();
    expect(await Promise.all(first)).toEqual([2, 4]);
    await tick();
    expect(groups).toEqual([[1, 2], [3, 4, 5]]);
    releases[1]!();
    expect(await Promise.all(second)).toEqual([6, 8, 10]);
  });

  it("never puts two items of one key in a flush, nor more than maxItems", async () => {
    const { groups, releases, flush } = recorder();
    const group = createGroupCommit({ maxItems: 2, key: (item: number) => String(item % 10), flush });
    const answers = Promise.all([11, 21, 12, 13].map((item) => group.submit(item)));
    for (let i = 0; i < 3; i++) {
      await tick();
      releases[i]?.();
    }
    expect(await answers).toEqual([22, 42, 24, 26]);
    expect(groups).toEqual([[11, 12], [21, 13]]);
  });

  it("rejects every caller of a failed flush, and still runs the next one", async () => {
    let calls = 0;
    const group = createGroupCommit({
      maxItems: 10,
      key: String,
      flush: async (items: number[]) => {
        calls++;
        if (calls === 1) throw new Error("database away");
        return items;
      },
    });
    const failed = [group.submit(1), group.submit(2)].map((answer) => answer.catch((error: Error) => error.message));
    expect(await Promise.all(failed)).toEqual(["database away", "database away"]);
    expect(await group.submit(3)).toBe(3);
  });
});
