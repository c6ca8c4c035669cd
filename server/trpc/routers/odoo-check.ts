import { env } from "~/server/env";
import { checkOdooReadiness } from "~/server/odoo-check/check-odoo-readiness";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { areaProcedure, createTRPCRouter } from "../trpc";

/** The Odoo readiness check (admin), the same report as `npm run odoo:check`, against the configured Odoo. */
export const odooCheckRouter = createTRPCRouter({
  run: areaProcedure("odoo-check").query(({ ctx }) => {
    const settings = env();
    const odoo = odooClientFromEnv();
    return checkOdooReadiness({
      db: ctx.db, odoo, url: settings.ODOO_URL!, database: settings.ODOO_DATABASE ?? null,
      webhook: { publicUrl: settings.PUBLIC_URL ?? null, secret: settings.ODOO_WEBHOOK_SECRET ?? null },
    });
  }),
});
