"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Shows only the screens the user's role opens; the server refuses the others anyway. */
export function ConsoleNav({ screens, user }: { screens: ReadonlyArray<{ path: string; label: string }>; user: { email: string; role: string } }) {
  const pathname = usePathname();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="font-semibold text-indigo-700">Nexa Billing Hub</Link>
        <nav aria-label="Console" className="flex flex-wrap gap-1">
          {screens.map((screen) => (
            <Link
              key={screen.path}
              href={screen.path}
              aria-current={pathname.startsWith(screen.path) ? "page" : undefined}
              className="rounded-md px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:font-medium aria-[current=page]:text-indigo-700"
            >
              {screen.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-600" data-testid="signed-in-as">{user.email} · <span className="font-medium">{user.role}</span></span>
          <button type="button" onClick={() => signOut({ callbackUrl: "/sign-in" })} className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100">
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
