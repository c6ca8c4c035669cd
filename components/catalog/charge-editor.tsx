"use client";

import { CHARGE_MODELS, type ChargeModel } from "~/server/billing/pricing";
import { Button } from "../button";
import { SelectField, TextAreaField, TextField } from "../form-field";
import { type ChargeCheck, checkCharge, PROPERTY_TEMPLATES } from "./charge-preview";

export interface ChargeDraft {
  key: number;
  billableMetricCode: string;
  chargeModel: ChargeModel;
  propertiesJson: string;
  previewUnits: string;
}

export const newChargeDraft = (key: number, billableMetricCode: string, model: ChargeModel = "standard"): ChargeDraft => ({
  key, billableMetricCode, chargeModel: model, propertiesJson: JSON.stringify(PROPERTY_TEMPLATES[model], null, 2), previewUnits: "1250",
});

export const checkDraft = (draft: ChargeDraft, currency: string): ChargeCheck => checkCharge(draft.chargeModel, draft.propertiesJson, draft.previewUnits, currency);

/** One charge of a plan: metric, model, properties (validated as you type) and a price preview. */
export function ChargeEditor({ index, draft, currency, metricCodes, onChange, onRemove }: {
  index: number;
  draft: ChargeDraft;
  currency: string;
  metricCodes: string[];
  onChange: (draft: ChargeDraft) => void;
  onRemove: () => void;
}) {
  const check = checkDraft(draft, currency);
  return (
    <fieldset className="mb-3 rounded-md border border-slate-200 p-3" data-testid={`charge-${index}`}>
      <legend className="px-1 text-sm font-medium">Charge {index + 1}</legend>
      <div className="grid gap-x-3 sm:grid-cols-2">
        <SelectField
          label="Metric"
          value={draft.billableMetricCode}
          onChange={(event) => onChange({ ...draft, billableMetricCode: event.target.value })}
          options={metricCodes.map((code) => ({ value: code, label: code }))}
        />
        <SelectField
          label="Charge model"
          value={draft.chargeModel}
          onChange={(event) => {
            const model = event.target.value as ChargeModel;
            onChange({ ...draft, chargeModel: model, propertiesJson: JSON.stringify(PROPERTY_TEMPLATES[model], null, 2) });
          }}
          options={CHARGE_MODELS.map((model) => ({ value: model, label: model }))}
        />
      </div>
      <TextAreaField
        label="Properties (JSON)"
        rows={5}
        value={draft.propertiesJson}
        onChange={(event) => onChange({ ...draft, propertiesJson: event.target.value })}
        error={check.ok ? null : check.errors.join("; ")}
        hint="Amounts are decimal strings; free_units is the included quota."
      />
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-40">
          <TextField label="Preview units" inputMode="decimal" value={draft.previewUnits} onChange={(event) => onChange({ ...draft, previewUnits: event.target.value })} />
        </div>
        <output className="mb-3 text-sm font-medium text-indigo-800" data-testid={`charge-${index}-preview`} aria-live="polite">
          {check.ok ? (check.preview ?? "Enter units and a currency to preview") : "Fix the properties to preview"}
        </output>
        <Button variant="ghost" className="mb-3 ml-auto" onClick={onRemove}>Remove charge</Button>
      </div>
    </fieldset>
  );
}
