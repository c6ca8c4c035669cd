import type { ReactNode } from "react";
import { Forbidden } from "~/components/forbidden";
import { requireArea } from "~/server/auth/require-area";

/**
 * Server wrapper of the reconciliation pages (the console's ConsolePage only knows the
 * screens of its menu list): signs the visitor in and renders only for the ops area.
 */
export async function ReconciliationPage({ path, title, children }: { path: string; title: string; children: ReactNode }) {
  const { user, allowed } = await requireArea("reconciliation", path);
  if (!allowed) return <Forbidden role={user.role} screen="Reconciliation" />;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{title}</h1>
      {children}
    </>
  );
}
