import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./server/http/security-headers";

const config: NextConfig = {
  // Parallel builds (several developers or CI jobs on one checkout) each get their own output dir.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // PGlite ships wasm + data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg",
    // Loaded from node_modules too: pino's stream and prom-client's registry are process-wide,
    // shared with the web server and the worker, and ioredis keeps its own sockets.
    "pino", "pino-pretty", "prom-client", "ioredis"],
  typedRoutes: false,
  // gzip of small JSON API answers was the largest CPU cost per request in profiles;
  // compression belongs to the reverse proxy in front, not to the app's single thread.
  compress: false,
  poweredByHeader: false,
  // The demo drains the job queue through this route every 2 s: not worth a dev log line each time.
  logging: { incomingRequests: { ignore: [/\/api\/cron\/jobs(\?|$)/] } },
  // Pages get their CSP (with a per-request nonce) from proxy.ts.
  headers: async () => [
    { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
  ],
  // `next dev` serves its scripts and HMR socket only to the host it was started for
  // (localhost) unless told otherwise; the demo opened at http://127.0.0.1:3000 would
  // render but never hydrate (forms submitting as plain GETs).
  allowedDevOrigins: ["127.0.0.1", "[::1]"],
};

export default config;
