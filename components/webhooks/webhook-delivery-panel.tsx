"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/lib/trpc/react";
import { Spinner } from "../spinner";
import { StatusBadge } from "../status-badge";

/** One delivery for support: where it goes, every HTTP attempt (status, latency, answer) and the signed payload. */
export function WebhookDeliveryPanel({ deliveryId }: { deliveryId: string }) {
  const trpc = useTRPC();
  const delivery = useQuery(trpc.webhooks.get.queryOptions({ id: deliveryId }));
  if (!delivery.data) return <div className="p-6"><Spinner /></div>;
  const { data } = delivery;

  return (
    <section aria-label="Webhook delivery" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{data.webhookType} → {data.service.code}</h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Endpoint</dt><dd className="break-all">{data.service.webhookUrl ?? "none configured"}</dd>
        <dt className="text-slate-600">State</dt><dd><StatusBadge status={data.state} suffix={data.deadAt ? `since ${data.deadAt.toLocaleString()}` : undefined} /></dd>
        <dt className="text-slate-500">Retries until</dt><dd>{data.retryUntil.toLocaleString()}</dd>
        <dt className="text-slate-500">Unique key</dt><dd><code>{data.id}</code></dd>
      </dl>
      <table aria-label="Attempts" className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr><th className="px-2 py-1">#</th><th className="px-2 py-1">At</th><th className="px-2 py-1">Status</th><th className="px-2 py-1">Latency</th><th className="px-2 py-1">Answer or error</th></tr>
        </thead>
        <tbody>
          {data.attemptLog.map((attempt) => (
            <tr key={attempt.id} className="border-t border-slate-100 align-top">
              <td className="px-2 py-1">{attempt.number}</td>
              <td className="px-2 py-1 whitespace-nowrap">{attempt.createdAt.toLocaleString()}</td>
              <td className="px-2 py-1">{attempt.status === null ? "no answer" : `HTTP ${attempt.status}`}</td>
              <td className="px-2 py-1">{attempt.latencyMs} ms</td>
              <td className="px-2 py-1"><code className="break-all text-xs">{attempt.error ?? attempt.responseExcerpt ?? ""}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.attemptLog.length === 0 && <p className="text-sm text-slate-500">Not attempted yet: the next drain sends it.</p>}
      <details>
        <summary className="cursor-pointer text-sm text-indigo-700">Payload</summary>
        <pre className="mt-1 max-h-72 overflow-auto rounded bg-slate-100 p-2 text-xs">{JSON.stringify(data.payload, null, 2)}</pre>
      </details>
    </section>
  );
}
