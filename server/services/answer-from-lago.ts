import type { DbOrTx } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { type LagoAnswer, sendLagoRequest } from "~/server/lago-client/send-lago-request";
import { sealingKeyFrom } from "~/server/lib/sealed-secret";
import { env } from "~/server/env";
import { serviceLagoConnection } from "./service-lago-connection";

/**
 * For a shadow service, a read the hub cannot answer (its invoices are Lago's) asked of the
 * service's Lago instead, same method, path and query, and answered as Lago answered;
 * null for a live service, whose route answers itself. Read fresh on every call, so a
 * switch takes effect on the next request.
 */
export async function answerFromLago(options: { db: DbOrTx; serviceId: string; method: "GET" | "POST"; pathAndQuery: string }): Promise<LagoAnswer | null> {
  const service = await options.db.service.findUnique({ where: { id: options.serviceId }, select: { billingMode: true, lagoApiUrl: true, lagoApiKeySealed: true } });
  if (service?.billingMode !== "shadow") return null;
  const connection = serviceLagoConnection(service, sealingKeyFrom(env().NEXTAUTH_SECRET));
  // Never answered from the hub instead: its Odoo holds nothing for a shadow service, and an empty list would read as "no invoices".
  if (!connection) throw new AppError("unavailable", "this service is in shadow mode but its Lago key cannot be opened: enter it again in the console");
  try {
    return await sendLagoRequest(connection, options.method, options.pathAndQuery);
  } catch {
    throw new AppError("unavailable", "this service's Lago did not answer");
  }
}
