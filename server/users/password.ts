import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from "node:crypto";
import bcrypt from "bcryptjs";
import { concurrencyLimit } from "~/server/lib/concurrency-limit";

/*
 * Passwords are hashed with scrypt from node:crypto: it runs on libuv's thread pool, so a
 * burst of sign-ins never blocks the request thread (bcryptjs, pure JavaScript, did: 20
 * parallel sign-ins stalled every API answer for seconds). N=2^16, r=8, p=1 is 64 MiB and
 * about 200 ms per hash here. At most two hashes run at once (the pool's other threads
 * stay free for DNS and files) and at most 64 wait; past that a sign-in is refused as busy.
 *
 * Stored as `scrypt$<log2 N>$<r>$<p>$<salt b64>$<key b64>`, so the cost can be raised later.
 * Hashes of the bcrypt era (`$2a$`/`$2b$`) still verify, one at a time, and are replaced by
 * an scrypt hash at the next successful sign-in (verify-credentials.ts).
 */
const LOG2_N = 16;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

const limit = concurrencyLimit({ concurrency: 2, maxQueued: 64 });
const legacyLimit = concurrencyLimit({ concurrency: 1, maxQueued: 64 });

function deriveKey(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** log2N, r, p, maxmem: 256 * r * 2 ** log2N };
  return limit(() => new Promise((resolve, reject) => scrypt(password.normalize("NFC"), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, LOG2_N, R, P);
  return `scrypt$${LOG2_N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export const isLegacyHash = (hash: string) => /^\$2[aby]\$/.test(hash);

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (isLegacyHash(hash)) return legacyLimit(() => bcrypt.compare(password, hash));
  const [scheme, log2N, r, p, salt, expected] = hash.split("$");
  if (scheme !== "scrypt" || !salt || !expected) return false;
  const key = await deriveKey(password, Buffer.from(salt, "base64"), Number(log2N), Number(r), Number(p));
  const wanted = Buffer.from(expected, "base64");
  return key.length === wanted.length && timingSafeEqual(key, wanted);
}

let unknownUserHash: Promise<string> | undefined;

/** Compared against when the email is unknown, so both paths take as long. */
export const getUnknownUserHash = () => (unknownUserHash ??= hashPassword("no user has this password"));
