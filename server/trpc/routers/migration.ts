import { listMigrationGates } from "~/server/migration/list-migration-gates";
import { areaProcedure, createTRPCRouter } from "../trpc";

/** The migration page (ops, admin): each shadow service's gate and the lines that block it. */
export const migrationRouter = createTRPCRouter({
  list: areaProcedure("migration").query(({ ctx }) => listMigrationGates({ db: ctx.db })),
});
