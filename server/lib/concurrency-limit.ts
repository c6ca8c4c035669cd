/** Thrown when a limiter's queue is full: the caller should answer "busy, try again". */
export class QueueFullError extends Error {
  constructor() {
    super("too many requests waiting");
    this.name = "QueueFullError";
  }
}

/**
 * Runs at most `concurrency` tasks at a time, in arrival order; at most `maxQueued` wait,
 * later ones are refused at once (so a flood costs neither memory nor latency for others).
 */
export function concurrencyLimit(options: { concurrency: number; maxQueued: number }) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= options.concurrency) {
      if (waiting.length >= options.maxQueued) throw new QueueFullError();
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
