// Paths whose last segment is a secret: the inbound Odoo webhook carries its token there.
const SECRET_SEGMENT = /^(\/api\/odoo\/webhook\/)[^/?]+/;

/**
 * A request target as the access log may show it: the path only (a query string can
 * carry anything, e.g. a password a pre-hydration form sent as GET) and with secret
 * segments replaced.
 */
export function loggablePath(target: string): string {
  const path = target.split("?", 1)[0] ?? "/";
  return path.replace(SECRET_SEGMENT, "$1[secret]").slice(0, 300);
}
