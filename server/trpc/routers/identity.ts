import { z } from "zod";
import { getBillingCustomer } from "~/server/identity/get-billing-customer";
import { linkAccount } from "~/server/identity/link-account";
import { searchAccounts } from "~/server/identity/search-accounts";
import { setOdooPartner } from "~/server/identity/set-odoo-partner";
import { verifyOdooPartner } from "~/server/identity/verify-odoo-partner";
import { configuredOdooClient } from "~/server/odoo/client-from-env";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("identity");

export const identityRouter = createTRPCRouter({
  listAccounts: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchAccounts({ db: ctx.db, query: input })),

  getCustomer: procedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getBillingCustomer({ db: ctx.db, id: input.id })),

  /** Without billingCustomerId the account is split out into a billing customer of its own. */
  linkAccount: procedure
    .input(z.object({ accountLinkId: z.uuid(), billingCustomerId: z.uuid().optional() }))
    .mutation(({ ctx, input }) => linkAccount({ db: ctx.db, ...input, actorId: ctx.user.id })),

  setOdooPartner: procedure
    .input(z.object({ billingCustomerId: z.uuid(), odooPartnerId: z.number().int().positive().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const partner = input.odooPartnerId === null ? null : await verifyOdooPartner({ odoo: configuredOdooClient(), odooPartnerId: input.odooPartnerId });
      return { customer: await setOdooPartner({ db: ctx.db, ...input, actorId: ctx.user.id }), odooPartnerName: partner?.name ?? null };
    }),
});
