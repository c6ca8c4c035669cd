"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "~/lib/trpc/react";
import type { ServiceRow } from "~/server/services/search-services";
import { Button } from "../button";
import { useConfirm } from "../confirm-dialog";
import { CopyButton } from "../copy-button";
import { Dialog } from "../dialog";

/**
 * The secret behind the service's HMAC signatures, for the app's verifier. Nothing is
 * fetched until the admin asks (each reveal is audited); closing the dialog forgets it.
 */
export function WebhookSecretDialog({ service, onClose }: { service: ServiceRow | null; onClose: () => void }) {
  const trpc = useTRPC();
  const confirm = useConfirm();
  const [secret, setSecret] = useState<string | null>(null);
  const reveal = useMutation(trpc.services.revealWebhookSecret.mutationOptions({ onSuccess: ({ webhookSecret }) => setSecret(webhookSecret) }));
  const rotate = useMutation(trpc.services.rotateWebhookSecret.mutationOptions({
    onSuccess: ({ service: rotated, webhookSecret }) => { setSecret(webhookSecret); toast.success(`Webhook secret of ${rotated.code} rotated`); },
  }));
  const close = () => { setSecret(null); onClose(); };

  async function rotateSecret() {
    if (!service) return;
    const ok = await confirm({
      title: `Rotate the webhook secret of ${service.name}?`,
      body: "Every webhook from now on, retries included, is signed with the new secret: the app's verifier must be given it at once.",
      confirmLabel: "Rotate secret",
      destructive: true,
    });
    if (ok) rotate.mutate({ id: service.id });
  }

  return (
    <Dialog open={service !== null} title={`Webhook secret of ${service?.name ?? ""}`} onOpenChange={(open) => { if (!open) close(); }}>
      <p className="mb-3 text-sm text-slate-700">
        Verifies <code>X-Nexa-Signature</code>, and <code>X-Lago-Signature</code> when the service signs with HMAC
        (now: <strong>{service?.webhookSignature}</strong>). Revealing it is recorded in the audit log.
      </p>
      {secret ? (
        <div className="mb-5 flex items-center gap-2">
          <code data-testid="webhook-secret" className="flex-1 overflow-x-auto rounded-md bg-slate-100 px-3 py-2 text-sm">{secret}</code>
          <CopyButton value={secret} />
        </div>
      ) : (
        <div className="mb-5">
          <Button onClick={() => service && reveal.mutate({ id: service.id })} busy={reveal.isPending}>Reveal secret</Button>
        </div>
      )}
      <div className="flex justify-between gap-2">
        <Button variant="ghost" onClick={rotateSecret} busy={rotate.isPending}>Rotate secret</Button>
        <Button onClick={close}>Done</Button>
      </div>
    </Dialog>
  );
}
