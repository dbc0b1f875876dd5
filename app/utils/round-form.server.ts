import type { Database } from '../../db/client.ts';
import { roundSchema } from '../../domain/rounds.ts';
import { formObject, parseWith } from './forms.server.ts';

/** Reads the round form: the organizations ticked in its picker (filters and "select all shown" tick them in the page). */
export async function readRoundForm(request: Request, _db: Database) {
  const raw = formObject(await request.formData(), ['areas', 'invitedOrganizationIds']);
  const invited = raw.invitedOrganizationIds as string[];
  const parsed = parseWith(roundSchema, {
    ...raw,
    invitedOrganizationIds: invited,
    submissionDeadline: raw.submissionDeadline ? raw.submissionDeadline : null,
    wordLimit: raw.wordLimit ? raw.wordLimit : null,
  });
  return { parsed, values: { ...raw, invitedOrganizationIds: invited } };
}
