import { z } from "zod";
import { createService } from "~/server/services/create-service";
import { env } from "~/server/env";
import { sealingKeyFrom } from "~/server/lib/sealed-secret";
import { searchServices, toServiceRow as toRow } from "~/server/services/search-services";
import { revealWebhookSecret } from "~/server/services/reveal-webhook-secret";
import { rotateApiKey } from "~/server/services/rotate-api-key";
import { rotateWebhookSecret } from "~/server/services/rotate-webhook-secret";
import { setBillingMode } from "~/server/services/set-billing-mode";
import { setLagoConnection } from "~/server/services/set-lago-connection";
import { updateService } from "~/server/services/update-service";
import { areaProcedure, createTRPCRouter } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("services");

const webhookUrl = z.url({ protocol: /^https?$/ }).max(2000).nullable();
const webhookSignature = z.enum(["jwt", "hmac"]);
const id = z.object({ id: z.uuid() });

// Every answer goes through toRow, which keeps key hashes, webhook secrets and the sealed Lago key out.

export const servicesRouter = createTRPCRouter({
  list: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchServices({ db: ctx.db, query: input })),

  create: procedure
    .input(z.object({ code: z.string().trim().regex(/^[a-z0-9_-]{2,40}$/), name: z.string().trim().min(1).max(120), webhookUrl, webhookSignature: webhookSignature.optional() }))
    .mutation(async ({ ctx, input }) => {
      const { service, apiKey } = await createService({ db: ctx.db, ...input, actorId: ctx.user.id });
      return { service: toRow(service), apiKey };
    }),

  update: procedure
    .input(id.extend({ name: z.string().trim().min(1).max(120).optional(), webhookUrl: webhookUrl.optional(), webhookSignature: webhookSignature.optional() }))
    .mutation(async ({ ctx, input: { id, ...changes } }) => toRow(await updateService({ db: ctx.db, id, changes, actorId: ctx.user.id }))),

  setActive: procedure
    .input(id.extend({ active: z.boolean() }))
    .mutation(async ({ ctx, input }) => toRow(await updateService({ db: ctx.db, id: input.id, changes: { active: input.active }, actorId: ctx.user.id }))),

  rotateKey: procedure.input(id).mutation(async ({ ctx, input }) => {
    const { service, apiKey } = await rotateApiKey({ db: ctx.db, id: input.id, actorId: ctx.user.id });
    return { service: toRow(service), apiKey };
  }),

  // A mutation, not a query: each reveal is an audited act, never cached or prefetched.
  revealWebhookSecret: procedure.input(id).mutation(({ ctx, input }) => revealWebhookSecret({ db: ctx.db, id: input.id, actorId: ctx.user.id })),

  rotateWebhookSecret: procedure.input(id).mutation(async ({ ctx, input }) => {
    const { service, webhookSecret } = await rotateWebhookSecret({ db: ctx.db, id: input.id, actorId: ctx.user.id });
    return { service: toRow(service), webhookSecret };
  }),

  // The key is write-only: undefined keeps the stored one, null removes it; no procedure returns it.
  setLagoConnection: procedure
    .input(id.extend({ lagoApiUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable(), lagoApiKey: z.string().trim().min(1).max(500).nullable().optional() }))
    .mutation(async ({ ctx, input }) => toRow(await setLagoConnection({
      db: ctx.db, serviceId: input.id, apiUrl: input.lagoApiUrl, apiKey: input.lagoApiKey, sealingKey: sealingKeyFrom(env().NEXTAUTH_SECRET), actorId: ctx.user.id,
    }))),

  setBillingMode: procedure
    .input(id.extend({ mode: z.enum(["shadow", "live"]), reason: z.string().trim().max(500).optional() }))
    .mutation(async ({ ctx, input }) => toRow(await setBillingMode({ db: ctx.db, serviceId: input.id, mode: input.mode, actorId: ctx.user.id, reason: input.reason }))),
});
