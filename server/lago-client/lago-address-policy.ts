import { env } from "~/server/env";
import { type OutboundPolicy, parseAllowedHosts } from "~/server/lib/outbound-url";

/**
 * Where the hub may reach a Lago (import, shadow forwarding, proxied reads): https to a public address (Lago's cloud), or a host
 * listed in LAGO_IMPORT_ALLOWED_HOSTS (a self-hosted Lago inside the network, http allowed).
 */
export const lagoAddressPolicy = (): OutboundPolicy => ({ allowedHosts: parseAllowedHosts(env().LAGO_IMPORT_ALLOWED_HOSTS) });
