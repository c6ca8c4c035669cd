"use client";

import { MutationCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import { toast } from "sonner";
import superjson from "superjson";
import type { AppRouter } from "~/server/trpc/root";
import { TRPC_MAX_BATCH_SIZE } from "~/server/trpc/batch-limit";
import { errorMessage, fieldErrors } from "./error-message";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

declare module "@tanstack/react-query" {
  interface Register {
    /** `{ showsFieldErrors: true }`: the form shows field errors itself, so no toast for those. */
    mutationMeta: { showsFieldErrors?: boolean };
  }
}

/** One QueryClient per browser tab; a failed mutation raises an error toast unless its form shows the errors on its fields. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } },
        mutationCache: new MutationCache({
          onError: (error, _variables, _context, mutation) => {
            if (mutation.meta?.showsFieldErrors && Object.keys(fieldErrors(error)).length) return;
            toast.error(errorMessage(error));
          },
        }),
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: TRPC_MAX_BATCH_SIZE })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
