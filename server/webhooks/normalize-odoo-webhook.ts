import { z } from "zod";
import { badRequest } from "~/server/errors";
import { WATCHED_MODELS, type WatchedModel } from "./lifecycle-types";

// Odoo's "Send Webhook Notification" body; the chosen fields ride along but are only
// a hint: the record is re-read through the API, so they are not trusted or parsed.
const odooWebhookBody = z.looseObject({
  _id: z.number().int().positive(),
  _model: z.string().min(1),
  _action: z.string().optional(),
});

/**
 * Which record an Odoo automation-rule call is about. Models the hub does not watch
 * give null (answered 200 so Odoo's log stays clean); a body without `_id`/`_model`
 * is a bad request.
 */
export function normalizeOdooWebhook(body: unknown): { model: WatchedModel; id: number } | null {
  const parsed = odooWebhookBody.safeParse(body);
  if (!parsed.success) throw badRequest("expected an Odoo webhook body with _model and _id");
  const model = WATCHED_MODELS.find((m) => m === parsed.data._model);
  return model ? { model, id: parsed.data._id } : null;
}
