import { redirect } from "next/navigation";
import type { ConsoleUser } from "~/server/users/console-user";
import { getConsoleUser } from "./get-console-user";
import { type ConsoleArea, canAccess } from "./roles";

/**
 * For console pages: sends anonymous visitors to sign in, and tells the page whether
 * the user's role opens this area. The tRPC procedures check again on every call.
 */
export async function requireArea(area: ConsoleArea, path: string): Promise<{ user: ConsoleUser; allowed: boolean }> {
  const user = await getConsoleUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return { user, allowed: canAccess(user.role, area) };
}
