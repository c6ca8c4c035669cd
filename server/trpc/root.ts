import { auditRouter } from "./routers/audit";
import { catalogRouter } from "./routers/catalog";
import { customersRouter } from "./routers/customers";
import { identityRouter } from "./routers/identity";
import { jobsRouter } from "./routers/jobs";
import { lagoImportRouter } from "./routers/lago-import";
import { odooCheckRouter } from "./routers/odoo-check";
import { reconciliationRouter } from "./routers/reconciliation";
import { servicesRouter } from "./routers/services";
import { migrationRouter } from "./routers/migration";
import { statusRouter } from "./routers/status";
import { usageRouter } from "./routers/usage";
import { usersRouter } from "./routers/users";
import { webhooksRouter } from "./routers/webhooks";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  services: servicesRouter,
  catalog: catalogRouter,
  customers: customersRouter,
  identity: identityRouter,
  usage: usageRouter,
  jobs: jobsRouter,
  webhooks: webhooksRouter,
  users: usersRouter,
  audit: auditRouter,
  reconciliation: reconciliationRouter,
  lagoImport: lagoImportRouter,
  odooCheck: odooCheckRouter,
  migration: migrationRouter,
  status: statusRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls (tests, server components) with an explicit context. */
export const createCaller = createCallerFactory(appRouter);
