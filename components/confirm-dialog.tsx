"use client";

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { Button } from "./button";
import { Modal } from "./modal";

type ConfirmOptions = { title: string; body: ReactNode; confirmLabel: string; destructive?: boolean };
type Confirm = (options: ConfirmOptions) => Promise<boolean>;

const ConfirmContext = createContext<Confirm | null>(null);

/** `await confirm({...})` before a destructive action; resolves false on Cancel or Escape. */
export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error("useConfirm outside ConfirmProvider");
  return confirm;
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<(answer: boolean) => void>(undefined);
  const confirm = useCallback<Confirm>((next) => {
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
      <Modal open={options !== null} title={options?.title ?? ""} onClose={() => answer(false)}>
        <div className="mb-6 text-sm text-slate-700">{options?.body}</div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => answer(false)}>
            Cancel
          </Button>
          <Button variant={options?.destructive ? "danger" : "primary"} onClick={() => answer(true)} autoFocus>
            {options?.confirmLabel}
          </Button>
        </div>
      </Modal>
    </ConfirmContext.Provider>
  );
}
