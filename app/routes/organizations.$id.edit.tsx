import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { getOrganization, updateOrganization } from '../../domain/organizations.ts';
import { OrganizationForm, type OrganizationFormValues } from '../components/organization-form.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { domainErrorResponse, invalid } from '../utils/forms.server.ts';
import { readOrganizationForm } from '../utils/organization-form.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organization.edit');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  const id = params.id ?? '';
  await requirePermission(context, user, 'edit', { type: 'organization', id });
  const { organization } = await getOrganization(context.services.db, id).catch((e) => domainErrorResponse(e) as never);
  return { organization };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  const id = params.id ?? '';
  await requirePermission(context, user, 'edit', { type: 'organization', id });
  const { parsed, values } = await readOrganizationForm(request);
  if (!parsed.ok) return invalid(parsed.errors, values);
  try {
    await getOrganization(context.services.db, id);
    await updateOrganization(context.services.db, id, parsed.value, user.id);
  } catch (error) {
    return domainErrorResponse(error, values);
  }
  context.services.realtime.organizationChanged(id);
  return redirectWithToast(`/organizations/${id}`, { kind: 'success', key: 'toast.organizationSaved' });
}

export default function EditOrganizationPage() {
  const t = useT();
  const { organization } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack narrow-wide">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/organizations">{t('organizations.title')}</Link> › <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
      </nav>
      <h1>{t('organization.editTitle', { name: organization.name })}</h1>
      <OrganizationForm values={(result?.values ?? organization) as OrganizationFormValues} errors={result?.errors ?? {}} submitLabel={t('forms.save')} />
    </div>
  );
}
