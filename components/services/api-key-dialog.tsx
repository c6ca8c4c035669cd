"use client";

import { Button } from "../button";
import { CopyButton } from "../copy-button";
import { Dialog } from "../dialog";

/**
 * The plaintext key exists only in this dialog's props: closing it forgets the key. So it
 * closes only on the explicit "I have copied it", never on Escape or a click outside.
 */
export function ApiKeyDialog({ shown, onClose }: { shown: { serviceName: string; apiKey: string } | null; onClose: () => void }) {
  return (
    <Dialog open={shown !== null} onOpenChange={() => {}} dismissible={false} title={`New API key for ${shown?.serviceName ?? ""}`}
      description="Copy it now: it is shown only once and cannot be retrieved later.">
      <div className="mb-5 flex items-center gap-2">
        <code data-testid="new-api-key" className="flex-1 overflow-x-auto rounded-md bg-slate-100 px-3 py-2 text-sm">{shown?.apiKey}</code>
        <CopyButton value={shown?.apiKey ?? ""} />
      </div>
      <div className="flex justify-end">
        <Button onClick={onClose}>I have copied it</Button>
      </div>
    </Dialog>
  );
}
