"use client";

import { MutationCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import superjson from "superjson";
import { useToast } from "~/components/toast";
import type { AppRouter } from "~/server/trpc/root";
import { TRPC_MAX_BATCH_SIZE } from "~/server/trpc/batch-limit";
import { errorMessage } from "./error-message";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** One QueryClient per browser tab; every failed mutation raises an error toast. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const toast = useToast();
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } },
        mutationCache: new MutationCache({ onError: (error) => toast.error(errorMessage(error)) }),
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
