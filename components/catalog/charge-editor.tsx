"use client";

import { useId } from "react";
import { CHARGE_MODELS, type ChargeModel } from "~/server/billing/pricing";
import { Button } from "../button";
import { SelectField, TextField } from "../form-field";
import { ChargeBreakdown } from "./charge-breakdown";
import { addTier, type ChargeCheck, type ChargeDraft, removeTier, setTierTo, type TierDraft, type TierField } from "./charge-draft";

const MODEL_LABELS: Record<ChargeModel, string> = {
  standard: "Standard (price per unit)",
  graduated: "Graduated (each tier prices its own units)",
  package: "Package (price per started package)",
  volume: "Volume (the tier of the total prices every unit)",
};

/** One charge of a plan: metric, model, its fields or tiers (checked as you type) and a priced preview with the breakdown. */
export function ChargeEditor({ index, draft, check, serverErrors, currency, metricCodes, onChange, onRemove }: {
  index: number;
  draft: ChargeDraft;
  check: ChargeCheck;
  /** The server's answer for this charge, by draft field (metric, amount, tiers…). */
  serverErrors: Record<string, string>;
  currency: string;
  metricCodes: string[];
  onChange: (draft: ChargeDraft) => void;
  onRemove: () => void;
}) {
  const error = (field: string) => check.errors[field] ?? serverErrors[field] ?? null;
  const tiered = draft.chargeModel === "graduated" || draft.chargeModel === "volume";
  return (
    <fieldset className="mb-3 rounded-md border border-slate-200 p-3" data-testid={`charge-${index}`}>
      <legend className="px-1 text-sm font-medium">Charge {index + 1}</legend>
      <div className="grid gap-x-3 sm:grid-cols-2">
        <SelectField label="Metric" value={draft.billableMetricCode} error={error("metric")}
          onChange={(event) => onChange({ ...draft, billableMetricCode: event.target.value })}
          options={metricCodes.map((code) => ({ value: code, label: code }))} />
        <SelectField label="Charge model" value={draft.chargeModel}
          onChange={(event) => onChange({ ...draft, chargeModel: event.target.value as ChargeModel })}
          options={CHARGE_MODELS.map((model) => ({ value: model, label: MODEL_LABELS[model] }))} />
      </div>
      <div className="grid gap-x-3 sm:grid-cols-3">
        {!tiered && (
          <TextField label={draft.chargeModel === "package" ? `Price per package (${currency})` : `Price per unit (${currency})`} inputMode="decimal"
            value={draft.amount} onChange={(event) => onChange({ ...draft, amount: event.target.value })} error={error("amount")} />
        )}
        {draft.chargeModel === "package" && (
          <TextField label="Package size (units)" inputMode="numeric" value={draft.packageSize}
            onChange={(event) => onChange({ ...draft, packageSize: event.target.value })} error={error("packageSize")} />
        )}
        <TextField label="Free units" inputMode="decimal" value={draft.freeUnits} hint="Included before the price applies"
          onChange={(event) => onChange({ ...draft, freeUnits: event.target.value })} error={error("freeUnits")} />
      </div>
      {tiered && (
        <TierTable index={index} tiers={draft.tiers} errors={check.tierErrors} listError={error("tiers")} currency={currency}
          onChange={(tiers) => onChange({ ...draft, tiers })} />
      )}
      {error("properties") && <p role="alert" className="mb-2 text-xs text-red-700">{error("properties")}</p>}
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-40">
          <TextField label="Preview units" inputMode="decimal" value={draft.previewUnits} error={error("previewUnits")}
            onChange={(event) => onChange({ ...draft, previewUnits: event.target.value })} />
        </div>
        <Button variant="ghost" className="mb-3 ml-auto" onClick={onRemove}>Remove charge</Button>
      </div>
      <ChargeBreakdown index={index} model={draft.chargeModel} priced={check.priced} currency={currency}
        valid={check.properties !== null} />
    </fieldset>
  );
}

const CELL = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500";

function TierTable({ index, tiers, errors, listError, currency, onChange }: {
  index: number;
  tiers: TierDraft[];
  errors: ChargeCheck["tierErrors"];
  listError: string | null;
  currency: string;
  onChange: (tiers: TierDraft[]) => void;
}) {
  const id = useId();
  const set = (position: number, field: TierField, value: string) =>
    onChange(field === "to" ? setTierTo(tiers, position, value) : tiers.map((tier, at) => (at === position ? { ...tier, [field]: value } : tier)));
  const cell = (position: number, field: TierField, label: string, options: { disabled?: boolean; placeholder?: string } = {}) => {
    const message = errors[position]?.[field];
    const errorId = `${id}-${position}-${field}`;
    return (
      <td className="px-1 py-1 align-top">
        <input aria-label={`Tier ${position + 1} ${label}`} aria-invalid={!!message} aria-describedby={message ? errorId : undefined}
          className={CELL} inputMode={field === "from" || field === "to" ? "numeric" : "decimal"} value={tiers[position]![field]}
          disabled={options.disabled} placeholder={options.placeholder} onChange={(event) => set(position, field, event.target.value)} />
        {message && <p id={errorId} className="mt-0.5 text-xs text-red-700">{message}</p>}
      </td>
    );
  };
  return (
    <div className="mb-3">
      <table aria-label={`Tiers of charge ${index + 1}`} aria-describedby={listError ? `${id}-list` : undefined} className="w-full text-left text-sm">
        <thead className="text-xs text-slate-600">
          <tr>
            <th className="px-1 font-medium">From (units)</th><th className="px-1 font-medium">To (units)</th>
            <th className="px-1 font-medium">Per unit ({currency})</th><th className="px-1 font-medium">Flat fee ({currency})</th><th className="px-1"><span className="sr-only">Remove</span></th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier, position) => (
            <tr key={tier.key}>
              {cell(position, "from", "from")}
              {cell(position, "to", "to", position === tiers.length - 1 ? { disabled: !tier.to, placeholder: "∞ no limit" } : {})}
              {cell(position, "perUnit", "price per unit")}
              {cell(position, "flat", "flat fee")}
              <td className="px-1 py-1 align-top">
                <Button variant="ghost" aria-label={`Remove tier ${position + 1}`} disabled={tiers.length === 1} onClick={() => onChange(removeTier(tiers, position))}>×</Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {listError && <p id={`${id}-list`} role="alert" className="mt-1 text-xs text-red-700">{listError}</p>}
      <Button variant="secondary" className="mt-1" onClick={() => onChange(addTier(tiers))}>Add tier</Button>
    </div>
  );
}
