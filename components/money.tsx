import { formatMoney } from "~/server/billing/pricing";

/** An amount in minor units with its currency (formatMoney); absent amounts show a dash. */
export function Money({ cents, currency }: { cents: bigint | null; currency: string | null }) {
  if (cents === null) return <span className="text-slate-500">—</span>;
  return <span className="whitespace-nowrap">{currency ? formatMoney(cents, currency) : `${cents} (no currency)`}</span>;
}
