import { createHash, randomBytes } from 'node:crypto';

/** A random token with 256 bits of entropy, safe in a URL or a cookie. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored in place of a token: its SHA-256, so a leaked table reveals no token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
