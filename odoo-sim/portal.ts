/**
 * The customer portal's record pages opened with a record's access token (auth="public"):
 * an invoice (account/controllers/portal.py portal_my_invoice_detail,
 * `/my/invoices/<id>?access_token=…`) and an order (sale/controllers/portal.py
 * portal_order_page, `/my/orders/<id>?access_token=…`). A wrong or missing token
 * redirects to /my (303, as request.redirect does); for an invoice, with
 * `report_type=pdf&download=true` a posted invoice is its PDF (Odoo renders it with
 * wkhtmltopdf; the simulator writes a one-page stand-in naming the invoice).
 */
import { getRecord } from "./records";
import type { Reply } from "./reply";
import { envFor, type SimState } from "./state";

const PAGES = [
  { path: /^\/my\/invoices\/(\d+)$/, model: "account.move" },
  { path: /^\/my\/orders\/(\d+)$/, model: "sale.order" },
] as const;

const pageOf = (path: string) => PAGES.find((page) => page.path.test(path));

export const isPortalPath = (path: string) => pageOf(path) !== undefined;

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
  const page = pageOf(url.pathname)!;
  const record = getRecord(envFor(sim), page.model, Number(page.path.exec(url.pathname)![1]));
  const token = url.searchParams.get("access_token");
  if (!record || !token || record.access_token !== token) return { status: 303, headers: { Location: "/my", "Content-Type": "text/html; charset=utf-8" }, body: "" };
  if (page.model === "account.move" && url.searchParams.get("report_type") === "pdf" && url.searchParams.get("download") === "true" && record.state === "posted") {
    const name = String(record.name);
    return {
      status: 200,
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name.replaceAll("/", "_"))}.pdf` },
      body: minimalPdf(`Invoice ${name}`),
    };
  }
  return { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body: `<!doctype html>\n<title>${String(record.name)}</title>\n` };
}
