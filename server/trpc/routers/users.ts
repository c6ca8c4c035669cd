import { z } from "zod";
import { USER_ROLES } from "~/server/auth/roles";
import { createUser } from "~/server/users/create-user";
import { searchUsers } from "~/server/users/search-users";
import { updateUser } from "~/server/users/update-user";
import { areaProcedure, createTRPCRouter, protectedProcedure } from "../trpc";
import { tableQuerySchema } from "../table-input";

const procedure = areaProcedure("users");

export const usersRouter = createTRPCRouter({
  /** Who am I: the console shows the role and hides areas it would refuse. */
  me: protectedProcedure.query(({ ctx }) => ctx.user),

  list: procedure.input(tableQuerySchema).query(({ ctx, input }) => searchUsers({ db: ctx.db, query: input })),

  create: procedure
    .input(z.object({ email: z.email().max(320), name: z.string().trim().max(120).nullish(), password: z.string().min(12).max(200), role: z.enum(USER_ROLES) }))
    .mutation(({ ctx, input }) => createUser({ db: ctx.db, ...input, actorId: ctx.user.id })),

  update: procedure
    .input(z.object({ id: z.uuid(), name: z.string().trim().max(120).nullish(), role: z.enum(USER_ROLES).optional(), active: z.boolean().optional() }))
    .mutation(({ ctx, input: { id, ...changes } }) => updateUser({ db: ctx.db, id, changes, actorId: ctx.user.id })),
});
