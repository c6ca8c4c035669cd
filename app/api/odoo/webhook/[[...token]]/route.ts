import { getDb } from "~/server/db/client";
import { env } from "~/server/env";
import { lagoErrorResponse } from "~/server/lago-api/error-response";
import { readJsonBody } from "~/server/lago-api/read-json-body";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { matchesSecret, receiveOdooWebhook } from "~/server/webhooks";

export const dynamic = "force-dynamic";

/**
 * POST /api/odoo/webhook/<ODOO_WEBHOOK_SECRET> (or /api/odoo/webhook with an
 * `x-odoo-webhook-secret` header): Odoo automation rules' "Send Webhook Notification"
 * for account.move payment_state and sale.order subscription_state changes.
 */
export async function POST(request: Request, route: { params: Promise<{ token?: string[] }> }): Promise<Response> {
  try {
    const { token } = await route.params;
    const given = token === undefined ? request.headers.get("x-odoo-webhook-secret") : token.length === 1 ? token[0] : null;
    if (!matchesSecret(given, env().ODOO_WEBHOOK_SECRET)) return Response.json({ status: 401, error: "Unauthorized" }, { status: 401 });
    const body = await readJsonBody(request, env().API_MAX_BODY_BYTES);
    return Response.json(await receiveOdooWebhook({ db: await getDb(), odoo: odooClientFromEnv(), body }));
  } catch (error) {
    return lagoErrorResponse(error);
  }
}
