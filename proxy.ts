import { NextResponse, type NextRequest } from "next/server";
import { env } from "~/server/env";
import { pageContentSecurityPolicy } from "~/server/http/security-headers";

/*
 * Runs before API routes and pages:
 * - API: Next.js decodes dynamic path segments itself and answers a malformed escape such
 *   as `%E0%A4%A` with a bare 500. API clients get Lago's 400 instead.
 * - Pages: a fresh CSP nonce per request (Next.js puts it on its own scripts), and a
 *   sign-in form that reached the server as a GET (submitted before hydration by an older
 *   page) is sent back without the password in its URL.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    try {
      decodeURIComponent(pathname);
    } catch {
      return NextResponse.json({ status: 400, error: "BadRequest: malformed percent-encoding in path" }, { status: 400 });
    }
    return NextResponse.next();
  }
  if (pathname === "/sign-in" && (searchParams.has("password") || searchParams.has("email"))) {
    const clean = new URL("/sign-in", request.url);
    const callbackUrl = searchParams.get("callbackUrl");
    if (callbackUrl) clean.searchParams.set("callbackUrl", callbackUrl);
    return NextResponse.redirect(clean, 303);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pageContentSecurityPolicy({ nonce, development: env().NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Every API path except the two ingestion endpoints: they have no dynamic segment to
    // decode, and a proxy pass cost a fifth of their per-request CPU in profiles.
    "/api/((?!v1/events$|v1/events/batch$).*)",
    // Pages; not static assets (they carry the static headers of next.config.ts).
    "/((?!api/|_next/static|_next/image|favicon.ico).*)",
  ],
};
