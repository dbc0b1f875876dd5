import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { listOrganizationChoices } from '../../domain/organizations.ts';
import { timeZoneChoices } from '../../domain/time-zones.ts';
import { createRoundAnnounced } from '../../domain/round-announcements.ts';
import { RoundForm, type RoundFormValues } from '../components/round-form.tsx';
import { requireUser } from '../utils/auth.server.ts';
import { invalid } from '../utils/forms.server.ts';
import { requirePermission } from '../utils/permissions.server.ts';
import { readRoundForm } from '../utils/round-form.server.ts';
import { useT } from '../utils/i18n.tsx';
import { pageTitle } from '../utils/meta.ts';
import { redirectWithToast } from '../utils/toast.server.ts';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'rounds.new');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'create', { type: 'rounds' });
  return { organizations: await listOrganizationChoices(context.services.db), timeZones: timeZoneChoices() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireUser(request, context);
  await requirePermission(context, user, 'create', { type: 'rounds' });
  const { parsed, values } = await readRoundForm(request, context.services.db);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const { round, notified } = await createRoundAnnounced(context.services.db, parsed.value, user.id);
  context.services.realtime.notificationsChanged(notified);
  return redirectWithToast(`/rounds/${round.id}`, { kind: 'success', key: 'toast.roundCreated' });
}

export default function NewRoundPage() {
  const t = useT();
  const { organizations, timeZones } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="stack narrow-wide">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <Link to="/rounds">{t('rounds.title')}</Link>
      </nav>
      <h1>{t('rounds.new')}</h1>
      <RoundForm values={(result?.values ?? {}) as RoundFormValues} errors={result?.errors ?? {}} organizations={organizations} timeZones={timeZones} submitLabel={t('rounds.create')} isNew />
    </div>
  );
}
