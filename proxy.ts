import { NextResponse, type NextRequest } from "next/server";

/*
 * Next.js decodes dynamic path segments itself and answers a malformed escape such as
 * `%E0%A4%A` with a bare 500. API clients get Lago's 400 instead.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.json({ status: 400, error: "BadRequest: malformed percent-encoding in path" }, { status: 400 });
  }
  return NextResponse.next();
}

// Every API path except the two ingestion endpoints: they have no dynamic segment to
// decode, and a proxy pass cost a fifth of their per-request CPU in profiles.
export const config = { matcher: "/api/((?!v1/events$|v1/events/batch$).*)" };
