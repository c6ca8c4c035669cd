import Link from "next/link";
import { redirect } from "next/navigation";
import { CONSOLE_SCREENS } from "~/components/console-screens";
import { getConsoleUser } from "~/server/auth/get-console-user";
import { canAccess } from "~/server/auth/roles";

export const dynamic = "force-dynamic";

/** Signed-in staff land on their first screen; anyone else sees what the hub is. */
export default async function HomePage() {
  const user = await getConsoleUser();
  const first = user && CONSOLE_SCREENS.find((screen) => canAccess(user.role, screen.area));
  if (first) redirect(first.path);
  return (
    <main className="mx-auto mt-16 max-w-2xl px-4 leading-relaxed">
      <h1 className="text-2xl font-semibold">Nexa Billing Hub</h1>
      <p className="mt-3">
        The Lago-compatible API is served under <code>/api/v1</code>. Point a Lago client at{" "}
        <code>http://this-host/api/v1</code> with a service API key.
      </p>
      <p className="mt-3">
        Staff: <Link href="/sign-in" className="text-indigo-700 underline">sign in to the admin console</Link>.
      </p>
    </main>
  );
}
