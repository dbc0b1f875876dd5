import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { createOrganization } from '../../domain/organizations.ts';
import { OrganizationForm, type OrganizationFormValues } from '../components/organization-form.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, invalid } from '../utils/forms.server.ts';
import { readOrganizationForm } from '../utils/organization-form.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organizations.new');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'create', { type: 'organizations' });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'create', { type: 'organizations' });
  const { parsed, values } = await readOrganizationForm(request);
  if (!parsed.ok) return invalid(parsed.errors, values);
  try {
    const created = await createOrganization(context.services.db, parsed.value, user.id);
    return redirectWithToast(`/organizations/${created.id}`, { kind: 'success', key: 'toast.organizationCreated' });
  } catch (error) {
    return domainErrorResponse(error, values);
  }
}

export default function NewOrganizationPage() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <div className="stack narrow-wide">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/organizations">{t('organizations.title')}</Link>
      </nav>
      <h1>{t('organizations.new')}</h1>
      <OrganizationForm values={(result?.values ?? {}) as OrganizationFormValues} errors={result?.errors ?? {}} submitLabel={t('organizations.create')} />
    </div>
  );
}
