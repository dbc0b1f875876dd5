import { organizationSchema } from '../../domain/organizations.ts';
import { formObject, parseWith } from './forms.server.ts';

/** Reads the organization form into the domain's input, or the messages beside each field. */
export async function readOrganizationForm(request: Request) {
  const raw = formObject(await request.formData(), ['areas', 'relationships']);
  const countries = String(raw.countries ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean);
  const parsed = parseWith(organizationSchema, {
    ...raw,
    countries,
    hasObserverStatus: raw.hasObserverStatus === 'on',
    observerSince: raw.observerSince ? raw.observerSince : null,
  });
  return { parsed, values: raw };
}
