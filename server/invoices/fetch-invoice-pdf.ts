import type { DbOrTx } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { OdooClient } from "~/server/odoo";
import { invoicePortalLink } from "./invoice-portal-link";

export interface InvoicePdf {
  body: ReadableStream<Uint8Array>;
  /** Odoo's Content-Disposition (the invoice number as file name). */
  disposition: string;
}

/**
 * The PDF Odoo renders for an invoice the service's key may see, read from Odoo's portal
 * with the invoice's access token (account/controllers/portal.py, `report_type=pdf`,
 * `download=true`) and handed on as a stream. Anything but a PDF (Odoo without
 * wkhtmltopdf, a redirect to the portal's login) is a 503 saying so, never a broken file.
 */
export async function fetchInvoicePdf(options: {
  db: DbOrTx;
  odoo: () => OdooClient;
  serviceId: string;
  lagoId: string;
  /** Where the hub reaches Odoo (ODOO_URL), not the customers' address. */
  odooBaseUrl: string;
  timeoutMs: number;
}): Promise<InvoicePdf> {
  const { url } = await invoicePortalLink({ ...options, portalBaseUrl: options.odooBaseUrl, purpose: "document" });
  url.searchParams.set("report_type", "pdf");
  url.searchParams.set("download", "true");
  let response: Response;
  try {
    response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    throw new AppError("unavailable", `Odoo did not answer for the invoice's PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
  const type = response.headers.get("content-type") ?? "";
  if (response.status !== 200 || !type.startsWith("application/pdf") || !response.body) {
    await response.body?.cancel();
    throw new AppError("unavailable", `Odoo answered ${response.status} ${type || "(no content type)"} instead of the invoice's PDF`);
  }
  return { body: response.body, disposition: response.headers.get("content-disposition") ?? "attachment" };
}
