import type { ReactNode } from "react";
import { ConsoleNav } from "~/components/console-nav";
import { ConsoleProviders } from "~/components/console-providers";
import { CONSOLE_SCREENS } from "~/components/console-screens";
import { getConsoleUser } from "~/server/auth/get-console-user";
import { canAccess } from "~/server/auth/roles";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await getConsoleUser();
  // Anonymous: the page itself redirects to sign-in, with its own path as the callback.
  if (!user) return children;
  const screens = CONSOLE_SCREENS.filter((screen) => canAccess(user.role, screen.area));
  return (
    <ConsoleProviders>
      <ConsoleNav screens={screens} user={user} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </ConsoleProviders>
  );
}
