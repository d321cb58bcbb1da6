/** Argon2id password hashing with OWASP parameters (19 MiB, 2 iterations, parallelism 1). */
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum in the typings)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the same work as a real check, for logins of unknown users (enumeration safety). */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword('mlquest-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
