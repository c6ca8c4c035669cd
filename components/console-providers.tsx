"use client";

import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/lib/trpc/react";
import { ConfirmProvider } from "./confirm-dialog";
import { ToastProvider } from "./toast";

export function ConsoleProviders({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <TRPCReactProvider>
        <ConfirmProvider>{children}</ConfirmProvider>
      </TRPCReactProvider>
    </ToastProvider>
  );
}
