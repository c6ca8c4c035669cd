"use client";

import { Button } from "../button";
import { CopyButton } from "../copy-button";
import { Modal } from "../modal";

/** The plaintext key exists only in this dialog's props: closing it forgets the key. */
export function ApiKeyDialog({ shown, onClose }: { shown: { serviceName: string; apiKey: string } | null; onClose: () => void }) {
  return (
    <Modal open={shown !== null} title={`New API key for ${shown?.serviceName ?? ""}`} onClose={onClose}>
      <p className="mb-3 text-sm text-slate-700">Copy it now: it is shown only once and cannot be retrieved later.</p>
      <div className="mb-5 flex items-center gap-2">
        <code data-testid="new-api-key" className="flex-1 overflow-x-auto rounded-md bg-slate-100 px-3 py-2 text-sm">{shown?.apiKey}</code>
        <CopyButton value={shown?.apiKey ?? ""} />
      </div>
      <div className="flex justify-end">
        <Button onClick={onClose}>I have stored the key</Button>
      </div>
    </Modal>
  );
}
