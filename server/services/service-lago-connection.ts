import type { LagoConnection } from "~/server/lago-client/fetch-lago-json";
import { openSealedSecret } from "~/server/lib/sealed-secret";

/**
 * The Lago a service is migrating from, its key opened with the server's sealing key; null
 * when none was entered or the key cannot be opened (another NEXTAUTH_SECRET), so callers
 * say "no Lago connection" rather than send a wrong key.
 */
export function serviceLagoConnection(service: { lagoApiUrl: string | null; lagoApiKeySealed: string | null }, sealingKey: Buffer): LagoConnection | null {
  if (!service.lagoApiUrl || !service.lagoApiKeySealed) return null;
  const apiKey = openSealedSecret(service.lagoApiKeySealed, sealingKey);
  return apiKey === null ? null : { baseUrl: service.lagoApiUrl, apiKey };
}
