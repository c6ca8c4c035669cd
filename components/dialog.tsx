"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

const OVERLAY = "fixed inset-0 z-40 bg-slate-900/40";
const CONTENT = "fixed top-1/2 left-1/2 z-50 max-h-[calc(100vh-2rem)] w-[36rem] max-w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none";

/**
 * A modal dialog on Radix UI (focus trap, focus return, Escape, labelled by its title).
 * `dismissible={false}` keeps it open on Escape and outside clicks: for content shown
 * once (a new API key), where closing by accident loses it.
 */
export function Dialog({ open, onOpenChange, title, description, dismissible = true, wide = false, children }: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  dismissible?: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  const keepOpen = (event: Event) => { if (!dismissible) event.preventDefault(); };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className={OVERLAY} />
        <RadixDialog.Content
          className={`${CONTENT} ${wide ? "w-[56rem]" : ""}`}
          onEscapeKeyDown={keepOpen}
          onPointerDownOutside={keepOpen}
          onInteractOutside={keepOpen}
          // Forms put their own description in the body; Radix warns only when neither is set.
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
            {dismissible && (
              <RadixDialog.Close aria-label="Close" className="rounded px-1.5 text-xl leading-none text-slate-600 hover:bg-slate-100">×</RadixDialog.Close>
            )}
          </div>
          {description && <RadixDialog.Description className="mb-3 text-sm text-slate-700">{description}</RadixDialog.Description>}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
