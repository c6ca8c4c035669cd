import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describeForLog } from "~/server/http/lago-error-response";
import { logger } from "~/server/lib/logger";
import { appRouter } from "~/server/trpc/root";
import { TRPC_MAX_BATCH_SIZE } from "~/server/trpc/batch-limit";
import { createTRPCContext } from "~/server/trpc/trpc";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: createTRPCContext,
    // The console never batches more (lib/trpc/react.tsx); 700 calls in one request did no good.
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    onError: ({ error, path }) => {
      // Same rule as the API: class, code and frames only; messages can quote query arguments.
      if (error.code === "INTERNAL_SERVER_ERROR") logger().error({ procedure: path ?? "?", error: describeForLog(error.cause ?? error) }, "tRPC procedure failed");
    },
  });

export { handler as GET, handler as POST };
