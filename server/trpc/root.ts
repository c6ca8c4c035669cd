import { catalogRouter } from "./routers/catalog";
import { reconciliationRouter } from "./routers/reconciliation";
import { identityRouter } from "./routers/identity";
import { jobsRouter } from "./routers/jobs";
import { servicesRouter } from "./routers/services";
import { auditRouter, usersRouter } from "./routers/users";
import { usageRouter } from "./routers/usage";
import { webhookDeliveriesRouter } from "./routers/webhook-deliveries";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  services: servicesRouter,
  catalog: catalogRouter,
  identity: identityRouter,
  usage: usageRouter,
  jobs: jobsRouter,
  webhookDeliveries: webhookDeliveriesRouter,
  users: usersRouter,
  audit: auditRouter,
  reconciliation: reconciliationRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls (tests, server components) with an explicit context. */
export const createCaller = createCallerFactory(appRouter);
