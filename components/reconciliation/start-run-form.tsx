"use client";

import { toast } from "sonner";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "~/components/button";
import { useTRPC } from "~/lib/trpc/react";

const INPUT = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const monthStart = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
};

/** Starts a run for a period (default: last month); the run executes in the background. */
export function StartRunForm({ onStarted }: { onStarted: () => void }) {
  const trpc = useTRPC();
  const [from, setFrom] = useState(monthStart(-1));
  const [to, setTo] = useState(monthStart(0));
  const [tolerance, setTolerance] = useState("0");
  const [service, setService] = useState("");
  const start = useMutation(trpc.reconciliation.start.mutationOptions({ onSuccess: () => { toast.success("Reconciliation started"); onStarted(); } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ from, to, toleranceCents: Number(tolerance), serviceCode: service.trim() || null });
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Start a reconciliation run">
      <label className="flex flex-col text-sm">From<input type="date" required value={from} onChange={(e) => setFrom(e.target.value)} className={INPUT} /></label>
      <label className="flex flex-col text-sm">To (exclusive)<input type="date" required value={to} onChange={(e) => setTo(e.target.value)} className={INPUT} /></label>
      <label className="flex flex-col text-sm">Tolerance (minor units)<input type="number" min={0} required value={tolerance} onChange={(e) => setTolerance(e.target.value)} className={`${INPUT} w-28`} /></label>
      <label className="flex flex-col text-sm">Service (blank = all)<input value={service} onChange={(e) => setService(e.target.value)} className={`${INPUT} w-36`} /></label>
      <Button type="submit" busy={start.isPending}>Run reconciliation</Button>
    </form>
  );
}
