import { AppError } from "~/server/errors";
import { assertOutboundUrl, OutboundUrlError } from "~/server/lib/guarded-fetch";
import { webhookUrlPolicy } from "./webhook-url-policy";

/** Refuses, with the reason, a webhook URL the address guard would never call. */
export async function checkWebhookUrl(webhookUrl: string | null | undefined): Promise<void> {
  if (!webhookUrl) return;
  try {
    await assertOutboundUrl(webhookUrl, { policy: webhookUrlPolicy() });
  } catch (error) {
    if (error instanceof OutboundUrlError) throw new AppError("validation_errors", error.message, { details: { webhookUrl: [error.message] } });
    throw error;
  }
}
