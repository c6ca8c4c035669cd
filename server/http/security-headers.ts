/*
 * Security headers of every answer. Static ones come from next.config.ts; pages get a
 * per-request CSP with a nonce from proxy.ts (Next.js applies the nonce to its scripts).
 */

/** On every response, pages, API and static files alike. */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // The console's Rotate key / Disable buttons must never be framed (clickjacking).
  { key: "X-Frame-Options", value: "DENY" },
  // Console URLs name customers and runs: never send them to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** JSON and CSV answers: nothing in them may run, load or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Console pages: scripts only from this origin with the request's nonce ('strict-dynamic'
 * lets those load their chunks); inline style attributes are allowed (React renders some),
 * nothing from other origins. `next dev` needs eval for its error overlay.
 */
export function pageContentSecurityPolicy(options: { nonce: string; development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
