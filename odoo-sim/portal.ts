/**
 * The customer portal's invoice page (account/controllers/portal.py
 * portal_my_invoice_detail, auth="public"): `/my/invoices/<id>?access_token=…`. A wrong
 * or missing token redirects to /my (303, as request.redirect does); with
 * `report_type=pdf&download=true` a posted invoice is its PDF (Odoo renders it with
 * wkhtmltopdf; the simulator writes a one-page stand-in naming the invoice).
 */
import { getRecord } from "./records";
import type { Reply } from "./reply";
import { envFor, type SimState } from "./state";

const INVOICE_PAGE = /^\/my\/invoices\/(\d+)$/;

export const isPortalPath = (path: string) => INVOICE_PAGE.test(path);

function minimalPdf(text: string): string {
  const content = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  return [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj",
    `4 0 obj << /Length ${content.length} >> stream\n${content}\nendstream endobj`,
    "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
}

export function handlePortal(sim: SimState, url: URL): Reply {
  const id = Number(INVOICE_PAGE.exec(url.pathname)![1]);
  const move = getRecord(envFor(sim), "account.move", id);
  const token = url.searchParams.get("access_token");
  if (!move || !token || move.access_token !== token) return { status: 303, headers: { Location: "/my", "Content-Type": "text/html; charset=utf-8" }, body: "" };
  if (url.searchParams.get("report_type") === "pdf" && url.searchParams.get("download") === "true" && move.state === "posted") {
    const name = String(move.name);
    return {
      status: 200,
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name.replaceAll("/", "_"))}.pdf` },
      body: minimalPdf(`Invoice ${name}`),
    };
  }
  return { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body: `<!doctype html>\n<title>${String(move.name)}</title>\n` };
}
