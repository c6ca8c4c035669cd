"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { Button } from "./button";

type ConfirmOptions = { title: string; body: ReactNode; confirmLabel: string; destructive?: boolean };
type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

/** `await confirm({...})` before a consequential action; resolves false on Cancel or Escape. */
export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error("useConfirm outside ConfirmProvider");
  return confirm;
}

/** One Radix alert dialog for the whole console: focus starts on Cancel, the safe choice. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<(answer: boolean) => void>(undefined);
  const confirm = useCallback<Confirm>((next) => {
    resolver.current?.(false);
    setOptions(next);
    return new Promise((resolve) => (resolver.current = resolve));
  }, []);
  const answer = (value: boolean) => {
    resolver.current?.(value);
    resolver.current = undefined;
    setOptions(null);
  };
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <AlertDialog.Root open={options !== null} onOpenChange={(open) => { if (!open) answer(false); }}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
          <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[30rem] max-w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl focus:outline-none">
            <AlertDialog.Title className="mb-3 text-lg font-semibold">{options?.title}</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="mb-6 text-sm text-slate-700">{options?.body}</div>
            </AlertDialog.Description>
            <div className="flex justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary">Cancel</Button>
              </AlertDialog.Cancel>
              <AlertDialog.Action asChild onClick={() => answer(true)}>
                <Button variant={options?.destructive ? "danger" : "primary"}>{options?.confirmLabel}</Button>
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </ConfirmContext.Provider>
  );
}
