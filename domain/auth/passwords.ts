import { hash, verify } from '@node-rs/argon2';

// OWASP's recommended Argon2id parameters (19 MiB, 2 iterations, 1 lane).
const options = { algorithm: 2 /* Argon2id: a const enum, not importable here */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const passwordRules = { minLength: 10, maxLength: 200 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same time as a real verification, so that a wrong email cannot be told from a
 * wrong password by the time the answer takes.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-0000');
  await verifyPassword(await dummyHash, password);
  return false;
}
