import { AppError } from "~/server/errors";
import { isOdooError, type OdooClient } from "~/server/odoo";

/** What a customer page shows instead of a read from Odoo, when there is none. */
export type OdooUnanswered = { status: "not_configured"; message: string } | { status: "unavailable"; message: string };

/**
 * One read from Odoo for a console page, never a thrown error: "Odoo is not configured"
 * (the thunk refusing) and an unreachable or refusing Odoo are answers the page shows.
 */
export async function askOdoo<T>(odoo: () => OdooClient, read: (client: OdooClient) => Promise<T>): Promise<{ status: "ok"; value: T } | OdooUnanswered> {
  let client: OdooClient;
  try {
    client = odoo();
  } catch (error) {
    if (error instanceof AppError && error.code === "unavailable") return { status: "not_configured", message: error.message };
    throw error;
  }
  try {
    return { status: "ok", value: await read(client) };
  } catch (error) {
    if (isOdooError(error)) return { status: "unavailable", message: error.message };
    throw error;
  }
}
