/** Calls per batched tRPC request: enforced by the route, and the console's batch link never sends more. */
export const TRPC_MAX_BATCH_SIZE = 25;
