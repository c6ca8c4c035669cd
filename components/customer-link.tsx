import Link from "next/link";
import type { ReactNode } from "react";

/** Every table that names a customer links it to its customer page (/customers/<billing customer id>). */
export function CustomerLink({ id, children }: { id: string | null | undefined; children: ReactNode }) {
  if (!id) return <>{children}</>;
  return <Link href={`/customers/${id}`} className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700">{children}</Link>;
}
