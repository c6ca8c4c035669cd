import type { ReactNode } from "react";
import { requireArea } from "~/server/auth/require-area";
import { Forbidden } from "./forbidden";
import { CONSOLE_SCREENS } from "./console-screens";

/**
 * Server wrapper of every console page: signs the visitor in if needed and renders
 * the screen only when the role opens its area.
 */
export async function ConsolePage({ path, title, children }: { path: string; title?: string; children: ReactNode }) {
  // Detail pages (e.g. /reconciliation/<run id>) belong to the screen whose path they extend.
  const screen = CONSOLE_SCREENS.find((candidate) => path === candidate.path || path.startsWith(`${candidate.path}/`));
  if (!screen) throw new Error(`unknown console screen ${path}`);
  const { user, allowed } = await requireArea(screen.area, path);
  if (!allowed) return <Forbidden role={user.role} screen={screen.label} />;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{title ?? screen.label}</h1>
      {children}
    </>
  );
}
