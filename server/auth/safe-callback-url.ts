// A placeholder origin: only whether the URL stays on it matters, not the real host name.
const ORIGIN = "https://console.invalid";

/**
 * Where to go after signing in: the callback URL as a path on this origin, or "/". The
 * URL is resolved the way a browser resolves it (`\` as `/`, tabs and newlines dropped,
 * percent-escapes kept) and must stay on the origin: `/\evil.com`, `/<TAB>/evil.com`,
 * `//evil.com` and `https://evil.com` all leave it. A path that the browser would read as
 * protocol-relative (`//…`) is refused too.
 */
export function safeCallbackPath(callbackUrl: string | null | undefined): string {
  if (!callbackUrl) return "/";
  let url: URL;
  try {
    url = new URL(callbackUrl, ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}
