/**
 * What went wrong with the database, in words fit for a log: an error code, never the query's
 * parameters (drizzle puts them, a paper's whole text or its Yjs bytes included, in the message
 * of the errors it throws). And whether the database is out of reach or refusing work for a
 * while (an outage: answer 503 and try again), rather than refusing one query for its content.
 */

/** Socket-level codes (Node) and postgres-js' own connection codes. */
const unreachable = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'DATABASE_TIMEOUT',
]);

/**
 * SQLSTATEs of a database that cannot do the work now, whatever the work: connection
 * exceptions (class 08), shutting down or starting (57P0x), a cancelled statement (57014, the
 * statement timeout), too many connections or no space (class 53), a read-only database (25006).
 */
const outageStates = /^(08...|57P0[1-4]|57014|53...|25006)$/;

/** The code of the first error in the cause chain that has one (SQLSTATE or system code). */
export function databaseErrorCode(error: unknown): string {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
  }
  return error instanceof Error ? error.name : 'unknown';
}

/** One line for a log: what failed and its code, never the query's values. */
export function describeDatabaseError(error: unknown): string {
  const code = databaseErrorCode(error);
  return isDatabaseUnavailable(error) ? `database unavailable (${code})` : `database error (${code})`;
}

/** True when the error says the database is out of reach or refuses all work for a while. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return unreachable.has(code) || outageStates.test(code);
}

/** Thrown when a query or a connection attempt takes longer than the bound (see db/client.ts). */
export class DatabaseTimeoutError extends Error {
  readonly code = 'DATABASE_TIMEOUT';
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
    this.name = 'DatabaseTimeoutError';
  }
}

/** True for errors that came from the database or its driver (drizzle wraps them with the query). */
export function isDatabaseError(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e === 'object' && ('query' in e || /^[0-9A-Z]{5}$/.test(String((e as { code?: unknown }).code ?? '')))) return true;
  }
  return false;
}
