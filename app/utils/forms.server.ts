/**
 * Form handling for actions: parse with a zod schema, answer 400 with messages beside the
 * fields, and turn domain errors into the right status, never a 500.
 */
import { data } from '@remix-run/node';
import type { z } from 'zod';
import { Forbidden, InvalidInput, NotFound, Throttled } from '../../domain/errors.ts';

export interface FormErrors {
  /** Field name → message key; `form` is for the form as a whole. */
  errors: Record<string, string>;
  /** Values to put back into the form (never passwords). */
  values?: Record<string, unknown>;
  retryAfterSeconds?: number;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown):
  | { ok: true; value: z.infer<S> }
  | { ok: false; errors: Record<string, string> } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.field.invalid';
  }
  return { ok: false, errors };
}

export function invalid(errors: Record<string, string>, values?: Record<string, unknown>, status = 400) {
  return data<FormErrors>({ errors, values }, { status });
}

/** Maps a domain error to a response; anything else is a real fault and is rethrown. */
export function domainErrorResponse(error: unknown, values?: Record<string, unknown>) {
  if (error instanceof InvalidInput) return invalid(error.fields, values);
  if (error instanceof Throttled) {
    return data<FormErrors>(
      { errors: { form: 'errors.signIn.throttled' }, values, retryAfterSeconds: error.retryAfterSeconds },
      { status: 429, headers: { 'Retry-After': String(error.retryAfterSeconds) } },
    );
  }
  if (error instanceof NotFound) throw new Response('Not found', { status: 404 });
  if (error instanceof Forbidden) throw new Response('Forbidden', { status: 403 });
  throw error;
}

/** Form fields that may repeat (checkbox groups) as an array. */
export function formObject(formData: FormData, arrays: string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of formData) {
    if (typeof value !== 'string') continue;
    if (arrays.includes(key)) (result[key] as string[] | undefined)?.push(value) ?? (result[key] = [value]);
    else result[key] = value;
  }
  for (const key of arrays) result[key] ??= [];
  return result;
}
