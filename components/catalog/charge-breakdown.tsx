import { type ChargeModel, formatMoney, formatMoneyAmount, type GraduatedDetails, type PricedCharge, type VolumeDetails } from "~/server/billing/pricing";

const units = (value: string) => groupDigits(value);

/** "1234567.5" → "1,234,567.5", exactly (no float): units can exceed what a double holds. */
function groupDigits(value: string): string {
  const [whole = "0", fraction] = value.split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ? `.${fraction}` : ""}`;
}

const range = (from: number, to: number | null) => (to === null ? `${groupDigits(String(from))} and above` : `${groupDigits(String(from))} – ${groupDigits(String(to))}`);

/**
 * The preview of one charge at the preview units: free units, then per tier what it
 * holds and costs (graduated), or the tier the total falls in (volume), and the total
 * rounded to the currency as the invoice line will be.
 */
export function ChargeBreakdown({ index, model, priced, currency, valid }: { index: number; model: ChargeModel; priced: PricedCharge | null; currency: string; valid: boolean }) {
  if (!priced) {
    return (
      <output className="block text-sm text-slate-600" data-testid={`charge-${index}-preview`}>
        {valid ? "Enter units and a currency to preview." : "Fix the highlighted fields to preview."}
      </output>
    );
  }
  const money = (amount: string) => formatMoneyAmount(amount, currency);
  return (
    <output className="block rounded-md bg-slate-50 p-2 text-sm" data-testid={`charge-${index}-preview`} aria-live="polite">
      <span className="block">
        {units(priced.units)} units{priced.freeUnitsUsed !== "0" ? `, ${units(priced.freeUnitsUsed)} free, ${units(priced.billableUnits)} billable` : ""} →{" "}
        <strong data-testid={`charge-${index}-total`}>{formatMoney(priced.amountCents, currency)}</strong>
      </span>
      {model === "graduated" && (
        <table aria-label={`Breakdown of charge ${index + 1}`} className="mt-2 w-full text-left text-xs">
          <thead className="text-slate-600"><tr><th className="font-medium">Tier</th><th className="font-medium">Units</th><th className="font-medium">Per unit</th><th className="font-medium">Units × price</th><th className="font-medium">Flat</th><th className="text-right font-medium">Tier total</th></tr></thead>
          <tbody>
            {(priced.details as GraduatedDetails).ranges.map((tier) => (
              <tr key={tier.fromValue} className="border-t border-slate-200">
                <td>{range(tier.fromValue, tier.toValue)}</td><td>{units(tier.units)}</td><td>{money(tier.perUnitAmount)}</td>
                <td>{money(tier.perUnitTotalAmount)}</td><td>{money(tier.flatUnitAmount)}</td><td className="text-right">{money(tier.totalWithFlatAmount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {model === "volume" && <VolumeLine details={priced.details as VolumeDetails} billable={priced.billableUnits} money={money} />}
    </output>
  );
}

function VolumeLine({ details, billable, money }: { details: VolumeDetails; billable: string; money: (amount: string) => string }) {
  return (
    <span className="mt-1 block text-xs text-slate-700" data-testid="volume-breakdown">
      Tier {range(details.fromValue, details.toValue)} applies to every unit: {units(billable)} × {money(details.perUnitAmount)} = {money(details.perUnitTotalAmount)}
      {details.flatUnitAmount !== "0" ? ` + ${money(details.flatUnitAmount)} flat` : ""}
    </span>
  );
}
