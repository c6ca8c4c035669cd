"use client";

import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { TRPCReactProvider } from "~/lib/trpc/react";
import { ConfirmProvider } from "./confirm-dialog";

export function ConsoleProviders({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <ConfirmProvider>{children}</ConfirmProvider>
      {/* sonner: toasts in a polite live region, paused on hover, dismissible. */}
      <Toaster position="bottom-right" richColors closeButton duration={5000} />
    </TRPCReactProvider>
  );
}
