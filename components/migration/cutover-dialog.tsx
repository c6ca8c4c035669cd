"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { fieldErrors } from "~/lib/trpc/error-message";
import { useTRPC } from "~/lib/trpc/react";
import { Dialog } from "../dialog";
import { FormActions, TextField } from "../form-field";

export type CutoverAction = { kind: "schedule" | "roll-back"; serviceCode: string } | null;

/**
 * Schedules a green service's cutover to Odoo at the next 1st (UTC), or cancels a
 * scheduled one, once the operator has typed the service's code. The server refuses a
 * red gate or a subscription off the boundary and says why; both are audited.
 */
export function CutoverDialog({ action, onClose }: { action: CutoverAction; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schedule = useMutation(trpc.migration.scheduleCutover.mutationOptions({ meta: { showsFieldErrors: true } }));
  const rollBack = useMutation(trpc.migration.rollBackCutover.mutationOptions({ meta: { showsFieldErrors: true } }));
  const mutation = action?.kind === "roll-back" ? rollBack : schedule;
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
      title={action?.kind === "roll-back" ? `Cancel the cutover of ${action.serviceCode}` : `Cut ${action?.serviceCode ?? ""} over to Odoo`}
      onOpenChange={(open) => { if (!open) close(); }}
    >
      {action && (
        <form onSubmit={submit}>
          <p className="mb-2 text-sm text-slate-700">
            {action.kind === "schedule"
              ? "At the next 1st of a month (UTC), Lago ends every subscription of this service and Odoo bills from then on. Until then Lago keeps billing."
              : "Lago keeps billing this service: each subscription gets its own ending back."}
          </p>
          {refusal && <p role="alert" className="mb-2 text-sm text-red-800">{refusal}</p>}
          <TextField label={`Type ${action.serviceCode} to confirm`} name="confirmation" autoComplete="off" error={errors.confirmation} />
          <FormActions onCancel={close} submitLabel={action.kind === "schedule" ? "Schedule cutover" : "Cancel cutover"} busy={mutation.isPending} />
        </form>
      )}
    </Dialog>
  );
}
