import { z } from "zod";
import { getCustomerOverview } from "~/server/customers/get-customer-overview";
import { listCustomerInvoices } from "~/server/customers/list-customer-invoices";
import { listCustomerOrderWarnings } from "~/server/customers/list-customer-order-warnings";
import { searchCustomers } from "~/server/customers/search-customers";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("customers");
const id = z.object({ id: z.uuid() });

/** Customer pages (finance and ops): billing customers, one customer's accounts, subscriptions, usage, webhooks, its Odoo invoices and what stops Odoo invoicing its orders. */
export const customersRouter = createTRPCRouter({
  list: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchCustomers({ db: ctx.db, query: input })),
  get: procedure.input(id).query(({ ctx, input }) => getCustomerOverview({ db: ctx.db, id: input.id })),
  invoices: procedure.input(id).query(({ ctx, input }) => listCustomerInvoices({ db: ctx.db, id: input.id, odoo: odooClientFromEnv })),
  orderWarnings: procedure.input(id).query(({ ctx, input }) => listCustomerOrderWarnings({ db: ctx.db, id: input.id, odoo: odooClientFromEnv })),
});
