import type { UserRole } from "~/generated/prisma/enums";

export const USER_ROLES = ["finance", "ops", "admin"] as const satisfies readonly UserRole[];
export type Role = UserRole;

/**
 * Console areas and the roles that may read and change them. Admin may do everything,
 * so it is never listed. This table is the single source for tRPC procedures, pages
 * and the navigation: the server enforces it, the UI only hides what would be refused.
 */
export const AREA_ROLES = {
  services: [],
  users: [],
  audit: [],
  catalog: ["finance"],
  customers: ["finance", "ops"],
  identity: ["finance"],
  usage: ["finance", "ops"],
  jobs: ["ops"],
  webhooks: ["ops"],
  reconciliation: ["ops"],
  // An import rewrites the catalog: only the roles that own it may start one.
  "lago-import": ["finance"],
  // Which shadow services may leave Lago, and why not yet.
  migration: ["ops"],
  // Readiness, backlogs and schedules: the operators' page.
  status: ["ops"],
  // Reads the Odoo key's groups and the instance's setup: admins only.
  "odoo-check": [],
} as const satisfies Record<string, readonly Exclude<Role, "admin">[]>;

export type ConsoleArea = keyof typeof AREA_ROLES;

export function canAccess(role: Role, area: ConsoleArea): boolean {
  return role === "admin" || (AREA_ROLES[area] as readonly Role[]).includes(role);
}
