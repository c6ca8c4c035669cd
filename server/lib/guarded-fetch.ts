import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch, type RequestInit, type Response } from "undici";
import { addressRange, checkOutboundUrl, isIpAddressHost, isPublicAddress, type OutboundPolicy } from "./outbound-url";

/** A URL or resolved address the address guard refuses; `message` is safe to store and show. */
export class OutboundUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundUrlError";
  }
}

/** Resolves every address of a host name (dns.lookup with `all: true`, so /etc/hosts counts too). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** The addresses of `hostname` a connection may use: all of them must be public unless the host is allowlisted. */
export async function resolveOutboundAddresses(hostname: string, trusted: boolean, resolve: ResolveHost = systemResolve): Promise<LookupAddress[]> {
  const addresses = await resolve(hostname);
  if (addresses.length === 0) throw new OutboundUrlError(`${hostname} does not resolve`);
  const refused = trusted ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
  if (refused) throw new OutboundUrlError(`${hostname} resolves to a ${addressRange(refused.address)} address`);
  return addresses;
}

/**
 * net.connect's `lookup`: resolves and checks at every new connection, and hands the
 * socket the very addresses it checked, so a DNS answer that changes between the check
 * and the connect (rebinding) cannot slip a private address in.
 */
export function guardedLookup(trusted: boolean, resolve: ResolveHost = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolveOutboundAddresses(hostname, trusted, resolve).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((entry) => entry.family === options.family) : addresses;
        if (wanted.length === 0) return callback(new OutboundUrlError(`${hostname} has no IPv${options.family} address`), "", 0);
        if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, wanted);
        callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, "", 0),
    );
  };
}

const agents = new Map<string, Agent>();

function agentFor(trusted: boolean, resolve?: ResolveHost): Agent {
  if (resolve) return new Agent({ connect: { lookup: guardedLookup(trusted, resolve) } });
  const key = String(trusted);
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = new Agent({ connect: { lookup: guardedLookup(trusted) } })));
  return agent;
}

/**
 * fetch() through the address guard: the URL is checked before the request (scheme,
 * credentials, IP literals) and every connection's resolved addresses when it opens.
 * Redirects are never followed, so an allowed host cannot bounce the request inside.
 */
export async function guardedFetch(rawUrl: string, init: Omit<RequestInit, "dispatcher" | "redirect">, options: { policy: OutboundPolicy; resolve?: ResolveHost }): Promise<Response> {
  const check = checkOutboundUrl(rawUrl, options.policy);
  if (!check.ok) throw new OutboundUrlError(`the URL ${check.reason}`);
  try {
    return await undiciFetch(check.url, { ...init, redirect: "manual", dispatcher: agentFor(check.trusted, options.resolve) });
  } catch (error) {
    // undici wraps connection failures in "fetch failed"; surface the guard's own refusal.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof OutboundUrlError) throw cause;
    throw error;
  }
}

/**
 * At save time: refuses a URL the guard would refuse, including a host name that
 * resolves to a private address now. A name that does not resolve yet is accepted (it is
 * checked again at every request).
 */
export async function assertOutboundUrl(rawUrl: string, options: { policy: OutboundPolicy; resolve?: ResolveHost }): Promise<void> {
  const check = checkOutboundUrl(rawUrl, options.policy);
  if (!check.ok) throw new OutboundUrlError(`the URL ${check.reason}`);
  if (check.trusted || isIpAddressHost(check.url.hostname)) return;
  try {
    await resolveOutboundAddresses(check.url.hostname, false, options.resolve);
  } catch (error) {
    if (error instanceof OutboundUrlError && !error.message.endsWith("does not resolve")) throw error;
  }
}
