"use client";

import { type FormEvent, useState } from "react";
import { FormActions, SelectField, TextField } from "../form-field";

export interface ServiceFormValues {
  code: string;
  name: string;
  webhookUrl: string | null;
  webhookSignature: "jwt" | "hmac";
}

const SIGNATURES = [
  { value: "jwt", label: "JWT, RS256 (Lago's default; verify with GET /api/v1/webhooks/public_key)" },
  { value: "hmac", label: "HMAC-SHA256 with the service's webhook secret" },
] as const;

/** Create (code editable) or edit (name, webhook URL, signature) a service. */
export function ServiceForm({ initial, busy, errors, onSubmit, onCancel }: {
  initial?: ServiceFormValues;
  busy: boolean;
  /** The server's answer per field (a code already used, a refused URL). */
  errors: Record<string, string>;
  onSubmit: (values: ServiceFormValues) => void;
  onCancel: () => void;
}) {
  const [urlError, setUrlError] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const webhookUrl = String(form.get("webhookUrl") ?? "").trim();
    if (webhookUrl && !/^https?:\/\/\S+$/.test(webhookUrl)) {
      setUrlError("Use an http(s) URL, or leave empty for no webhooks.");
      return;
    }
    onSubmit({
      code: String(form.get("code") ?? initial?.code ?? ""),
      name: String(form.get("name")),
      webhookUrl: webhookUrl || null,
      webhookSignature: form.get("webhookSignature") === "hmac" ? "hmac" : "jwt",
    });
  }
  return (
    <form onSubmit={submit}>
      {!initial && <TextField label="Code" name="code" required pattern="[a-z0-9_\-]{2,40}" hint="Lowercase, e.g. nexacloud" autoFocus error={errors.code} />}
      <TextField label="Name" name="name" required defaultValue={initial?.name} autoFocus={!!initial} error={errors.name} />
      <TextField label="Webhook URL" name="webhookUrl" type="url" defaultValue={initial?.webhookUrl ?? ""} error={urlError ?? errors.webhookUrl} hint="Where the hub posts lifecycle webhooks" />
      <SelectField
        label="X-Lago-Signature"
        name="webhookSignature"
        options={SIGNATURES}
        defaultValue={initial?.webhookSignature ?? "jwt"}
        hint="What the app's Lago verifier expects. X-Nexa-Signature (timestamped HMAC) is always sent too."
      />
      <FormActions onCancel={onCancel} submitLabel={initial ? "Save" : "Create service"} busy={busy} />
    </form>
  );
}
