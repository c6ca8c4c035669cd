import { statusLabel, statusTone, type Tone } from "./status-labels";

// -800 on -50 keeps a contrast ratio above 4.5:1 (WCAG AA) for every tone.
const TONES: Record<Tone, string> = {
  good: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  bad: "bg-red-50 text-red-800 ring-red-200",
  warn: "bg-amber-50 text-amber-900 ring-amber-200",
  busy: "bg-sky-50 text-sky-800 ring-sky-200",
  idle: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** A status as a readable, coloured label; the raw code stays available as a data attribute for tests and support. */
export function StatusBadge({ status, suffix }: { status: string; suffix?: string }) {
  return (
    <span data-status={status} className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[statusTone(status)]}`}>
      {statusLabel(status)}{suffix ? ` ${suffix}` : ""}
    </span>
  );
}
