import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "~/server/trpc/root";

/* Console sign-in over HTTP as the browser does it, usable outside vitest (the bench signs in too). */

/** Cookies from Set-Cookie headers as one `Cookie` header value (names and values only). */
export function cookieHeader(response: Response, previous = ""): string {
  const jar = new Map(previous.split("; ").filter(Boolean).map((pair) => pair.split("=", 2) as [string, string]));
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    jar.set(pair!.slice(0, index), pair!.slice(index + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Signs in through NextAuth's credentials callback exactly as the browser form does
 * (CSRF token first): the session cookie (null when refused), NextAuth's `error` and the
 * Set-Cookie lines. `headers` adds e.g. an X-Forwarded-For.
 */
export async function postSignIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookies = cookieHeader(response, cookieHeader(csrf));
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  return {
    cookie: /next-auth\.session-token=/.test(cookies) ? cookies : null,
    error: url ? new URL(url).searchParams.get("error") : null,
    setCookies: response.headers.getSetCookie(),
  };
}

/** The session cookie of a successful sign-in, or null when sign-in is refused. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string | null> {
  return (await postSignIn(baseUrl, email, password)).cookie;
}

/** Signs out as the browser does (CSRF token, POST /api/auth/signout). */
export async function signOutOverHttp(baseUrl: string, cookie: string): Promise<void> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf, cookie) },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  if (response.status >= 400) throw new Error(`sign-out answered ${response.status}`);
}

/** A typed tRPC client over real HTTP carrying a session cookie (or none). */
export function consoleClient(baseUrl: string, cookie: string | null) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: cookie ? { cookie } : {} })],
  });
}
