import { getServerSession } from "next-auth";
import { getDb } from "~/server/db/client";
import type { ConsoleUser } from "~/server/users/console-user";
import { findConsoleUser } from "~/server/users/find-console-user";
import { authOptions } from "./auth-options";

/** The signed-in, still active console user of this request, or null. */
export async function getConsoleUser(): Promise<ConsoleUser | null> {
  const session = await getServerSession(authOptions());
  if (!session?.user.id) return null;
  return findConsoleUser({ db: await getDb(), id: session.user.id, sessionVersion: session.user.sessionVersion });
}
