import { hash, verify } from "@node-rs/argon2";

/**
 * OWASP Password Storage Cheat Sheet, argon2id: m=19456 KiB (19 MiB), t=2, p=1.
 * `algorithm: 2` is Algorithm.Argon2id; the package's const enum cannot be imported under isolatedModules.
 */
const ARGON2ID_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

// Computed once at start-up, not on the first unknown-email login (which would then take twice as long).
const dummyHash: Promise<string> = hashPassword("opentco-timing-equaliser");

/**
 * Verifies a password; with no stored hash (unknown email) it still runs one argon2 verification
 * against a throwaway hash so that response time does not reveal which emails have accounts.
 */
export async function verifyPassword(password: string, storedHash: string | null): Promise<boolean> {
  if (storedHash === null) {
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash is a data problem, not a reason to let anyone in.
    return false;
  }
}
