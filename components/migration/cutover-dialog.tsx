"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { fieldErrors } from "~/lib/trpc/error-message";
import { useTRPC } from "~/lib/trpc/react";
import { Dialog } from "../dialog";
import { FormActions, TextField } from "../form-field";

/** Schedule a cutover, cancel one before its boundary, or roll a service cut over to Odoo back to Lago. */
export type CutoverAction = { kind: "schedule" | "cancel" | "roll-back"; serviceCode: string } | null;

const WORDING = {
  schedule: {
    title: (code: string) => `Cut ${code} over to Odoo`,
    text: "At the next 1st of a month (UTC), Lago ends every subscription of this service and Odoo bills from then on. Until then Lago keeps billing.",
    submit: "Schedule cutover",
  },
  cancel: {
    title: (code: string) => `Cancel the cutover of ${code}`,
    text: "Lago keeps billing this service: each subscription gets its own ending back.",
    submit: "Cancel cutover",
  },
  "roll-back": {
    title: (code: string) => `Roll ${code} back to Lago`,
    text: "Odoo closes this service's orders without invoicing them, and Lago bills each subscription again from the cutover. Refused once Odoo has invoiced the service.",
    submit: "Roll back to Lago",
  },
} as const;

/**
 * Schedules a green service's cutover to Odoo at the next 1st (UTC), cancels a scheduled
 * one, or rolls a cut-over service back to Lago, once the operator has typed the service's
 * code. The server refuses a red gate, a subscription off the boundary, or a rollback after
 * Odoo's first invoice, and says why; each is audited.
 */
export function CutoverDialog({ action, onClose }: { action: CutoverAction; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedule = useMutation(trpc.migration.scheduleCutover.mutationOptions({ meta: { showsFieldErrors: true } }));
  const rollBack = useMutation(trpc.migration.rollBackCutover.mutationOptions({ meta: { showsFieldErrors: true } }));
  const mutation = action?.kind === "schedule" ? schedule : rollBack;
  const wording = WORDING[action?.kind ?? "schedule"];
  const close = () => { schedule.reset(); rollBack.reset(); onClose(); };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!action) return;
    const confirmation = String(new FormData(event.currentTarget).get("confirmation") ?? "").trim();
    try {
      if (action.kind === "schedule") {
        const scheduled = await schedule.mutateAsync({ serviceCode: action.serviceCode, confirmation });
        toast.success(`${action.serviceCode}: cutover at ${scheduled.cutoverAt?.toISOString()}; Lago told to end ${scheduled.lagoSubscriptionsEnding} subscription(s) there`);
      } else {
        const rolledBack = await rollBack.mutateAsync({ serviceCode: action.serviceCode, confirmation });
        toast.success(`${action.serviceCode}: ${rolledBack.stage}`);
      }
      await queryClient.invalidateQueries({ queryKey: trpc.migration.list.queryKey() });
      close();
    } catch {
      // Shown on the field, or as the toast of the refusal.
    }
  }

  const errors = fieldErrors(mutation.error);
  const refusal = mutation.error && !errors.confirmation ? mutation.error.message : null;
  return (
    <Dialog
      open={action !== null}
      title={wording.title(action?.serviceCode ?? "")}
      onOpenChange={(open) => { if (!open) close(); }}
    >
      {action && (
        <form onSubmit={submit}>
          <p className="mb-2 text-sm text-slate-700">{wording.text}</p>
          {refusal && <p role="alert" className="mb-2 text-sm text-red-800">{refusal}</p>}
          <TextField label={`Type ${action.serviceCode} to confirm`} name="confirmation" autoComplete="off" error={errors.confirmation} />
          <FormActions onCancel={close} submitLabel={wording.submit} busy={mutation.isPending} />
        </form>
      )}
    </Dialog>
  );
}
