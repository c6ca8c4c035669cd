"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { fieldErrors } from "~/lib/trpc/error-message";
import { useTRPC } from "~/lib/trpc/react";
import type { ServiceRow } from "~/server/services/search-services";
import { Dialog } from "../dialog";
import { FormActions, SelectField, TextField } from "../form-field";

const MODES = [
  { value: "live", label: "Live: Odoo bills through the hub" },
  { value: "shadow", label: "Shadow: Lago still bills; the hub meters, forwards and proxies invoice reads to Lago" },
] as const;

/**
 * Who bills a service, and the Lago it is migrating from. The Lago key is write-only: the
 * dialog says whether one is set and sends a new one only when typed; the connection is
 * saved before the mode, since shadow needs it. Both changes are audited.
 */
export function BillingModeDialog({ service, onClose }: { service: ServiceRow | null; onClose: () => void }) {
  const trpc = useTRPC();
  const connect = useMutation(trpc.services.setLagoConnection.mutationOptions({ meta: { showsFieldErrors: true } }));
  const switchMode = useMutation(trpc.services.setBillingMode.mutationOptions({ meta: { showsFieldErrors: true } }));
  const close = () => { connect.reset(); switchMode.reset(); onClose(); };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!service) return;
    const form = new FormData(event.currentTarget);
    const lagoApiUrl = String(form.get("lagoApiUrl") ?? "").trim() || null;
    const lagoApiKey = String(form.get("lagoApiKey") ?? "").trim();
    const mode = form.get("mode") === "shadow" ? "shadow" : "live";
    const reason = String(form.get("reason") ?? "").trim() || undefined;
    try {
      if (lagoApiUrl !== service.lagoApiUrl || lagoApiKey) await connect.mutateAsync({ id: service.id, lagoApiUrl, ...(lagoApiKey ? { lagoApiKey } : {}) });
      if (mode !== service.billingMode) await switchMode.mutateAsync({ id: service.id, mode, reason });
      toast.success(`${service.code}: ${mode}`);
      close();
    } catch {
      // Shown on the fields (the mutations' field errors).
    }
  }

  const errors = { ...fieldErrors(connect.error), ...fieldErrors(switchMode.error) };
  return (
    <Dialog open={service !== null} title={`Billing of ${service?.name ?? ""}`} onOpenChange={(open) => { if (!open) close(); }}>
      {service && (
        <form onSubmit={submit}>
          <SelectField label="Billing mode" name="mode" options={MODES} defaultValue={service.billingMode} error={errors.billingMode ?? errors.mode} />
          <TextField label="Lago API URL" name="lagoApiUrl" type="url" defaultValue={service.lagoApiUrl ?? ""} error={errors.lagoApiUrl} hint="e.g. https://api.getlago.com; required for shadow" />
          <TextField
            label="Lago API key"
            name="lagoApiKey"
            type="password"
            autoComplete="off"
            error={errors.lagoApiKey}
            hint={service.lagoKeySet ? "A key is set. Leave empty to keep it; it is never shown." : "No key set."}
          />
          <TextField label="Reason" name="reason" maxLength={500} hint="Recorded in the audit log with a mode change" />
          <FormActions onCancel={close} submitLabel="Save" busy={connect.isPending || switchMode.isPending} />
        </form>
      )}
    </Dialog>
  );
}
