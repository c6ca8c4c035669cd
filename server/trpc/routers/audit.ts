import { searchAuditLogs } from "~/server/audit/search-audit-logs";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

/** The audit log (admin): every console change and API write, who made it (user or service), before and after. */
export const auditRouter = createTRPCRouter({
  list: areaProcedure("audit").input(tableQuerySchema).query(({ ctx, input }) => searchAuditLogs({ db: ctx.db, query: input })),
});
