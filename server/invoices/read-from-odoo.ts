import { AppError } from "~/server/errors";
import { isOdooError } from "~/server/odoo";

/** An Odoo that is down or refuses the hub is the API's 503, not a 500: the app retries later. */
export async function readFromOdoo<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isOdooError(error)) throw new AppError("unavailable", `Odoo did not answer: ${error.message}`);
    throw error;
  }
}
