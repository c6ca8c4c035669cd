import { env } from "~/server/env";
import { type SecretRouteContext, secretRoute } from "./secret-route";

/** A cron route: the caller presents CRON_SECRET in `x-cron-secret`; an unset secret closes every cron route. */
export const cronRoute = (handler: (context: SecretRouteContext<Record<string, never>>) => Promise<unknown>) =>
  secretRoute<Record<string, never>>({ expected: () => env().CRON_SECRET, given: (request) => request.headers.get("x-cron-secret") }, handler);
