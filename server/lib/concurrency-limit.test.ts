import { describe, expect, it } from "vitest";
import { concurrencyLimit, QueueFullError } from "./concurrency-limit";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("concurrencyLimit", () => {
  it("runs at most N at once, in order, and refuses past the queue bound", async () => {
    const limit = concurrencyLimit({ concurrency: 2, maxQueued: 2 });
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, index) => limit(async () => { started.push(index); await gate.promise; return index; }));
    await expect(limit(async () => 99)).rejects.toBeInstanceOf(QueueFullError);
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await runs[1];
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it("frees its slot when a task fails", async () => {
    const limit = concurrencyLimit({ concurrency: 1, maxQueued: 0 });
    await expect(limit(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await limit(async () => "next")).toBe("next");
  });
});
