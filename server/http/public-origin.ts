import { env } from "~/server/env";
import type { ApiRequest } from "./api-request";

/**
 * The hub's address as the caller reached it, for URLs it hands out (an invoice's
 * `file_url`): PUBLIC_URL when set, else the request's Host (behind a proxy, its
 * X-Forwarded-Host/-Proto). Next's `request.url` names the address the server bound
 * (`localhost`), which a caller on another machine cannot reach.
 */
export function publicOrigin(request: ApiRequest): string {
  const configured = env().PUBLIC_URL;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.header("x-forwarded-host")?.split(",")[0]?.trim() || request.header("host") || url.host;
  const proto = request.header("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
