import { z } from "zod";

/** The only reader of process.env. Empty strings count as unset. */
const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/**
 * Signs console session JWTs when NEXTAUTH_SECRET is unset. Public on purpose: it is
 * accepted only with a local database (the embedded demo, or PostgreSQL on loopback as
 * in the test suites, which run `next start` in production mode), so a real deployment
 * with a remote database cannot start without its own secret.
 */
export const DEMO_NEXTAUTH_SECRET = "nexa-demo-only-nextauth-secret-do-not-use-in-production";

const isLocalDatabase = (url: string) =>
  url.startsWith("pglite:") || /^postgres(ql)?:\/\/([^@/]*@)?(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url);

const schema = z
  .object({
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().default("pglite:.data/demo")),
    API_MAX_BODY_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(1_048_576)),
    EVENTS_BATCH_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(100)),
    /**
     * /api/v1 requests allowed per service in one window, shared by every app process
     * (Redis or PostgreSQL, see REDIS_URL). The window is a minute unless tests shorten it.
     */
    API_RATE_LIMIT_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(6000)),
    API_RATE_LIMIT_WINDOW_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(60)),
    NEXTAUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32).optional()),
    /** The console's public URL, read by NextAuth too; must be https in production. */
    NEXTAUTH_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    /**
     * `development` under `next dev` (the demo): the one mode with plain-http, loopback webhook
     * URLs and non-Secure session cookies. `next start` (and so every test suite) is `production`.
     */
    NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).optional()),
    /**
     * Hosts (`host` or `host:port`, comma-separated) a service webhook URL may name although
     * they are http or resolve to a private address; everything else must be https to a public address.
     */
    WEBHOOK_ALLOWED_HOSTS: z.preprocess(emptyAsUndefined, z.string().optional()),
    /** The same allowlist for a Lago import's base URL (a self-hosted Lago on the private network). */
    LAGO_IMPORT_ALLOWED_HOSTS: z.preprocess(emptyAsUndefined, z.string().optional()),
    // Odoo's external API. Unset ODOO_URL = no Odoo configured: pushes report that clearly.
    ODOO_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    ODOO_API_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    /** Odoo's address as customers reach it (portal and payment links); default ODOO_URL. */
    ODOO_PORTAL_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    ODOO_DATABASE: z.preprocess(emptyAsUndefined, z.string().optional()),
    ODOO_PROTOCOL: z.preprocess(emptyAsUndefined, z.enum(["json2", "jsonrpc"]).default("json2")),
    /** Login of the API key's user, needed only by the legacy /jsonrpc protocol. */
    ODOO_LOGIN: z.preprocess(emptyAsUndefined, z.string().optional()),
    ODOO_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(15_000)),
    /** Shared secret of the cron routes (header `x-cron-secret`); unset = cron routes refuse every call. */
    CRON_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
    /** Plan usage pushes for Odoo orders whose next invoice is within this many hours. */
    USAGE_PUSH_LEAD_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().positive().default(48)),
    /**
     * How far back an event's timestamp may go (and so which months ingestion may create
     * partitions for): about three years by default.
     */
    USAGE_EVENTS_MAX_AGE_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(1100)),
    /** Months of raw events to keep (monthly partitions are dropped whole); unset = forever. */
    USAGE_EVENTS_RETENTION_MONTHS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().optional()),
    USAGE_PUSH_MAX_ATTEMPTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(10)),
    /** A shadow service's write is sent to Lago this many times (backing off to an hour), then dead-lettered. */
    LAGO_FORWARD_MAX_ATTEMPTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(12)),
    /** One forward's HTTP timeout; a drainer's lease on a forward is twice as long. */
    LAGO_FORWARD_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(30_000)),
    /** Token in the Odoo automation rule's webhook URL; unset = the inbound Odoo webhook refuses every call. */
    ODOO_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
    /** The lifecycle poller re-reads invoices issued within this many days. */
    ODOO_POLL_LOOKBACK_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(60)),
    /** Outbound webhooks are retried for this long, then dead-lettered. */
    WEBHOOK_RETRY_WINDOW_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().positive().default(24)),
    WEBHOOK_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(10_000)),
    /** `organization_id` of the Lago-compatible envelopes. */
    WEBHOOK_ORGANIZATION_ID: z.preprocess(emptyAsUndefined, z.string().default("nexa-billing-hub")),
    /**
     * The RSA key that signs `jwt` webhooks (X-Lago-Signature RS256), as Lago's
     * LAGO_RSA_PRIVATE_KEY: base64 of a PEM (a PEM itself is accepted too). Lago's own key
     * keeps the public key apps already hold valid.
     */
    WEBHOOK_RSA_PRIVATE_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    /** The `iss` claim of `jwt` webhooks (Lago: LAGO_API_URL); default PUBLIC_URL. */
    WEBHOOK_JWT_ISSUER: z.preprocess(emptyAsUndefined, z.string().optional()),
    /** The hub's own address as apps and customers reach it (invoice file URLs); default: the request's origin. */
    PUBLIC_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
    /** pino's level: trace, debug, info, warn, error, fatal or silent. */
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info")),
    /** Bearer token of GET /api/metrics (and the worker's /metrics); unset = both closed. */
    METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
    /**
     * Redis holding the API rate limit shared by every app process (`redis://host:6379/0`);
     * unset = PostgreSQL holds it (or, on the embedded database, the one process counts alone).
     */
    REDIS_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional()),
    /** How long a SIGTERM waits for in-flight requests (web) or jobs (worker) before closing them. */
    SHUTDOWN_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(25_000)),
    /**
     * How long a worker's claim on a job or a schedule lasts without renewal; the worker
     * renews it every third of that while it works, so a killed worker's work is retaken
     * within this time.
     */
    WORKER_LEASE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(60_000)),
    /** Overrides of the worker's schedule periods, e.g. `webhooks=10,usage-push=3600` (seconds). */
    WORKER_SCHEDULE_SECONDS: z.preprocess(emptyAsUndefined, z.string().regex(/^([a-z-]+=\d+)(,[a-z-]+=\d+)*$/, "must look like name=seconds,name=seconds").optional()),
    /** Port of the worker's own /health, /health/ready and /metrics; unset = the worker listens on nothing. */
    WORKER_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65_535).optional()),
  })
  .superRefine((parsed, ctx) => {
    // An http console URL would make NextAuth issue cookies without Secure and links to http.
    if (parsed.NODE_ENV === "production" && parsed.NEXTAUTH_URL && new URL(parsed.NEXTAUTH_URL).protocol !== "https:") {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "must be an https URL in production" });
    }
  })
  .transform((parsed, ctx) => {
    const local = isLocalDatabase(parsed.DATABASE_URL);
    // Secrets a deployment must bring itself; a local database (demo, tests) may run without.
    for (const key of ["NEXTAUTH_SECRET", "WEBHOOK_RSA_PRIVATE_KEY"] as const) {
      if (!parsed[key] && !local) ctx.issues.push({ code: "custom", path: [key], message: "required when DATABASE_URL is not a local database", input: undefined });
    }
    if (ctx.issues.length) return z.NEVER;
    return { ...parsed, NEXTAUTH_SECRET: parsed.NEXTAUTH_SECRET ?? DEMO_NEXTAUTH_SECRET };
  });

export type Env = z.output<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  parsed ??= schema.parse(process.env);
  return parsed;
}
