/** Load generation over real HTTP: a fixed number of requests at a fixed concurrency. */
export interface LoadResult {
  requests: number;
  ok: number;
  seconds: number;
  latenciesMs: number[];
}

export async function runLoad(options: { requests: number; concurrency: number; send: (index: number) => Promise<boolean> }): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let ok = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.requests) {
      const index = next++;
      const t0 = performance.now();
      if (await options.send(index)) ok++;
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { requests: options.requests, ok, seconds: (performance.now() - started) / 1000, latenciesMs };
}

/** Rounds of one phase as one result: their requests, time and latencies together. */
export function combineLoads(results: LoadResult[]): LoadResult {
  return {
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    ok: results.reduce((sum, r) => sum + r.ok, 0),
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
    latenciesMs: results.flatMap((r) => r.latenciesMs),
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
