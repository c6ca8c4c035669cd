"use client";

import { toast } from "sonner";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/lib/trpc/react";
import { refreshAfterWrite } from "~/lib/trpc/refresh-after-write";
import { Button } from "../button";
import { useConfirm } from "../confirm-dialog";

/**
 * Shadow services' writes Lago refused until they were dead-lettered, with Lago's answer
 * as it came; a replay sends one again at the next lago-forward drain.
 */
export function LagoForwardsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const forwards = useQuery(trpc.webhooks.listLagoForwards.queryOptions());
  const replay = useMutation(trpc.webhooks.replayLagoForward.mutationOptions({
    onSuccess: () => { toast.success("Lago forward queued for replay"); void refreshAfterWrite(queryClient, trpc.webhooks.pathKey()); },
  }));
  const rows = forwards.data ?? [];

  return (
    <section aria-label="Dead Lago forwards" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">Dead Lago forwards</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">None: every write of a shadow service reached its Lago, or is still being retried.</p>
      ) : (
        <table aria-label="Dead Lago forwards" className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr><th className="px-2 py-1">Service</th><th className="px-2 py-1">Request</th><th className="px-2 py-1">Attempts</th><th className="px-2 py-1">Lago&apos;s answer</th><th className="px-2 py-1">Actions</th></tr>
          </thead>
          <tbody>
            {rows.map((forward) => (
              <tr key={forward.id} className="border-t border-slate-100 align-top">
                <td className="px-2 py-1">{forward.serviceCode}</td>
                <td className="px-2 py-1">
                  <details>
                    <summary className="cursor-pointer"><code>{forward.method} {forward.path}</code></summary>
                    <pre className="mt-1 max-h-48 max-w-md overflow-auto rounded bg-slate-100 p-2 text-xs">{JSON.stringify(forward.body, null, 2)}</pre>
                  </details>
                </td>
                <td className="px-2 py-1">{forward.attempts}</td>
                <td className="px-2 py-1"><code className="break-all text-xs">{forward.lastStatus === null ? "no answer" : `HTTP ${forward.lastStatus}`} {forward.lastError}</code></td>
                <td className="px-2 py-1">
                  <Button variant="ghost" busy={replay.isPending && replay.variables?.id === forward.id} onClick={async () => {
                    if (await confirm({ title: "Replay this Lago forward?", body: `${forward.method} ${forward.path} will be sent to ${forward.serviceCode}'s Lago again.`, confirmLabel: "Replay" })) replay.mutate({ id: forward.id });
                  }}>Replay</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
