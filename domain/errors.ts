/**
 * Errors the domain raises. Routes and socket handlers turn them into a 4xx response or an
 * error acknowledgement; none of them is ever a 500.
 */

/** Input that breaks a rule; `fields` maps form field names to message keys. */
export class InvalidInput extends Error {
  constructor(
    readonly fields: Record<string, string>,
    message = 'Invalid input',
  ) {
    super(message);
    this.name = 'InvalidInput';
  }
}

export class NotFound extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
    this.name = 'NotFound';
  }
}

export class Forbidden extends Error {
  constructor(
    readonly action: string,
    readonly resource: string,
  ) {
    super(`Not allowed to ${action} ${resource}`);
    this.name = 'Forbidden';
  }
}

/** Too many attempts; `retryAfterSeconds` tells the person when to try again. */
export class Throttled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; retry in ${retryAfterSeconds} s`);
    this.name = 'Throttled';
  }
}
