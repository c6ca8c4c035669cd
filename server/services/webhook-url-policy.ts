import { type Env, env } from "~/server/env";
import { type OutboundPolicy, parseAllowedHosts } from "~/server/lib/outbound-url";

// Under `next dev` a developer points webhooks at a receiver on their own machine.
const LOCAL_DEVELOPMENT_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * Where service webhooks may go: https to a public address, or a host listed in
 * WEBHOOK_ALLOWED_HOSTS; in local development (NODE_ENV=development) also loopback over http.
 */
export function webhookUrlPolicy(settings: Pick<Env, "WEBHOOK_ALLOWED_HOSTS" | "NODE_ENV"> = env()): OutboundPolicy {
  const { WEBHOOK_ALLOWED_HOSTS, NODE_ENV } = settings;
  return { allowedHosts: [...parseAllowedHosts(WEBHOOK_ALLOWED_HOSTS), ...(NODE_ENV === "development" ? LOCAL_DEVELOPMENT_HOSTS : [])] };
}
