import type { LagoImportRun } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { AppError, notFound } from "~/server/errors";
import { assertOutboundUrl, OutboundUrlError } from "~/server/lib/guarded-fetch";
import { lagoApiRoot } from "~/server/lago-client/fetch-lago-json";
import { lagoAddressPolicy } from "~/server/lago-client/lago-address-policy";
import type { ImportScope } from "./import-progress";

/**
 * The import run to work on for (service, Lago instance): the latest unfinished one, so a
 * rerun resumes from its checkpoint (in its own scope), or a new one of `scope` once the
 * last import succeeded. A base
 * URL the address guard refuses (not https, or pointing inside the network, unless
 * allowlisted) is refused here already, before a run exists.
 */
export async function openLagoImport(options: { db: DbOrTx; serviceCode: string; baseUrl: string; scope?: ImportScope }): Promise<{ run: LagoImportRun; resumed: boolean }> {
  try {
    await assertOutboundUrl(options.baseUrl, { policy: lagoAddressPolicy() });
  } catch (error) {
    if (error instanceof OutboundUrlError) throw new AppError("validation_errors", error.message, { details: { baseUrl: [error.message] } });
    throw error;
  }
  const service = await options.db.service.findUnique({ where: { code: options.serviceCode }, select: { id: true } });
  if (!service) throw notFound("service");
  const baseUrl = lagoApiRoot(options.baseUrl);
  const latest = await options.db.lagoImportRun.findFirst({ where: { serviceId: service.id, baseUrl }, orderBy: { createdAt: "desc" } });
  if (latest && latest.status !== "succeeded") return { run: latest, resumed: true };
  return { run: await options.db.lagoImportRun.create({ data: { serviceId: service.id, baseUrl, scope: options.scope ?? "full" } }), resumed: false };
}
