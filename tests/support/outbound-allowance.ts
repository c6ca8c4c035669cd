/**
 * The suites' webhook receivers and Lago peer listen on 127.0.0.1 over plain http. The
 * address guard refuses that in production, so the suites allow exactly that host, as an
 * operator would for a self-hosted peer (README, Hardening); everything else stays refused.
 */
export const TEST_OUTBOUND_ALLOWANCE = { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1", LAGO_IMPORT_ALLOWED_HOSTS: "127.0.0.1" };
