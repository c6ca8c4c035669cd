/*
 * tRPC in three parts, as create-t3-app lays it out: the context (database + the
 * signed-in user), initialisation (superjson, error formatting) and the procedures
 * every router builds on.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { getConsoleUser } from "~/server/auth/get-console-user";
import { type ConsoleArea, canAccess } from "~/server/auth/roles";
import { type Db, getDb } from "~/server/db/client";
import { AppError, type AppErrorCode } from "~/server/errors";
import type { ConsoleUser } from "~/server/users/console-user";

// 1. Context
export interface TRPCContext {
  db: Db;
  user: ConsoleUser | null;
}

export async function createTRPCContext(): Promise<TRPCContext> {
  return { db: await getDb(), user: await getConsoleUser() };
}

// 2. Initialisation. AppError codes are mapped to tRPC codes here, once.
const TRPC_CODES: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  bad_request: "BAD_REQUEST",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  validation_errors: "UNPROCESSABLE_CONTENT",
  not_allowed: "CONFLICT",
  payload_too_large: "PAYLOAD_TOO_LARGE",
  rate_limited: "TOO_MANY_REQUESTS",
  unavailable: "SERVICE_UNAVAILABLE",
};

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    // A 500 says nothing of what failed (Prisma's messages quote queries and arguments);
    // the server log has the class, code and stack (app/api/trpc/[trpc]/route.ts).
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message: "Internal server error", data: { ...data, zodError: null, appError: null } };
    }
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        appError: cause instanceof AppError ? { code: cause.code, details: cause.extra.details ?? null } : null,
      },
    };
  },
});

/** Domain code throws AppError; callers get the matching tRPC code (and HTTP status). */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  return result;
});

// 3. Procedures
export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { user: ctx.user } });
});

/** A procedure of one console area: the user's role must open it (roles.ts), checked on every call. */
export const areaProcedure = (area: ConsoleArea) =>
  protectedProcedure.use(({ ctx, next }) => {
    if (!canAccess(ctx.user.role, area)) throw new TRPCError({ code: "FORBIDDEN", message: `the ${ctx.user.role} role cannot use ${area}` });
    return next();
  });
