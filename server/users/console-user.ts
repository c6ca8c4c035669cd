import type { Prisma } from "~/generated/prisma/client";

/** What the console knows of a signed-in user: never the password hash. */
export const consoleUserSelect = { id: true, email: true, name: true, role: true, active: true } satisfies Prisma.UserSelect;
export type ConsoleUser = Prisma.UserGetPayload<{ select: typeof consoleUserSelect }>;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
