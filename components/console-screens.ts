import type { ConsoleArea } from "~/server/auth/roles";

/** The console's screens in menu order; each belongs to one area of roles.ts. */
export const CONSOLE_SCREENS: ReadonlyArray<{ area: ConsoleArea; path: string; label: string }> = [
  { area: "services", path: "/services", label: "Services" },
  { area: "catalog", path: "/catalog", label: "Catalog" },
  { area: "customers", path: "/customers", label: "Customers" },
  { area: "identity", path: "/identity", label: "Identity links" },
  { area: "usage", path: "/usage", label: "Usage" },
  { area: "jobs", path: "/jobs", label: "Jobs" },
  { area: "webhooks", path: "/webhooks", label: "Webhooks" },
  { area: "reconciliation", path: "/reconciliation", label: "Reconciliation" },
  { area: "lago-import", path: "/lago-import", label: "Lago import" },
  { area: "migration", path: "/migration", label: "Migration" },
  { area: "odoo-check", path: "/odoo-check", label: "Odoo check" },
  { area: "status", path: "/status", label: "Status" },
  { area: "users", path: "/users", label: "Users" },
  { area: "audit", path: "/audit", label: "Audit log" },
];
