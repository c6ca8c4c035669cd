import type { ReactNode } from "react";
import { requireArea } from "~/server/auth/require-area";
import { Forbidden } from "./forbidden";
import { CONSOLE_SCREENS } from "./console-screens";

/**
 * Server wrapper of every console page: signs the visitor in if needed and renders
 * the screen only when the role opens its area.
 */
export async function ConsolePage({ path, children }: { path: string; children: ReactNode }) {
  const screen = CONSOLE_SCREENS.find((candidate) => candidate.path === path);
  if (!screen) throw new Error(`unknown console screen ${path}`);
  const { user, allowed } = await requireArea(screen.area, path);
  if (!allowed) return <Forbidden role={user.role} screen={screen.label} />;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{screen.label}</h1>
      {children}
    </>
  );
}
