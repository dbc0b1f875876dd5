import type { Database } from '../../db/client.ts';
import { organizationIdsMatching } from '../../domain/organizations.ts';
import { roundSchema } from '../../domain/rounds.ts';
import { formObject, parseWith } from './forms.server.ts';

/** Reads the round form: the organizations picked one by one plus those matching the filter. */
export async function readRoundForm(request: Request, db: Database) {
  const raw = formObject(await request.formData(), ['areas', 'invitedOrganizationIds']);
  let invited = raw.invitedOrganizationIds as string[];
  const area = typeof raw.inviteArea === 'string' ? raw.inviteArea : '';
  if (area) {
    const matching = await organizationIdsMatching(db, { area: area === '*' ? undefined : area, observersOnly: raw.inviteObserversOnly === 'on' });
    invited = [...new Set([...invited, ...matching])];
  }
  const parsed = parseWith(roundSchema, {
    ...raw,
    invitedOrganizationIds: invited,
    submissionDeadline: raw.submissionDeadline ? raw.submissionDeadline : null,
    wordLimit: raw.wordLimit ? raw.wordLimit : null,
  });
  return { parsed, values: { ...raw, invitedOrganizationIds: invited } };
}
