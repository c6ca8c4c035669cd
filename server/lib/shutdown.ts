import { logger } from "./logger";

/**
 * The process's graceful stop, shared by the web server and the worker: once it begins
 * the process is draining (readiness answers 503, the worker claims nothing new), and at
 * the end the hooks registered by whatever holds resources (the shared rate limiter's
 * store, the database pool) run, each bounded, in reverse order of registration.
 */
type Hook = { name: string; run: () => Promise<void> | void };

// On globalThis: hooks are registered from route bundles and run by the web server.
const shared = globalThis as unknown as { nexaShutdown?: { draining: boolean; hooks: Hook[] } };
const state = (shared.nexaShutdown ??= { draining: false, hooks: [] });

export const isDraining = (): boolean => state.draining;

export function beginDraining(): void {
  state.draining = true;
}

export function onShutdown(name: string, run: Hook["run"]): void {
  state.hooks.push({ name, run });
}

/** Runs every hook once, the last registered first, each given at most `timeoutMs`. */
export async function runShutdownHooks(timeoutMs: number): Promise<void> {
  const hooks = state.hooks.splice(0).reverse();
  for (const hook of hooks) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    try {
      const result = await Promise.race([Promise.resolve().then(hook.run), timeout]);
      if (result === "timeout") logger().warn({ hook: hook.name, timeoutMs }, "shutdown hook did not finish in time");
    } catch (error) {
      logger().warn({ hook: hook.name, err: error instanceof Error ? error.message : String(error) }, "shutdown hook failed");
    } finally {
      clearTimeout(timer);
    }
  }
}
