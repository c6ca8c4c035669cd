/**
 * account.payment.term: Lago's net_payment_term (days from the invoice's date to its due
 * date) as the Odoo term that says so, which Odoo dates invoice_date_due from.
 */
import { z } from "zod";
import type { OdooClient } from "../client";
import { isOdooError } from "../errors";
import { createOnce } from "./create-once";
import { ids, m2oId } from "./fields";

const termRow = z.object({ id: z.number().int(), line_ids: ids, early_discount: z.boolean() });
const lineRow = z.object({ payment_id: m2oId });

/**
 * A term of exactly one line for 100% of the amount `days` after the invoice date, with no
 * early payment discount: Odoo's own "30 Days" is one, "2/7 Net 30" (a discount) and
 * "30% Now, Balance 60 Days" (two lines) are not. The oldest such term when several are.
 */
export async function findPaymentTerm(client: OdooClient, days: number): Promise<number | null> {
  const lines = z.array(lineRow).parse(await client.call("account.payment.term.line", "search_read", {
    domain: [["value", "=", "percent"], ["value_amount", "=", 100], ["delay_type", "=", "days_after"], ["nb_days", "=", days]],
    fields: ["payment_id"],
  }));
  const termIds = [...new Set(lines.flatMap((line) => (line.payment_id === null ? [] : [line.payment_id])))];
  if (!termIds.length) return null;
  const terms = z.array(termRow).parse(await client.call("account.payment.term", "search_read", {
    domain: [["id", "in", termIds], ["early_discount", "=", false]], fields: ["line_ids", "early_discount"], order: "id",
  }));
  return terms.find((term) => term.line_ids.length === 1)?.id ?? null;
}

/**
 * The term of `days`, created once when Odoo has none (named as Odoo names its own,
 * "45 Days"). Only Accounting / Administrator may create terms: for a hub user without it
 * (the groups the README gives it) the answer is null, for ops to create the term.
 */
export async function findOrCreatePaymentTerm(client: OdooClient, days: number): Promise<number | null> {
  const found = await findPaymentTerm(client, days);
  if (found !== null) return found;
  const vals = { name: `${days} Days`, line_ids: [[0, 0, { value: "percent", value_amount: 100, delay_type: "days_after", nb_days: days }]] };
  try {
    return await createOnce(client, "account.payment.term", vals, () => findPaymentTerm(client, days));
  } catch (error) {
    if (isOdooError(error) && error.kind === "access") return null;
    throw error;
  }
}
